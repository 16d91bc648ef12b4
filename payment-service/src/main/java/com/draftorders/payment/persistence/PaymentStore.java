package com.draftorders.payment.persistence;

import com.draftorders.messaging.OutboxWriter;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reads payments and writes them (with their outbox) through the {@link OutboxWriter}. */
@Component
public class PaymentStore {

    private final MongoTemplate mongo;
    private final OutboxWriter writer;

    public PaymentStore(MongoTemplate mongo, OutboxWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    /** Whether a payment with this id exists in any store. */
    public boolean exists(String paymentId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(paymentId)), PaymentDocument.class);
    }

    /** The payment {@code paymentId} of {@code storeId}; another store's payment is not found. */
    public Optional<PaymentDocument> find(String paymentId, String storeId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(Criteria.where("_id").is(paymentId).and("storeId").is(storeId)), PaymentDocument.class));
    }

    /**
     * Inserts a new payment or updates a loaded one, with its outbox, in one write.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a new payment's id exists already
     * @throws org.springframework.dao.OptimisticLockingFailureException when someone else changed it since it was
     *     loaded
     */
    public void save(PaymentDocument document) {
        writer.save(document);
    }

    public boolean hasRejection(String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(eventId)), PaymentCommandRejectionDocument.class);
    }

    /** @throws org.springframework.dao.DuplicateKeyException when this message was answered already */
    public void save(PaymentCommandRejectionDocument rejection) {
        writer.save(rejection);
    }
}
