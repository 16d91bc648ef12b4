package com.draftorders.payment.domain;

/** What happened to a payment, or why a command was refused; each maps to one payload of payment-events. */
public sealed interface PaymentEvent {

    String paymentId();

    record Authorized(
            String paymentId,
            String draftOrderId,
            long amount,
            String currency,
            String provider,
            String providerReference)
            implements PaymentEvent {}

    /**
     * @param code {@code invalid_amount}, {@code invalid_currency}, {@code unknown_gateway} or the provider's code
     */
    record AuthorizationFailed(String paymentId, String draftOrderId, String code, String reason)
            implements PaymentEvent {}

    record Captured(String paymentId, String draftOrderId, String orderId, long amount, String currency)
            implements PaymentEvent {}

    record CaptureFailed(String paymentId, String orderId, String reason) implements PaymentEvent {}

    record Voided(String paymentId, String draftOrderId, String reason) implements PaymentEvent {}

    /** @param totalRefunded everything refunded so far, this refund included */
    record Refunded(String paymentId, String orderId, long amount, long totalRefunded, String currency)
            implements PaymentEvent {}

    /** A void or refund that cannot be done; {@code command} is its name, e.g. {@code VoidPayment}. */
    record CommandRejected(String paymentId, String idempotencyKey, String command, String reason)
            implements PaymentEvent {}
}
