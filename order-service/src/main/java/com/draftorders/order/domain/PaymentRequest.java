package com.draftorders.order.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A capture, void or refund a merchant asked for, remembered on the order under the caller's idempotency key so that
 * the same request sent again is answered as before and sends no second command.
 *
 * @param idempotencyKey the caller's key, unique per order
 * @param requestHash a SHA-256 of the request's kind and content; the same key with another hash is a reused key
 * @param amount minor units (null for a void, and for a capture of the whole authorization)
 */
public record PaymentRequest(Kind kind, String idempotencyKey, String requestHash, Long amount, String reason) {

    public enum Kind {
        CAPTURE,
        VOID,
        REFUND
    }

    public PaymentRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
    }

    /** A new request with the hash of its content. */
    public static PaymentRequest of(Kind kind, String idempotencyKey, Long amount, String reason) {
        return new PaymentRequest(kind, idempotencyKey, hash(kind, amount, reason), amount, reason);
    }

    /** The key the payment command carries: {@code order:<order id>:<idempotency key>}. */
    public String commandKey(String orderId) {
        return "order:" + orderId + ":" + idempotencyKey;
    }

    static String hash(Kind kind, Long amount, String reason) {
        String canonical = kind + "\n" + (amount == null ? "" : amount) + "\n" + (reason == null ? "" : reason);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
