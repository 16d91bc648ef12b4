package com.draftorders.payment.web;

import com.draftorders.messaging.web.MoneyFormat;
import com.draftorders.payment.domain.Payment;
import java.time.Instant;
import java.util.List;

/**
 * A payment on REST (snake_case JSON). Money is a decimal string in the payment's currency ({@code "50.13"}); a
 * payment refused for an unknown currency shows its amounts as the minor units it was given.
 */
public record PaymentView(
        String id,
        String draftOrderId,
        String orderId,
        String status,
        String amount,
        String currency,
        String gateway,
        String providerReference,
        String capturedAmount,
        String refundedAmount,
        String refundableAmount,
        String failureCode,
        String failureReason,
        String voidReason,
        List<RefundView> refunds,
        Instant createdAt,
        Instant updatedAt,
        Instant capturedAt,
        Instant voidedAt) {

    /** One refund given. */
    public record RefundView(String amount, String reason, String providerReference, Instant refundedAt) {}

    static PaymentView of(Payment.State payment) {
        String currency = payment.currency();
        return new PaymentView(
                payment.id(),
                payment.draftOrderId(),
                payment.orderId(),
                payment.status().name(),
                money(payment.amount(), currency),
                currency,
                payment.gateway(),
                payment.providerReference(),
                money(payment.capturedAmount(), currency),
                money(payment.refundedAmount(), currency),
                money(payment.refundableAmount(), currency),
                payment.failureCode(),
                payment.failureReason(),
                payment.voidReason(),
                payment.refunds().stream()
                        .map(refund -> new RefundView(
                                money(refund.amount(), currency),
                                refund.reason(),
                                refund.providerReference(),
                                refund.refundedAt()))
                        .toList(),
                payment.createdAt(),
                payment.updatedAt(),
                payment.capturedAt(),
                payment.voidedAt());
    }

    private static String money(long minorUnits, String currency) {
        return MoneyFormat.isCurrency(currency) ? MoneyFormat.format(minorUnits, currency) : String.valueOf(minorUnits);
    }
}
