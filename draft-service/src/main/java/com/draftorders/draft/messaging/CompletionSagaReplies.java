package com.draftorders.draft.messaging;

import com.draftorders.avro.cart.CartLockRejected;
import com.draftorders.avro.cart.CartLocked;
import com.draftorders.avro.cart.CartTotalsCalculated;
import com.draftorders.avro.order.OrderCreated;
import com.draftorders.avro.order.OrderCreationFailed;
import com.draftorders.avro.payment.PaymentAuthorizationFailed;
import com.draftorders.avro.payment.PaymentAuthorized;
import com.draftorders.draft.application.DraftOrderService;
import com.draftorders.draft.domain.Completion;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.Refusal;
import com.draftorders.draft.persistence.OrderCopies;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.Subscription;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The completion saga, as the replies that move it on (orchestrated by the draft, whose state holds the saga):
 *
 * <pre>
 * complete ─► LockCart ─► CartLocked ─► AuthorizePayment ─► PaymentAuthorized ─► CreateOrderFromCart ─► OrderCreated ─► COMPLETED
 *                  └ CartLockRejected ─► OPEN       └ PaymentAuthorizationFailed ─► UnlockCart, OPEN
 *                                                                      OrderCreationFailed ─► VoidPayment, UnlockCart, OPEN
 * </pre>
 *
 * Capture is order-service's step after OrderCreated (unless payment is pending). Each reply is applied at most once
 * (its event id is recorded with the change) and only when the draft is waiting for exactly that reply.
 */
@Configuration
public class CompletionSagaReplies {

    private final DraftOrderService drafts;
    private final OrderCopies orderCopies;
    private final Clock clock;

    public CompletionSagaReplies(DraftOrderService drafts, OrderCopies orderCopies, Clock clock) {
        this.drafts = drafts;
        this.orderCopies = orderCopies;
        this.clock = clock;
    }

    @Bean
    Subscription cartEvents() {
        return Subscription.to(Topics.CART_EVENTS)
                .on(CartTotalsCalculated.class, this::totalsCalculated)
                .on(CartLocked.class, this::cartLocked)
                .on(CartLockRejected.class, this::cartLockRejected);
    }

    @Bean
    Subscription paymentEvents() {
        return Subscription.to(Topics.PAYMENT_EVENTS)
                .on(PaymentAuthorized.class, this::paymentAuthorized)
                .on(PaymentAuthorizationFailed.class, this::paymentAuthorizationFailed);
    }

    @Bean
    Subscription orderEvents() {
        return Subscription.to(Topics.ORDER_EVENTS)
                .on(OrderCreated.class, this::orderCreated)
                .on(OrderCreationFailed.class, this::orderCreationFailed);
    }

    void totalsCalculated(IncomingMessage<CartTotalsCalculated> message) {
        var cart = message.payload().getCart();
        apply(message, cart.getDraftOrderId(), draft -> {
            draft.applyCalculation(AvroMapping.calculationOf(cart), clock.instant());
            return Optional.empty();
        });
    }

    void cartLocked(IncomingMessage<CartLocked> message) {
        var cart = message.payload().getCart();
        int attempt = message.payload().getAttempt();
        requireDraftId(cart.getDraftOrderId(), message);
        drafts.change(
                message.storeId(),
                cart.getDraftOrderId(),
                Correlation.of(message),
                message.eventId(),
                (draft, document) -> {
                    boolean waiting = draft.completion()
                            .filter(c -> c.step() == Completion.Step.LOCK_CART && c.attempt() == attempt)
                            .isPresent();
                    if (waiting) {
                        document.setLockedCart(DraftMessages.encodeCart(cart));
                        draft.cartLocked(
                                attempt,
                                cart.getDraftVersion(),
                                cart.getTotals().getTotalPrice(),
                                Ids.next("pay"),
                                clock.instant());
                    }
                    return Optional.empty();
                });
    }

    void cartLockRejected(IncomingMessage<CartLockRejected> message) {
        var rejected = message.payload();
        apply(message, rejected.getDraftOrderId(), draft -> {
            draft.cartLockRejected(rejected.getAttempt(), rejected.getReason(), clock.instant());
            return Optional.empty();
        });
    }

    void paymentAuthorized(IncomingMessage<PaymentAuthorized> message) {
        var authorized = message.payload();
        apply(message, authorized.getDraftOrderId(), draft -> {
            draft.paymentAuthorized(authorized.getPaymentId(), clock.instant());
            return Optional.empty();
        });
    }

    void paymentAuthorizationFailed(IncomingMessage<PaymentAuthorizationFailed> message) {
        var failed = message.payload();
        apply(message, failed.getDraftOrderId(), draft -> {
            draft.paymentAuthorizationFailed(
                    failed.getPaymentId(), failed.getCode(), failed.getReason(), clock.instant());
            return Optional.empty();
        });
    }

    /** Completes the draft, and keeps a copy of the order for re-orders ({@code order_copies}, once per order). */
    void orderCreated(IncomingMessage<OrderCreated> message) {
        var order = message.payload().getOrder();
        orderCopies.record(AvroMapping.orderCopyOf(message.storeId(), order), clock.instant());
        apply(message, order.getDraftOrderId(), draft -> {
            draft.orderCreated(order.getId(), order.getPaymentId(), clock.instant());
            return Optional.empty();
        });
    }

    void orderCreationFailed(IncomingMessage<OrderCreationFailed> message) {
        var failed = message.payload();
        apply(message, failed.getDraftOrderId(), draft -> {
            draft.orderCreationFailed(failed.getReason(), clock.instant());
            return Optional.empty();
        });
    }

    private static void requireDraftId(String draftId, IncomingMessage<?> message) {
        if (draftId == null || draftId.isBlank()) {
            throw new InvalidMessageException(
                    message.payload().getClass().getSimpleName() + " names no draft_order_id");
        }
    }

    private void apply(IncomingMessage<?> message, String draftId, Function<DraftOrder, Optional<Refusal>> change) {
        requireDraftId(draftId, message);
        drafts.change(
                message.storeId(),
                draftId,
                Correlation.of(message),
                message.eventId(),
                (draft, document) -> change.apply(draft));
    }
}
