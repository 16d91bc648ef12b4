package com.draftorders.cart.persistence;

import com.draftorders.messaging.OutboxDocument;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A {@code LockCart} that named a cart this service does not have (collection {@code cart_command_rejections}). There
 * is no cart document to carry the {@code CartLockRejected} reply in its outbox, so this small document carries it;
 * its id is the command's {@code event_id}, so a redelivered command hits the unique {@code _id} and replies only
 * once.
 */
@Document(CartLockRejectionDocument.COLLECTION)
public class CartLockRejectionDocument extends OutboxDocument {

    public static final String COLLECTION = "cart_command_rejections";

    @Id
    private String id;

    private String storeId;
    private String cartId;
    private String draftOrderId;
    private long draftVersion;
    private int attempt;
    private String reason;
    private Instant rejectedAt;

    protected CartLockRejectionDocument() {}

    public CartLockRejectionDocument(
            String commandEventId,
            String storeId,
            String cartId,
            String draftOrderId,
            long draftVersion,
            int attempt,
            String reason,
            Instant rejectedAt) {
        this.id = commandEventId;
        this.storeId = storeId;
        this.cartId = cartId;
        this.draftOrderId = draftOrderId;
        this.draftVersion = draftVersion;
        this.attempt = attempt;
        this.reason = reason;
        this.rejectedAt = rejectedAt;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getStoreId() {
        return storeId;
    }

    public String getCartId() {
        return cartId;
    }

    public String getDraftOrderId() {
        return draftOrderId;
    }

    public long getDraftVersion() {
        return draftVersion;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getReason() {
        return reason;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }
}
