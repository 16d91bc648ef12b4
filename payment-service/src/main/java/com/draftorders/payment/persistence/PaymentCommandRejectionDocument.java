package com.draftorders.payment.persistence;

import com.draftorders.messaging.OutboxDocument;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The answer to a command about a payment that does not exist ({@code PaymentCaptureFailed} or {@code
 * PaymentCommandRejected}), kept here because there is no payment document to carry it in its outbox. Its id is the
 * incoming message's event id, so a redelivered command is answered once.
 */
@Document(PaymentCommandRejectionDocument.COLLECTION)
public class PaymentCommandRejectionDocument extends OutboxDocument {

    public static final String COLLECTION = "payment_command_rejections";

    @Id
    private String id;

    private String storeId;
    private String paymentId;
    private String command;
    private String reason;
    private Instant rejectedAt;

    protected PaymentCommandRejectionDocument() {}

    public PaymentCommandRejectionDocument(
            String eventId, String storeId, String paymentId, String command, String reason, Instant rejectedAt) {
        this.id = eventId;
        this.storeId = storeId;
        this.paymentId = paymentId;
        this.command = command;
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

    public String getPaymentId() {
        return paymentId;
    }

    public String getCommand() {
        return command;
    }

    public String getReason() {
        return reason;
    }

    public Instant getRejectedAt() {
        return rejectedAt;
    }
}
