package com.draftorders.messaging;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Saves an {@link OutboxDocument} (state, outgoing messages and handled ids in one atomic write, optimistic locking
 * on its version) and then hands the relay the outbox it just wrote, to publish right away without reading it back.
 */
public class OutboxWriter {

    private final MongoTemplate mongo;
    private final OutboxRelay relay;

    public OutboxWriter(MongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    /**
     * Inserts a new document or updates an existing one.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when another writer changed it first
     * @throws org.springframework.dao.DuplicateKeyException when a unique index refuses a new document
     */
    public <T extends OutboxDocument> T save(T document) {
        T saved = mongo.save(document);
        if (!saved.getOutbox().isEmpty()) {
            relay.publishSoon(mongo.getCollectionName(saved.getClass()), saved.getId(), saved.getOutbox());
        }
        return saved;
    }
}
