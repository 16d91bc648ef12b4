package com.draftorders.draft.persistence;

import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.messaging.OutboxDocument;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A draft as stored: its state, the saga state inside it, the locked cart the saga hands to order-service, and (from
 * {@link OutboxDocument}) its outbox and handled message ids — one document, one atomic write.
 */
@Document("draft_orders")
@CompoundIndex(name = "store_status_updated", def = "{'storeId': 1, 'status': 1, 'updatedAt': -1}")
public class DraftOrderDocument extends OutboxDocument {

    @Id
    private String id;

    @Indexed
    private String storeId;

    /** {@code store:channel:external_reference} for drafts from an upstream channel; absent otherwise. */
    @Indexed(unique = true, sparse = true)
    private String channelReference;

    private String status;
    private Instant updatedAt;
    private DraftOrder.State draft;

    /** The cart snapshot of CartLocked, in Avro binary, passed on to CreateOrderFromCart. */
    private byte[] lockedCart;

    protected DraftOrderDocument() {}

    DraftOrderDocument(DraftOrder.State draft) {
        this.id = draft.id();
        this.storeId = draft.storeId();
        if (draft.channel() != null && draft.externalReference() != null) {
            this.channelReference = channelReference(draft.storeId(), draft.channel(), draft.externalReference());
        }
        update(draft);
    }

    static String channelReference(String storeId, String channel, String externalReference) {
        return storeId + ":" + channel + ":" + externalReference;
    }

    void update(DraftOrder.State state) {
        this.draft = state;
        this.status = state.status().name();
        this.updatedAt = state.updatedAt();
    }

    @Override
    public String getId() {
        return id;
    }

    public String getStoreId() {
        return storeId;
    }

    public DraftOrder.State getDraft() {
        return draft;
    }

    public byte[] getLockedCart() {
        return lockedCart;
    }

    public void setLockedCart(byte[] lockedCart) {
        this.lockedCart = lockedCart;
    }
}
