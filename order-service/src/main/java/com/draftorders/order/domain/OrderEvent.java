package com.draftorders.order.domain;

/** What happened to an order, recorded by the aggregate once per real change, for the outbox to publish. */
public sealed interface OrderEvent {

    String orderId();

    /** The order was created from a draft's cart; subscribers get the whole order. */
    record OrderCreated(String orderId) implements OrderEvent {}

    /**
     * The order asks payment-service to capture: its whole authorization right after creation (exactly once per
     * order), or what a merchant asked for later.
     *
     * @param amount minor units, null for the whole authorization
     */
    record CaptureRequested(String orderId, String paymentId, String idempotencyKey, Long amount)
            implements OrderEvent {

        public CaptureRequested(String orderId, String paymentId, String idempotencyKey) {
            this(orderId, paymentId, idempotencyKey, null);
        }
    }

    /** A merchant asked to void the authorization. */
    record VoidRequested(String orderId, String paymentId, String idempotencyKey, String reason)
            implements OrderEvent {}

    /** A merchant asked to refund {@code amount} minor units of what was captured. */
    record RefundRequested(String orderId, String paymentId, String idempotencyKey, long amount, String reason)
            implements OrderEvent {}

    record PaymentCaptured(String orderId, String paymentId, long amount, String currency) implements OrderEvent {}

    record PaymentVoided(String orderId, String paymentId) implements OrderEvent {}

    record PaymentRefunded(String orderId, String paymentId, long amount, long totalRefunded, String currency)
            implements OrderEvent {}
}
