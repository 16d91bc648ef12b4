package com.draftorders.order.application;

import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.PaymentRequestOutcome;
import com.draftorders.order.persistence.Orders;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Captures, voids and refunds a merchant asks for over REST. The order checks the request against its payment state
 * and its idempotency keys; an accepted request is stored on the order together with the payment command it sends, in
 * one durable write before the answer. The payment status itself changes only when payment-service reports back.
 */
@Service
public class PaymentRequests {

    private static final Logger log = LoggerFactory.getLogger(PaymentRequests.class);

    private final UnitOfWork work;
    private final Orders orders;

    public PaymentRequests(UnitOfWork work, Orders orders) {
        this.work = work;
        this.orders = orders;
    }

    /** The order as it stands after the request, and what it answered. */
    public record Answer(Order order, PaymentRequestOutcome outcome) {}

    /**
     * Capture {@code amount} minor units, or the whole authorization when null; empty when the store has no such order.
     *
     * @throws com.draftorders.messaging.work.ConcurrentChangeException when other writers kept changing the order
     */
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
        Optional<Answer> answer = work.execute(
                Address.byId(orders, orderId, storeId),
                null,
                target -> target.current().map(order -> new Answer(order, ask.apply(order))));
        answer.filter(a -> a.outcome() instanceof PaymentRequestOutcome.Accepted)
                .ifPresent(a -> log.info("order {}: {}", orderId, a.outcome()));
        return answer;
    }
}
