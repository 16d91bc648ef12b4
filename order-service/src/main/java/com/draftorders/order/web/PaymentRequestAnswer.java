package com.draftorders.order.web;

import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.PaymentRequest;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a capture, void or refund request answers: the request as it was accepted, under its kind ({@code capture},
 * {@code void} or {@code refund}), not the order (whose payment status changes only once payment-service reports
 * back, so the order at that moment says nothing about the request). It is made from the request the order
 * remembers under the idempotency key alone, so a replay of the same key answers the same bytes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentRequestAnswer(
        Accepted capture, @JsonProperty("void") Accepted voidPayment, Accepted refund) {

    /**
     * @param status {@code pending}: the command is recorded and sent; the order's {@code payment_status} shows the
     *     outcome
     * @param amount for a capture or refund, in the order currency (a capture without an amount: the whole
     *     authorization); absent for a void
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Accepted(
            String orderId, String status, String amount, String currency, String reason, String idempotencyKey) {}

    static PaymentRequestAnswer of(Order order, PaymentRequest request) {
        String currency = order.currency();
        Long minor = request.kind() == PaymentRequest.Kind.CAPTURE && request.amount() == null
                ? Long.valueOf(order.cart().totals().totalPrice())
                : request.amount();
        var accepted = new Accepted(
                order.id(),
                "pending",
                minor == null ? null : MoneyFormat.format(minor, currency),
                currency,
                request.reason(),
                request.idempotencyKey());
        return switch (request.kind()) {
            case CAPTURE -> new PaymentRequestAnswer(accepted, null, null);
            case VOID -> new PaymentRequestAnswer(null, accepted, null);
            case REFUND -> new PaymentRequestAnswer(null, null, accepted);
        };
    }
}
