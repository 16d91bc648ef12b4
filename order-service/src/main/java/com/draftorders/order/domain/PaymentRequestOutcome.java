package com.draftorders.order.domain;

/**
 * The answer of an order to a capture, void or refund request: accepted (the command is recorded), a replay of a
 * request already accepted under the same key (nothing new is recorded), the key reused for another request, or a
 * refusal with a machine-readable code and the reason.
 */
public sealed interface PaymentRequestOutcome {

    record Accepted(PaymentRequest request) implements PaymentRequestOutcome {}

    record Replayed(PaymentRequest request) implements PaymentRequestOutcome {}

    record KeyReused(String idempotencyKey, PaymentRequest.Kind firstKind) implements PaymentRequestOutcome {}

    /**
     * A request the payment's state does not allow.
     *
     * @param code {@code payment_not_authorized}, {@code payment_not_refundable}, {@code invalid_amount},
     *     {@code capture_exceeds_authorized} or {@code refund_exceeds_captured}
     * @param refundable for {@code refund_exceeds_captured}: what may still be refunded (captured less refunded)
     */
    record Refused(String code, String reason, long captured, long refunded, long refundable)
            implements PaymentRequestOutcome {

        static Refused of(String code, String reason) {
            return new Refused(code, reason, 0, 0, 0);
        }
    }
}
