package com.draftorders.payment.persistence;

import com.draftorders.messaging.OutboxDocument;
import com.draftorders.payment.domain.Payment;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A payment as stored: its state and (from {@link OutboxDocument}) the events it still has to publish and the
 * message ids it has handled — one document, one atomic write. The store, draft order and status are repeated at the
 * top level for operators' queries.
 */
@Document(PaymentDocument.COLLECTION)
@CompoundIndex(name = "store_draft_order", def = "{'storeId': 1, 'draftOrderId': 1}")
public class PaymentDocument extends OutboxDocument {

    public static final String COLLECTION = "payments";

    @Id
    private String id;

    private String storeId;
    private String draftOrderId;
    private String status;
    private Instant updatedAt;
    private Payment.State payment;

    protected PaymentDocument() {}

    private PaymentDocument(String id) {
        this.id = id;
    }

    /** A document for a payment that was just created. */
    public static PaymentDocument of(Payment payment) {
        PaymentDocument document = new PaymentDocument(payment.id());
        document.update(payment);
        return document;
    }

    /** Takes the payment's current state (its outbox and handled ids stay as they are). */
    public void update(Payment payment) {
        Payment.State state = payment.state();
        if (!state.id().equals(id)) {
            throw new IllegalArgumentException("payment " + state.id() + " does not belong in document " + id);
        }
        this.payment = state;
        this.storeId = state.storeId();
        this.draftOrderId = state.draftOrderId();
        this.status = state.status().name();
        this.updatedAt = state.updatedAt();
    }

    public Payment toPayment() {
        return Payment.restore(payment);
    }

    public Payment.State getPayment() {
        return payment;
    }

    @Override
    public String getId() {
        return id;
    }

    public String getStoreId() {
        return storeId;
    }

    public String getStatus() {
        return status;
    }
}
