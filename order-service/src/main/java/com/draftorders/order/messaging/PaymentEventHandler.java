package com.draftorders.order.messaging;

import com.draftorders.avro.payment.PaymentCaptured;
import com.draftorders.avro.payment.PaymentRefunded;
import com.draftorders.avro.payment.PaymentVoided;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.Target;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.PaymentUpdate;
import com.draftorders.order.persistence.Orders;
import com.draftorders.schemas.Topics;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows {@code payment-events} onto the orders they concern, each found by its payment id within the event's store.
 * A payment without an order (a failed saga's authorization) is none of this service's business; an event already
 * applied, stale or impossible for the order's payment state changes nothing and sends nothing. Every other payment
 * event (authorizations, failures, rejections) is skipped.
 */
@Component
public class PaymentEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventHandler.class);

    private final Orders orders;

    public PaymentEventHandler(Orders orders) {
        this.orders = orders;
    }

    /** payment-events, each on the order of its payment. */
    public Subscription subscription() {
        return Subscription.to(Topics.PAYMENT_EVENTS)
                .on(PaymentCaptured.class, this::capturedOrder, this::captured)
                .on(PaymentVoided.class, m -> paymentsOrder(m, m.payload().getPaymentId()), this::voided)
                .on(PaymentRefunded.class, m -> paymentsOrder(m, m.payload().getPaymentId()), this::refunded);
    }

    /** The order of the payment, or no address at all for an event without a payment id (it has no order). */
    private Address<Order> paymentsOrder(IncomingMessage<?> message, String paymentId) {
        if (paymentId == null || paymentId.isBlank()) {
            return null;
        }
        return Address.by(orders, Orders.PAYMENT_ID, paymentId, message.storeId());
    }

    /**
     * A capture names the order it paid for: found by id (usually where this instance left it, without a read), else
     * by the payment.
     */
    private Address<Order> capturedOrder(IncomingMessage<PaymentCaptured> message) {
        String orderId = message.payload().getOrderId();
        return orderId == null || orderId.isBlank()
                ? paymentsOrder(message, message.payload().getPaymentId())
                : Address.byId(orders, orderId, message.storeId());
    }

    void captured(Target<Order> target, IncomingMessage<PaymentCaptured> message) {
        String paymentId = message.payload().getPaymentId();
        if (target.current().filter(o -> !o.paymentId().equals(paymentId)).isPresent()) {
            log.info(
                    "PaymentCaptured of payment {} names order {} of another payment, ignored",
                    paymentId,
                    message.payload().getOrderId());
            return;
        }
        apply(
                target,
                message,
                order -> order.markPaymentCaptured(message.payload().getAmount()));
    }

    void voided(Target<Order> target, IncomingMessage<PaymentVoided> message) {
        apply(target, message, Order::markPaymentVoided);
    }

    void refunded(Target<Order> target, IncomingMessage<PaymentRefunded> message) {
        PaymentRefunded event = message.payload();
        apply(target, message, order -> order.markRefunded(event.getAmount(), event.getTotalRefunded()));
    }

    private static void apply(Target<Order> target, IncomingMessage<?> message, Function<Order, PaymentUpdate> change) {
        String what = message.payload().getClass().getSimpleName();
        Optional<Order> found = target.current();
        if (found.isEmpty()) {
            log.debug("{} {}: no order of this payment in store {}, ignored", what, message.key(), message.storeId());
            return;
        }
        Order order = found.get();
        PaymentUpdate update = change.apply(order);
        if (update instanceof PaymentUpdate.Unchanged unchanged) {
            log.info("{} leaves order {} as it is: {}", what, order.id(), unchanged.reason());
            return;
        }
        log.info("order {} payment is now {} ({})", order.id(), order.paymentStatus(), what);
    }
}
