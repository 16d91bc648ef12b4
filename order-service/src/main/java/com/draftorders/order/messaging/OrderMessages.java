package com.draftorders.order.messaging;

import com.draftorders.avro.order.OrderCreated;
import com.draftorders.avro.order.OrderCreationFailed;
import com.draftorders.avro.order.OrderPaymentCaptured;
import com.draftorders.avro.order.OrderPaymentRefunded;
import com.draftorders.avro.order.OrderPaymentVoided;
import com.draftorders.avro.payment.CapturePayment;
import com.draftorders.avro.payment.RefundPayment;
import com.draftorders.avro.payment.VoidPayment;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderEvent;
import com.draftorders.schemas.Topics;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Turns what an order recorded into the messages it sends: order events on {@code order-events} (key: order id) and
 * its capture, void and refund requests on {@code payment-commands} (key: payment id), each stamped with the order's store.
 */
@Component
public class OrderMessages {

    private final MessageFactory factory;

    public OrderMessages(MessageFactory factory) {
        this.factory = factory;
    }

    /** The messages for {@code events}, recorded by {@code order}; order events carry its revision as their version. */
    public List<OutgoingMessage> of(Order order, List<OrderEvent> events, Correlation cause) {
        return events.stream()
                .map(event -> message(order, event, order.revision(), cause))
                .toList();
    }

    /** The answer to a draft whose order could not be created; keyed by the draft id since no order exists. */
    public OutgoingMessage creationFailed(String storeId, String draftOrderId, String reason, Correlation cause) {
        return factory.create(
                Topics.ORDER_EVENTS,
                draftOrderId,
                storeId,
                draftOrderId,
                0,
                cause,
                new OrderCreationFailed(draftOrderId, reason));
    }

    private OutgoingMessage message(Order order, OrderEvent event, long version, Correlation cause) {
        if (event instanceof OrderEvent.CaptureRequested capture) {
            return factory.create(
                    Topics.PAYMENT_COMMANDS,
                    capture.paymentId(),
                    order.storeId(),
                    capture.paymentId(),
                    0,
                    cause,
                    CapturePayment.newBuilder()
                            .setPaymentId(capture.paymentId())
                            .setIdempotencyKey(capture.idempotencyKey())
                            .setOrderId(capture.orderId())
                            .setAmount(capture.amount())
                            .build());
        }
        if (event instanceof OrderEvent.VoidRequested voidRequest) {
            return factory.create(
                    Topics.PAYMENT_COMMANDS,
                    voidRequest.paymentId(),
                    order.storeId(),
                    voidRequest.paymentId(),
                    0,
                    cause,
                    VoidPayment.newBuilder()
                            .setPaymentId(voidRequest.paymentId())
                            .setIdempotencyKey(voidRequest.idempotencyKey())
                            .setReason(voidRequest.reason())
                            .build());
        }
        if (event instanceof OrderEvent.RefundRequested refund) {
            return factory.create(
                    Topics.PAYMENT_COMMANDS,
                    refund.paymentId(),
                    order.storeId(),
                    refund.paymentId(),
                    0,
                    cause,
                    RefundPayment.newBuilder()
                            .setPaymentId(refund.paymentId())
                            .setIdempotencyKey(refund.idempotencyKey())
                            .setAmount(refund.amount())
                            .setReason(refund.reason())
                            .build());
        }
        return factory.create(
                Topics.ORDER_EVENTS, order.id(), order.storeId(), order.id(), version, cause, orderEvent(order, event));
    }

    private static Object orderEvent(Order order, OrderEvent event) {
        if (event instanceof OrderEvent.OrderCreated) {
            return new OrderCreated(AvroOrders.snapshot(order));
        }
        if (event instanceof OrderEvent.PaymentCaptured captured) {
            return new OrderPaymentCaptured(
                    captured.orderId(), captured.paymentId(), captured.amount(), captured.currency());
        }
        if (event instanceof OrderEvent.PaymentVoided voided) {
            return new OrderPaymentVoided(voided.orderId(), voided.paymentId());
        }
        if (event instanceof OrderEvent.PaymentRefunded refunded) {
            return new OrderPaymentRefunded(
                    refunded.orderId(),
                    refunded.paymentId(),
                    refunded.amount(),
                    refunded.totalRefunded(),
                    refunded.currency());
        }
        throw new IllegalStateException("no message for " + event);
    }
}
