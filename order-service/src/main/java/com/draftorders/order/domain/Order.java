package com.draftorders.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order made from a completed draft's cart: exactly one per draft, numbered per store ({@code #1001},
 * {@code #1002}, ...). Its content never changes after creation; its payment status follows what payment-service
 * reports. Every real change records one {@link OrderEvent}; a report that changes nothing records none.
 */
public final class Order {

    /** The prefix of the capture idempotency key: one capture per order, whatever is redelivered. */
    public static final String CAPTURE_KEY_PREFIX = "capture:";

    private final String id;
    private final String storeId;
    private final long number;
    private final OrderDetails details;
    private final Instant createdAt;
    private final Instant paymentDueAt;
    private PaymentStatus paymentStatus;
    private long capturedAmount;
    private long refundedAmount;
    private final List<OrderEvent> events = new ArrayList<>();

    private Order(
            String id,
            String storeId,
            long number,
            OrderDetails details,
            Instant createdAt,
            Instant paymentDueAt,
            PaymentStatus paymentStatus,
            long capturedAmount,
            long refundedAmount) {
        this.id = Objects.requireNonNull(id, "id");
        this.storeId = Objects.requireNonNull(storeId, "storeId");
        this.number = number;
        this.details = Objects.requireNonNull(details, "details");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.paymentDueAt = paymentDueAt;
        this.paymentStatus = Objects.requireNonNull(paymentStatus, "paymentStatus");
        this.capturedAmount = capturedAmount;
        this.refundedAmount = refundedAmount;
    }

    /**
     * Makes the order of a completed draft. The saga authorized the payment before asking, so the order starts
     * {@link PaymentStatus#AUTHORIZED}; unless the payment is pending under terms, it asks for the capture right away.
     * Invalid details are refused before a number is taken, so refusals never use up order numbers.
     *
     * @param id the new order's id
     * @param numbers where the store's next order number comes from
     * @param now the creation time; net-days payment terms count from it
     */
    public static Creation createFromCart(
            String id, String storeId, OrderDetails details, OrderNumbers numbers, Instant now) {
        var refusal = details.refusalReason();
        if (refusal.isPresent()) {
            return new Creation.Refused(refusal.get());
        }
        Instant dueAt =
                details.paymentTerms() == null ? null : details.paymentTerms().dueDateFor(now);
        Order order =
                new Order(id, storeId, numbers.next(storeId), details, now, dueAt, PaymentStatus.AUTHORIZED, 0, 0);
        order.record(new OrderEvent.OrderCreated(id));
        if (!details.paymentPending()) {
            order.record(new OrderEvent.CaptureRequested(id, details.paymentId(), CAPTURE_KEY_PREFIX + id));
        }
        return new Creation.Created(order);
    }

    /** Rebuilds a stored order; records no event. */
    public static Order restore(
            String id,
            String storeId,
            long number,
            OrderDetails details,
            Instant createdAt,
            Instant paymentDueAt,
            PaymentStatus paymentStatus,
            long capturedAmount,
            long refundedAmount) {
        return new Order(
                id, storeId, number, details, createdAt, paymentDueAt, paymentStatus, capturedAmount, refundedAmount);
    }

    /** The payment was captured for {@code amount} minor units. Only an open authorization can be captured. */
    public PaymentUpdate markPaymentCaptured(long amount) {
        if (amount < 0) {
            return PaymentUpdate.unchanged("a captured amount cannot be negative (" + amount + ")");
        }
        if (!paymentStatus.isOpenAuthorization()) {
            return PaymentUpdate.unchanged("the payment is already " + paymentStatus);
        }
        paymentStatus = PaymentStatus.CAPTURED;
        capturedAmount = amount;
        record(new OrderEvent.PaymentCaptured(id, paymentId(), amount, currency()));
        return PaymentUpdate.changed();
    }

    /** The authorization was voided. Only an open authorization can be voided; a captured payment is refunded. */
    public PaymentUpdate markPaymentVoided() {
        if (!paymentStatus.isOpenAuthorization()) {
            return PaymentUpdate.unchanged("the payment is already " + paymentStatus);
        }
        paymentStatus = PaymentStatus.VOIDED;
        record(new OrderEvent.PaymentVoided(id, paymentId()));
        return PaymentUpdate.changed();
    }

    /**
     * {@code amount} was refunded, bringing the payment's refunds to {@code totalRefunded}. A report that does not
     * raise the refunded total is a redelivery or stale and changes nothing.
     */
    public PaymentUpdate markRefunded(long amount, long totalRefunded) {
        if (amount <= 0) {
            return PaymentUpdate.unchanged("a refund must be positive (" + amount + ")");
        }
        if (!paymentStatus.isRefundable()) {
            return PaymentUpdate.unchanged("a " + paymentStatus + " payment cannot be refunded");
        }
        if (totalRefunded <= refundedAmount) {
            return PaymentUpdate.unchanged(
                    "refunds of " + totalRefunded + " are already recorded (" + refundedAmount + ")");
        }
        refundedAmount = totalRefunded;
        paymentStatus = totalRefunded >= capturedAmount ? PaymentStatus.REFUNDED : PaymentStatus.PARTIALLY_REFUNDED;
        record(new OrderEvent.PaymentRefunded(id, paymentId(), amount, totalRefunded, currency()));
        return PaymentUpdate.changed();
    }

    /** The events recorded since the order was created or restored, oldest first. */
    public List<OrderEvent> events() {
        return List.copyOf(events);
    }

    private void record(OrderEvent event) {
        events.add(event);
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public long number() {
        return number;
    }

    /** The display name, {@code #} and the number: {@code #1001}. */
    public String name() {
        return "#" + number;
    }

    public OrderDetails details() {
        return details;
    }

    public String draftOrderId() {
        return details.draftOrderId();
    }

    public String paymentId() {
        return details.paymentId();
    }

    public Cart cart() {
        return details.cart();
    }

    public String currency() {
        return details.cart().currency();
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paymentDueAt() {
        return paymentDueAt;
    }

    public PaymentStatus paymentStatus() {
        return paymentStatus;
    }

    public long capturedAmount() {
        return capturedAmount;
    }

    public long refundedAmount() {
        return refundedAmount;
    }
}
