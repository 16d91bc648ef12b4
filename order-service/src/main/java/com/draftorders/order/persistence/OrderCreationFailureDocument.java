package com.draftorders.order.persistence;

import com.draftorders.messaging.OutboxDocument;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The answer to a draft whose order could not be created, kept in {@code order_creation_failures} under the draft
 * id: no order exists to carry the {@code OrderCreationFailed} message in its outbox, so this small document does.
 */
@Document(OrderCreationFailureDocument.COLLECTION)
public class OrderCreationFailureDocument extends OutboxDocument {

    public static final String COLLECTION = "order_creation_failures";

    @Id
    private String id;

    private String storeId;
    private String reason;
    private Instant failedAt;
    private int failures;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStoreId() {
        return storeId;
    }

    public void setStoreId(String storeId) {
        this.storeId = storeId;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Instant getFailedAt() {
        return failedAt;
    }

    public void setFailedAt(Instant failedAt) {
        this.failedAt = failedAt;
    }

    /** How many distinct creation commands for this draft were refused. */
    public int getFailures() {
        return failures;
    }

    public void setFailures(int failures) {
        this.failures = failures;
    }
}
