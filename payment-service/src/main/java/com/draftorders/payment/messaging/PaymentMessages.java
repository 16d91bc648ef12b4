package com.draftorders.payment.messaging;

import com.draftorders.avro.payment.AuthorizePayment;
import com.draftorders.avro.payment.CapturePayment;
import com.draftorders.avro.payment.PaymentAuthorizationFailed;
import com.draftorders.avro.payment.PaymentAuthorized;
import com.draftorders.avro.payment.PaymentCaptureFailed;
import com.draftorders.avro.payment.PaymentCaptured;
import com.draftorders.avro.payment.PaymentCommandRejected;
import com.draftorders.avro.payment.PaymentRefunded;
import com.draftorders.avro.payment.PaymentVoided;
import com.draftorders.avro.payment.RefundPayment;
import com.draftorders.avro.payment.VoidPayment;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.payment.domain.PaymentCommand;
import com.draftorders.payment.domain.PaymentEvent;

/**
 * Avro payloads of payment-commands to domain commands, and domain events to payloads of payment-events. A command
 * without the ids it needs is invalid ({@link InvalidMessageException}: straight to the dead-letter topic); amounts
 * and currencies are the domain's to judge, and it answers on payment-events.
 */
final class PaymentMessages {

    private PaymentMessages() {}

    static PaymentCommand.Authorize toCommand(AuthorizePayment payload) {
        return new PaymentCommand.Authorize(
                required(payload.getPaymentId(), "AuthorizePayment.payment_id"),
                required(payload.getIdempotencyKey(), "AuthorizePayment.idempotency_key"),
                required(payload.getDraftOrderId(), "AuthorizePayment.draft_order_id"),
                payload.getAmount(),
                payload.getCurrency(),
                payload.getProvider(),
                payload.getEmail());
    }

    static PaymentCommand.Capture toCommand(CapturePayment payload) {
        return new PaymentCommand.Capture(
                required(payload.getPaymentId(), "CapturePayment.payment_id"),
                required(payload.getIdempotencyKey(), "CapturePayment.idempotency_key"),
                payload.getOrderId(),
                payload.getAmount());
    }

    static PaymentCommand.VoidAuthorization toCommand(VoidPayment payload) {
        return new PaymentCommand.VoidAuthorization(
                required(payload.getPaymentId(), "VoidPayment.payment_id"),
                required(payload.getIdempotencyKey(), "VoidPayment.idempotency_key"),
                payload.getReason());
    }

    static PaymentCommand.Refund toCommand(RefundPayment payload) {
        return new PaymentCommand.Refund(
                required(payload.getPaymentId(), "RefundPayment.payment_id"),
                required(payload.getIdempotencyKey(), "RefundPayment.idempotency_key"),
                payload.getAmount(),
                payload.getReason());
    }

    /** The payment-events payload of a domain event. */
    static Object toPayload(PaymentEvent event) {
        if (event instanceof PaymentEvent.Authorized e) {
            return new PaymentAuthorized(
                    e.paymentId(), e.draftOrderId(), e.amount(), e.currency(), e.provider(), e.providerReference());
        }
        if (event instanceof PaymentEvent.AuthorizationFailed e) {
            return new PaymentAuthorizationFailed(e.paymentId(), e.draftOrderId(), e.code(), e.reason());
        }
        if (event instanceof PaymentEvent.Captured e) {
            return new PaymentCaptured(e.paymentId(), e.draftOrderId(), e.orderId(), e.amount(), e.currency());
        }
        if (event instanceof PaymentEvent.CaptureFailed e) {
            return new PaymentCaptureFailed(e.paymentId(), e.orderId(), e.reason());
        }
        if (event instanceof PaymentEvent.Voided e) {
            return new PaymentVoided(e.paymentId(), e.draftOrderId(), e.reason());
        }
        if (event instanceof PaymentEvent.Refunded e) {
            return new PaymentRefunded(e.paymentId(), e.orderId(), e.amount(), e.totalRefunded(), e.currency());
        }
        if (event instanceof PaymentEvent.CommandRejected e) {
            return new PaymentCommandRejected(e.paymentId(), e.idempotencyKey(), e.command(), e.reason());
        }
        throw new IllegalArgumentException("no payload for " + event);
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidMessageException(field + " must not be blank");
        }
        return value;
    }
}
