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
import com.draftorders.draft.domain.OrderCopy;
import com.draftorders.draft.persistence.OrderCopies;
import com.draftorders.messaging.Ids;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.work.Address;
import com.draftorders.messaging.work.Target;
import com.draftorders.schemas.Topics;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
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
                .on(
                        CartTotalsCalculated.class,
                        m -> draft(m, m.payload().getCart().getDraftOrderId()),
                        this::totalsCalculated)
                .on(CartLocked.class, m -> draft(m, m.payload().getCart().getDraftOrderId()), this::cartLocked)
                .on(CartLockRejected.class, m -> draft(m, m.payload().getDraftOrderId()), this::cartLockRejected);
    }

    @Bean
    Subscription paymentEvents() {
        return Subscription.to(Topics.PAYMENT_EVENTS)
                .on(PaymentAuthorized.class, m -> draft(m, m.payload().getDraftOrderId()), this::paymentAuthorized)
                .on(
                        PaymentAuthorizationFailed.class,
                        m -> draft(m, m.payload().getDraftOrderId()),
                        this::paymentAuthorizationFailed);
    }

    /** OrderCreated completes the draft, and keeps a copy of the order for re-orders (once per order). */
    @Bean
    Subscription orderEvents() {
        return Subscription.to(Topics.ORDER_EVENTS)
                .on(
                        OrderCreated.class,
                        m -> Address.byId(orderCopies, m.payload().getOrder().getId(), m.storeId()),
                        this::copyOrder)
                .on(OrderCreated.class, m -> draft(m, m.payload().getOrder().getDraftOrderId()), this::orderCreated)
                .on(OrderCreationFailed.class, m -> draft(m, m.payload().getDraftOrderId()), this::orderCreationFailed);
    }

    void totalsCalculated(Target<DraftOrder> target, IncomingMessage<CartTotalsCalculated> message) {
        var cart = message.payload().getCart();
        apply(target, draft -> draft.applyCalculation(AvroMapping.calculationOf(cart), clock.instant()));
    }

    void cartLocked(Target<DraftOrder> target, IncomingMessage<CartLocked> message) {
        var cart = message.payload().getCart();
        int attempt = message.payload().getAttempt();
        apply(target, draft -> {
            boolean waiting = draft.completion()
                    .filter(c -> c.step() == Completion.Step.LOCK_CART && c.attempt() == attempt)
                    .isPresent();
            if (waiting) {
                draft.cartLocked(
                        attempt,
                        cart.getDraftVersion(),
                        cart.getTotals().getTotalPrice(),
                        Ids.next("pay"),
                        DraftMessages.encodeCart(cart),
                        clock.instant());
            }
        });
    }

    void cartLockRejected(Target<DraftOrder> target, IncomingMessage<CartLockRejected> message) {
        var rejected = message.payload();
        apply(target, draft -> draft.cartLockRejected(rejected.getAttempt(), rejected.getReason(), clock.instant()));
    }

    void paymentAuthorized(Target<DraftOrder> target, IncomingMessage<PaymentAuthorized> message) {
        var authorized = message.payload();
        apply(target, draft -> draft.paymentAuthorized(authorized.getPaymentId(), clock.instant()));
    }

    void paymentAuthorizationFailed(Target<DraftOrder> target, IncomingMessage<PaymentAuthorizationFailed> message) {
        var failed = message.payload();
        apply(
                target,
                draft -> draft.paymentAuthorizationFailed(
                        failed.getPaymentId(), failed.getCode(), failed.getReason(), clock.instant()));
    }

    void copyOrder(Target<OrderCopy> target, IncomingMessage<OrderCreated> message) {
        if (!target.taken()) {
            target.create(
                    AvroMapping.orderCopyOf(message.storeId(), message.payload().getOrder()));
        }
    }

    void orderCreated(Target<DraftOrder> target, IncomingMessage<OrderCreated> message) {
        var order = message.payload().getOrder();
        apply(target, draft -> draft.orderCreated(order.getId(), order.getPaymentId(), clock.instant()));
    }

    void orderCreationFailed(Target<DraftOrder> target, IncomingMessage<OrderCreationFailed> message) {
        var failed = message.payload();
        apply(target, draft -> draft.orderCreationFailed(failed.getReason(), clock.instant()));
    }

    /** The draft a reply is about, in the reply's store; a reply that names none is invalid. */
    private Address<DraftOrder> draft(IncomingMessage<?> message, String draftId) {
        if (draftId == null || draftId.isBlank()) {
            throw new InvalidMessageException(
                    message.payload().getClass().getSimpleName() + " names no draft_order_id");
        }
        return drafts.byId(message.storeId(), draftId);
    }

    private void apply(Target<DraftOrder> target, Consumer<DraftOrder> change) {
        drafts.decide(target, false, draft -> {
            change.accept(draft);
            return Optional.empty();
        });
    }
}
