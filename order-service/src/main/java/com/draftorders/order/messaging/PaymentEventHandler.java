package com.draftorders.order.messaging;

import com.draftorders.avro.payment.PaymentCaptured;
import com.draftorders.avro.payment.PaymentRefunded;
import com.draftorders.avro.payment.PaymentVoided;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.order.OrderProperties;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.PaymentUpdate;
import com.draftorders.order.persistence.OrderDocument;
import com.draftorders.order.persistence.OrderDocuments;
import com.draftorders.order.persistence.OrderStore;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Follows {@code payment-events} onto the orders they concern (found by payment id within the event's store). A
 * payment without an order (a failed saga's authorization) is none of this service's business; an event already
 * applied, stale or impossible for the order's payment state changes nothing and sends nothing.
 */
@Component
public class PaymentEventHandler {

    private static final Logger log = LoggerFactory.getLogger(PaymentEventHandler.class);

    private final OrderStore store;
    private final OrderMessages messages;
    private final int saveAttempts;

    public PaymentEventHandler(OrderStore store, OrderMessages messages, OrderProperties properties) {
        this.store = store;
        this.messages = messages;
        this.saveAttempts = properties.saveAttempts();
    }

    public void captured(IncomingMessage<PaymentCaptured> message) {
        PaymentCaptured event = message.payload();
        String paymentId = event.getPaymentId();
        String orderId = event.getOrderId();
        apply(
                message,
                paymentId,
                () -> (orderId == null
                                ? Optional.<OrderDocument>empty()
                                : store.findById(message.storeId(), orderId)
                                        .filter(order -> paymentId.equals(order.getPaymentId())))
                        .or(() -> store.findByPaymentId(message.storeId(), paymentId)),
                order -> order.markPaymentCaptured(event.getAmount()));
    }

    public void voided(IncomingMessage<PaymentVoided> message) {
        String paymentId = message.payload().getPaymentId();
        apply(message, paymentId, () -> store.findByPaymentId(message.storeId(), paymentId), Order::markPaymentVoided);
    }

    public void refunded(IncomingMessage<PaymentRefunded> message) {
        PaymentRefunded event = message.payload();
        apply(
                message,
                event.getPaymentId(),
                () -> store.findByPaymentId(message.storeId(), event.getPaymentId()),
                order -> order.markRefunded(event.getAmount(), event.getTotalRefunded()));
    }

    /** Reload, apply, record the event id and the messages, save; again from the top if another writer won. */
    private void apply(
            IncomingMessage<?> message,
            String paymentId,
            Supplier<Optional<OrderDocument>> find,
            Function<Order, PaymentUpdate> change) {
        String what = message.payload().getClass().getSimpleName();
        for (int attempt = 1; ; attempt++) {
            Optional<OrderDocument> found = find.get();
            if (found.isEmpty()) {
                log.debug("{} for payment {}: no order in store {}, ignored", what, paymentId, message.storeId());
                return;
            }
            OrderDocument document = found.get();
            if (document.hasProcessed(message.eventId())) {
                return;
            }
            Order order = OrderDocuments.toOrder(document);
            PaymentUpdate update = change.apply(order);
            if (update instanceof PaymentUpdate.Unchanged unchanged) {
                log.info(
                        "{} for payment {} leaves order {} as it is: {}",
                        what,
                        paymentId,
                        order.id(),
                        unchanged.reason());
                return;
            }
            OrderDocuments.copyPaymentState(order, document);
            document.markProcessed(message.eventId());
            long nextVersion = document.getVersion() == null ? 0 : document.getVersion() + 1;
            messages.of(order, nextVersion, Correlation.of(message)).forEach(document::enqueue);
            try {
                store.save(document);
                log.info("order {} payment is now {} ({})", order.id(), order.paymentStatus(), what);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= saveAttempts) {
                    throw e;
                }
            }
        }
    }
}
