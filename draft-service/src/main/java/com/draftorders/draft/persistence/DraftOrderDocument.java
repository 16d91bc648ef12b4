package com.draftorders.draft.persistence;

import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.messaging.OutboxDocument;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A draft as stored: its state, the saga state inside it, the locked cart the saga hands to order-service, and (from
 * {@link OutboxDocument}) its outbox and handled message ids — one document, one atomic write. The top-level fields
 * beside {@code draft} are copies for queries (the list's filters and sort orders, each indexed); a deleted draft
 * stays as a tombstone ({@code deleted}) that every read filters out.
 */
@Document("draft_orders")
@CompoundIndexes({
    @CompoundIndex(name = "store_status_updated", def = "{'storeId': 1, 'status': 1, 'updatedAt': -1}"),
    @CompoundIndex(name = "store_created", def = "{'storeId': 1, 'createdAt': -1, '_id': -1}"),
    @CompoundIndex(name = "store_updated", def = "{'storeId': 1, 'updatedAt': -1, '_id': -1}"),
    @CompoundIndex(name = "store_email", def = "{'storeId': 1, 'emailLower': 1}"),
    @CompoundIndex(name = "store_tags", def = "{'storeId': 1, 'tagsLower': 1}")
})
public class DraftOrderDocument extends OutboxDocument {

    @Id
    private String id;

    @Indexed
    private String storeId;

    /** {@code store:channel:external_reference} for drafts from an upstream channel; absent otherwise. */
    @Indexed(unique = true, sparse = true)
    private String channelReference;

    private String status;
    private Instant createdAt;
    private Instant updatedAt;
    private boolean deleted;
    private String nameLower;
    private String emailLower;
    private List<String> tagsLower;
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
        this.createdAt = state.createdAt();
        this.updatedAt = state.updatedAt();
        this.deleted = state.deletedAt() != null;
        this.nameLower = lower(state.name());
        this.emailLower =
                state.customer() == null ? null : lower(state.customer().email());
        this.tagsLower = state.tags() == null
                ? List.of()
                : state.tags().stream().map(DraftOrderDocument::lower).toList();
    }

    static String lower(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    @Override
    public String getId() {
        return id;
    }

    public String getStoreId() {
        return storeId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isDeleted() {
        return deleted;
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
