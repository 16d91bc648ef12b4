package com.draftorders.cart.persistence;

import com.draftorders.messaging.OutboxDocument;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A cart in MongoDB (collection {@code carts}): its state, its calculation, and its outbox and handled command ids
 * (from {@link OutboxDocument}), all written in one single-document update.
 */
@Document(CartDocument.COLLECTION)
@CompoundIndex(name = "store_draft_order", def = "{'storeId': 1, 'draftOrderId': 1}")
public class CartDocument extends OutboxDocument {

    public static final String COLLECTION = "carts";

    @Id
    private String id;

    private String storeId;
    private String draftOrderId;
    private String type;
    private long draftVersion;
    private long revision;
    private StoredCart.Calculated cart;
    private StoredCart.Lock lock;
    private Instant createdAt;
    private Instant updatedAt;

    @Override
    public String getId() {
        return id;
    }

    void setId(String id) {
        this.id = id;
    }

    public String getStoreId() {
        return storeId;
    }

    void setStoreId(String storeId) {
        this.storeId = storeId;
    }

    public String getDraftOrderId() {
        return draftOrderId;
    }

    void setDraftOrderId(String draftOrderId) {
        this.draftOrderId = draftOrderId;
    }

    public String getType() {
        return type;
    }

    void setType(String type) {
        this.type = type;
    }

    public long getDraftVersion() {
        return draftVersion;
    }

    void setDraftVersion(long draftVersion) {
        this.draftVersion = draftVersion;
    }

    public long getRevision() {
        return revision;
    }

    void setRevision(long revision) {
        this.revision = revision;
    }

    StoredCart.Calculated getCart() {
        return cart;
    }

    void setCart(StoredCart.Calculated cart) {
        this.cart = cart;
    }

    StoredCart.Lock getLock() {
        return lock;
    }

    void setLock(StoredCart.Lock lock) {
        this.lock = lock;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
