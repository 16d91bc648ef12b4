package com.draftorders.payment.domain;

/**
 * What callers ask of a payment. Each command carries the caller's idempotency key: a command whose key the payment
 * has already handled has no second effect, whatever message brought it.
 */
public sealed interface PaymentCommand {

    String paymentId();

    String idempotencyKey();

    /** The command's name on the wire, e.g. {@code CapturePayment}. */
    String name();

    /**
     * The answer when no payment {@link #paymentId()} exists (in the caller's store): a capture answers
     * {@code PaymentCaptureFailed}, the others {@code PaymentCommandRejected}.
     */
    PaymentEvent unknownPayment();

    /** Authorize {@code amount} with {@code provider}; creates the payment {@code paymentId}. */
    record Authorize(
            String paymentId,
            String idempotencyKey,
            String draftOrderId,
            long amount,
            String currency,
            String provider,
            String email)
            implements PaymentCommand {

        @Override
        public String name() {
            return "AuthorizePayment";
        }

        @Override
        public PaymentEvent unknownPayment() {
            throw new UnsupportedOperationException("an authorization creates its payment");
        }
    }

    /** Capture {@code amount} (null: all that was authorized) for order {@code orderId}. */
    record Capture(String paymentId, String idempotencyKey, String orderId, Long amount) implements PaymentCommand {

        @Override
        public String name() {
            return "CapturePayment";
        }

        @Override
        public PaymentEvent unknownPayment() {
            return new PaymentEvent.CaptureFailed(paymentId, orderId, notFound(paymentId));
        }
    }

    /** Release the authorization without taking the money. */
    record VoidAuthorization(String paymentId, String idempotencyKey, String reason) implements PaymentCommand {

        @Override
        public String name() {
            return "VoidPayment";
        }

        @Override
        public PaymentEvent unknownPayment() {
            return new PaymentEvent.CommandRejected(paymentId, idempotencyKey, name(), notFound(paymentId));
        }
    }

    /** Give back {@code amount} of what was captured. */
    record Refund(String paymentId, String idempotencyKey, long amount, String reason) implements PaymentCommand {

        @Override
        public String name() {
            return "RefundPayment";
        }

        @Override
        public PaymentEvent unknownPayment() {
            return new PaymentEvent.CommandRejected(paymentId, idempotencyKey, name(), notFound(paymentId));
        }
    }

    private static String notFound(String paymentId) {
        return "payment " + paymentId + " not found";
    }
}
