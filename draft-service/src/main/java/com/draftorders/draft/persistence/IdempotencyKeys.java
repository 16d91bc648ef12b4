package com.draftorders.draft.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The store of {@link IdempotencyRecord}s. Claiming a key is an insert (the unique {@code _id} lets exactly one
 * request win); finishing stores the response under the winner's lease; a request that failed releases the key.
 */
@Component
public class IdempotencyKeys {

    private final MongoTemplate mongo;

    public IdempotencyKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What claiming a key found. */
    public sealed interface Claim {
        /** The caller runs the request and then {@link #finish}es or {@link #release}s with this lease. */
        record Claimed(String id, String lease) implements Claim {}

        /** The key's first request completed with this response. */
        record Completed(IdempotencyRecord record) implements Claim {}

        /** The key was used for a different request. */
        record Reused() implements Claim {}

        /** The key's first request is still running. */
        record InUse() implements Claim {}
    }

    public Claim claim(String storeId, String key, String requestHash, Instant now, Duration leaseTime) {
        String lease = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                mongo.insert(new IdempotencyRecord(storeId, key, requestHash, lease, now));
                return new Claim.Claimed(IdempotencyRecord.id(storeId, key), lease);
            } catch (DuplicateKeyException taken) {
                Optional<IdempotencyRecord> existing = Optional.ofNullable(
                        mongo.findById(IdempotencyRecord.id(storeId, key), IdempotencyRecord.class));
                if (existing.isEmpty()) {
                    continue; // released in between: claim again
                }
                IdempotencyRecord record = existing.get();
                if (!record.getRequestHash().equals(requestHash)) {
                    return new Claim.Reused();
                }
                if (record.isCompleted()) {
                    return new Claim.Completed(record);
                }
                if (record.getStartedAt().isAfter(now.minus(leaseTime))) {
                    return new Claim.InUse();
                }
                // Its request died while running (nothing was stored): take the lease over.
                var takeover = mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(record.getId())
                                .and("lease")
                                .is(record.getLease())
                                .and("completed")
                                .is(false)),
                        new Update().set("lease", lease).set("startedAt", now),
                        IdempotencyRecord.class);
                if (takeover.getModifiedCount() == 1) {
                    return new Claim.Claimed(record.getId(), lease);
                }
            }
        }
        return new Claim.InUse();
    }

    /** Stores the response of the claimed request. */
    public void finish(Claim.Claimed claim, int status, Map<String, String> headers, byte[] body) {
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(claim.id()).and("lease").is(claim.lease())),
                new Update()
                        .set("completed", true)
                        .set("status", status)
                        .set("headers", headers)
                        .set("body", body),
                IdempotencyRecord.class);
    }

    /** Frees the key: the claimed request changed nothing, so the same key may run it again. */
    public void release(Claim.Claimed claim) {
        mongo.remove(
                Query.query(Criteria.where("_id").is(claim.id()).and("lease").is(claim.lease())),
                IdempotencyRecord.class);
    }

    /** Forgets keys first used before {@code before}; returns how many. */
    public long forgetOlderThan(Instant before) {
        return mongo.remove(Query.query(Criteria.where("startedAt").lt(before)), IdempotencyRecord.class)
                .getDeletedCount();
    }
}
