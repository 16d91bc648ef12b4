package com.draftorders.draft.persistence;

import com.draftorders.messaging.OutboxDocument;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A refused upstream request. It holds the {@code DraftOrderRequestRejected} event in its outbox; its id is the
 * request's identity, so a re-sent request is rejected once.
 */
@Document("draft_request_rejections")
public class RequestRejectionDocument extends OutboxDocument {

    @Id
    private String id;

    private String storeId;
    private String reason;
    private Instant rejectedAt;

    protected RequestRejectionDocument() {}

    public RequestRejectionDocument(String id, String storeId, String reason, Instant rejectedAt) {
        this.id = id;
        this.storeId = storeId;
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

    public String getReason() {
        return reason;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }
}
