package com.draftorders.order.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.draftorders.messaging.OutboxDocument;
import com.draftorders.messaging.OutboxWriter;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Reads and writes order-service's documents; every write goes through the outbox writer. */
@Component
public class OrderStore {

    private final MongoTemplate mongo;
    private final OutboxWriter writer;

    public OrderStore(MongoTemplate mongo, OutboxWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    /** The order of a draft, whatever its store: draft ids are unique across stores. */
    public Optional<OrderDocument> findByDraftOrderId(String draftOrderId) {
        return Optional.ofNullable(mongo.findOne(query(where("draftOrderId").is(draftOrderId)), OrderDocument.class));
    }

    public Optional<OrderDocument> findByDraftOrderId(String storeId, String draftOrderId) {
        return Optional.ofNullable(mongo.findOne(
                query(where("draftOrderId").is(draftOrderId).and("storeId").is(storeId)), OrderDocument.class));
    }

    public Optional<OrderDocument> findById(String storeId, String orderId) {
        return Optional.ofNullable(
                mongo.findOne(query(where("_id").is(orderId).and("storeId").is(storeId)), OrderDocument.class));
    }

    public Optional<OrderDocument> findByPaymentId(String storeId, String paymentId) {
        return Optional.ofNullable(mongo.findOne(
                query(where("paymentId").is(paymentId).and("storeId").is(storeId)), OrderDocument.class));
    }

    public Optional<OrderCreationFailureDocument> findCreationFailure(String draftOrderId) {
        return Optional.ofNullable(mongo.findById(draftOrderId, OrderCreationFailureDocument.class));
    }

    /**
     * Inserts or updates a document with its outbox and handled message ids in one write.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when another writer changed it first
     * @throws org.springframework.dao.DuplicateKeyException when a unique index refuses a new document
     */
    public <T extends OutboxDocument> T save(T document) {
        return writer.save(document);
    }
}
