package com.draftorders.order.domain;

/** What happened to an order, recorded by the aggregate once per real change, for the outbox to publish. */
public sealed interface OrderEvent {

    String orderId();

    /** The order was created from a draft's cart; subscribers get the whole order. */
    record OrderCreated(String orderId) implements OrderEvent {}

    /** The order asks payment-service to capture its whole authorization, exactly once per order. */
    record CaptureRequested(String orderId, String paymentId, String idempotencyKey) implements OrderEvent {}

    record PaymentCaptured(String orderId, String paymentId, long amount, String currency) implements OrderEvent {}

    record PaymentVoided(String orderId, String paymentId) implements OrderEvent {}

    record PaymentRefunded(String orderId, String paymentId, long amount, long totalRefunded, String currency)
            implements OrderEvent {}
}
