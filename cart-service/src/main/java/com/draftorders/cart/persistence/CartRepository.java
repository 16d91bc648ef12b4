package com.draftorders.cart.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.draftorders.messaging.OutboxWriter;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves carts and lock rejections. Saves go through {@link OutboxWriter}: state, outbox and handled
 * command ids in one single-document write.
 */
@Repository
public class CartRepository {

    private final MongoTemplate mongo;
    private final OutboxWriter writer;

    public CartRepository(MongoTemplate mongo, OutboxWriter writer) {
        this.mongo = mongo;
        this.writer = writer;
    }

    public Optional<CartDocument> find(String cartId) {
        return Optional.ofNullable(mongo.findById(cartId, CartDocument.class));
    }

    /** The cart if it exists in {@code storeId}; another store's cart is not found. */
    public Optional<CartDocument> findInStore(String cartId, String storeId) {
        return Optional.ofNullable(
                mongo.findOne(Query.query(where("_id").is(cartId).and("storeId").is(storeId)), CartDocument.class));
    }

    /**
     * Inserts a new cart or updates a loaded one.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a new cart's id exists already
     * @throws org.springframework.dao.OptimisticLockingFailureException when another writer changed it first
     */
    public CartDocument save(CartDocument cart) {
        return writer.save(cart);
    }

    /**
     * Inserts a lock rejection.
     *
     * @throws org.springframework.dao.DuplicateKeyException when this command was rejected already
     */
    public CartLockRejectionDocument save(CartLockRejectionDocument rejection) {
        return writer.save(rejection);
    }

    public Optional<CartLockRejectionDocument> findRejection(String commandEventId) {
        return Optional.ofNullable(mongo.findById(commandEventId, CartLockRejectionDocument.class));
    }
}
