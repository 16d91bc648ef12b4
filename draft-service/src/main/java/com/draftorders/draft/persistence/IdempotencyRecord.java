package com.draftorders.draft.persistence;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One {@code Idempotency-Key} of one store: the hash of the request that first used it and, once that request
 * succeeded, its response. While the first request runs the record holds a lease (a random token and when it was
 * taken); a record whose lease is older than the lease time was left by a crashed request and may be taken over.
 */
@Document("idempotency_keys")
public class IdempotencyRecord {

    @Id
    private String id;

    private String storeId;
    private String key;
    private String requestHash;
    private String lease;

    @Indexed
    private Instant startedAt;

    private boolean completed;
    private int status;
    private Map<String, String> headers;
    private byte[] body;

    protected IdempotencyRecord() {}

    IdempotencyRecord(String storeId, String key, String requestHash, String lease, Instant startedAt) {
        this.id = id(storeId, key);
        this.storeId = storeId;
        this.key = key;
        this.requestHash = requestHash;
        this.lease = lease;
        this.startedAt = startedAt;
    }

    static String id(String storeId, String key) {
        return storeId + "|" + key;
    }

    public String getId() {
        return id;
    }

    public String getStoreId() {
        return storeId;
    }

    public String getKey() {
        return key;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public String getLease() {
        return lease;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public boolean isCompleted() {
        return completed;
    }

    public int getStatus() {
        return status;
    }

    public Map<String, String> getHeaders() {
        return headers == null ? Map.of() : headers;
    }

    public byte[] getBody() {
        return body == null ? new byte[0] : body;
    }
}
