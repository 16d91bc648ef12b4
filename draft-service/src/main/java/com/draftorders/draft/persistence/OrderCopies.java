package com.draftorders.draft.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.draftorders.draft.domain.OrderCopy;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * draft-service's own copies of orders, made from {@code OrderCreated}: written once per order id (an order's
 * content never changes, so a redelivered event is a no-op), read per store.
 */
@Component
public class OrderCopies {

    private final MongoTemplate mongo;

    public OrderCopies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps {@code copy}; returns false when the order was copied already. */
    public boolean record(OrderCopy copy, Instant now) {
        try {
            mongo.insert(new OrderCopyDocument(copy, now));
            return true;
        } catch (DuplicateKeyException alreadyCopied) {
            return false;
        }
    }

    /** The copy of order {@code orderId} of {@code storeId}; another store's order is not found. */
    public Optional<OrderCopy> find(String storeId, String orderId) {
        return Optional.ofNullable(mongo.findOne(
                        query(where("_id").is(orderId).and("storeId").is(storeId)), OrderCopyDocument.class))
                .map(OrderCopyDocument::toCopy);
    }
}
