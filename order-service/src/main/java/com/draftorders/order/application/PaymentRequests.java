package com.draftorders.order.application;

import com.draftorders.order.OrderProperties;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.PaymentRequestOutcome;
import com.draftorders.order.messaging.OrderMessages;
import com.draftorders.order.persistence.OrderDocument;
import com.draftorders.order.persistence.OrderDocuments;
import com.draftorders.order.persistence.OrderStore;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * Captures, voids and refunds a merchant asks for over REST. The order checks the request against its payment state
 * and its idempotency keys; an accepted request is stored on the order together with the payment command in its
 * outbox, in one write. The payment status itself changes only when payment-service reports back.
 */
@Service
public class PaymentRequests {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequests.class);

    private final OrderStore store;
    private final OrderMessages messages;
    private final int saveAttempts;

    public PaymentRequests(OrderStore store, OrderMessages messages, OrderProperties properties) {
        this.store = store;
        this.messages = messages;
        this.saveAttempts = properties.saveAttempts();
    }

    /** The order as it stands after the request, and what it answered. */
    public record Answer(Order order, PaymentRequestOutcome outcome) {}

    /** Capture {@code amount} minor units, or the whole authorization when null; empty when the store has no such order. */
    public Optional<Answer> capture(String storeId, String orderId, String idempotencyKey, Long amount) {
        return request(storeId, orderId, order -> order.requestCapture(idempotencyKey, amount));
    }

    public Optional<Answer> voidPayment(String storeId, String orderId, String idempotencyKey, String reason) {
        return request(storeId, orderId, order -> order.requestVoid(idempotencyKey, reason));
    }

    public Optional<Answer> refund(String storeId, String orderId, String idempotencyKey, long amount, String reason) {
        return request(storeId, orderId, order -> order.requestRefund(idempotencyKey, amount, reason));
    }

    private Optional<Answer> request(String storeId, String orderId, Function<Order, PaymentRequestOutcome> ask) {
        for (int attempt = 1; ; attempt++) {
            Optional<OrderDocument> found = store.findById(storeId, orderId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            OrderDocument document = found.get();
            Order order = OrderDocuments.toOrder(document);
            PaymentRequestOutcome outcome = ask.apply(order);
            if (!(outcome instanceof PaymentRequestOutcome.Accepted)) {
                return Optional.of(new Answer(order, outcome));
            }
            OrderDocuments.copyPaymentState(order, document);
            long nextVersion = document.getVersion() == null ? 0 : document.getVersion() + 1;
            messages.of(order, nextVersion, null).forEach(document::enqueue);
            try {
                store.save(document);
                log.info("order {}: {}", orderId, outcome);
                return Optional.of(new Answer(order, outcome));
            } catch (OptimisticLockingFailureException e) {
                if (attempt >= saveAttempts) {
                    throw e;
                }
            }
        }
    }
}
