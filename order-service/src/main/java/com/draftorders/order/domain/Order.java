package com.draftorders.order.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order made from a completed draft's cart: exactly one per draft, numbered per store ({@code #1001},
 * {@code #1002}, ...). Its content never changes after creation; its payment status follows what payment-service
 * reports. Every real change raises its {@link #revision()} and records one {@link OrderEvent}; a request or report
 * that changes nothing does neither. The recorded events are {@link #pullEvents() pulled} once, to be sent.
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
    private final List<PaymentRequest> paymentRequests = new ArrayList<>();
    private long revision;
    private final List<OrderEvent> events = new ArrayList<>();

    /**
     * Everything an order is, as stored.
     *
     * @param paymentDueAt when a pending payment is due (null without payment terms)
     * @param paymentRequests the capture, void and refund requests accepted so far, oldest first
     * @param revision 0 when created, one more with every change since
     */
    public record State(
            String id,
            String storeId,
            long number,
            OrderDetails details,
            Instant createdAt,
            Instant paymentDueAt,
            PaymentStatus paymentStatus,
            long capturedAmount,
            long refundedAmount,
            List<PaymentRequest> paymentRequests,
            long revision) {

        public State {
            paymentRequests = paymentRequests == null ? List.of() : List.copyOf(paymentRequests);
        }
    }

    private Order(State state) {
        this.id = Objects.requireNonNull(state.id(), "id");
        this.storeId = Objects.requireNonNull(state.storeId(), "storeId");
        this.number = state.number();
        this.details = Objects.requireNonNull(state.details(), "details");
        this.createdAt = Objects.requireNonNull(state.createdAt(), "createdAt");
        this.paymentDueAt = state.paymentDueAt();
        this.paymentStatus = Objects.requireNonNull(state.paymentStatus(), "paymentStatus");
        this.capturedAmount = state.capturedAmount();
        this.refundedAmount = state.refundedAmount();
        this.paymentRequests.addAll(state.paymentRequests());
        this.revision = state.revision();
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
        Order order = new Order(new State(
                id, storeId, numbers.next(storeId), details, now, dueAt, PaymentStatus.AUTHORIZED, 0, 0, List.of(), 0));
        order.record(new OrderEvent.OrderCreated(id));
        if (!details.paymentPending()) {
            order.record(new OrderEvent.CaptureRequested(id, details.paymentId(), CAPTURE_KEY_PREFIX + id));
        }
        return new Creation.Created(order);
    }

    /** Rebuilds a stored order; records no event. */
    public static Order restore(State state) {
        return new Order(Objects.requireNonNull(state, "state"));
    }

    /**
     * A merchant asks to capture the authorization, all of it ({@code amount} null) or part of it. Only an
     * {@link PaymentStatus#AUTHORIZED} payment (e.g. an order under payment terms) can be captured; the status
     * changes when payment-service reports the capture.
     */
    public PaymentRequestOutcome requestCapture(String idempotencyKey, Long amount) {
        PaymentRequest request = PaymentRequest.of(PaymentRequest.Kind.CAPTURE, idempotencyKey, amount, null);
        var earlier = earlier(request);
        if (earlier != null) {
            return earlier;
        }
        if (paymentStatus != PaymentStatus.AUTHORIZED) {
            return PaymentRequestOutcome.Refused.of(
                    "payment_not_authorized", "only an authorized payment can be captured; it is " + paymentStatus);
        }
        if (amount != null && amount <= 0) {
            return PaymentRequestOutcome.Refused.of("invalid_amount", "a capture must be positive");
        }
        long authorized = cart().totals().totalPrice();
        if (amount != null && amount > authorized) {
            return PaymentRequestOutcome.Refused.of(
                    "capture_exceeds_authorized", "a capture of " + amount + " exceeds the authorized " + authorized);
        }
        return accept(request, new OrderEvent.CaptureRequested(id, paymentId(), request.commandKey(id), amount));
    }

    /** A merchant asks to void the authorization. Only an {@link PaymentStatus#AUTHORIZED} payment can be voided. */
    public PaymentRequestOutcome requestVoid(String idempotencyKey, String reason) {
        PaymentRequest request = PaymentRequest.of(PaymentRequest.Kind.VOID, idempotencyKey, null, reason);
        var earlier = earlier(request);
        if (earlier != null) {
            return earlier;
        }
        if (paymentStatus != PaymentStatus.AUTHORIZED) {
            return PaymentRequestOutcome.Refused.of(
                    "payment_not_authorized", "only an authorized payment can be voided; it is " + paymentStatus);
        }
        return accept(request, new OrderEvent.VoidRequested(id, paymentId(), request.commandKey(id), reason));
    }

    /**
     * A merchant asks to refund {@code amount} minor units. Only a captured (or partly refunded) payment can be
     * refunded, and never more than was captured less what was refunded already.
     */
    public PaymentRequestOutcome requestRefund(String idempotencyKey, long amount, String reason) {
        PaymentRequest request = PaymentRequest.of(PaymentRequest.Kind.REFUND, idempotencyKey, amount, reason);
        var earlier = earlier(request);
        if (earlier != null) {
            return earlier;
        }
        if (!paymentStatus.isRefundable()) {
            return PaymentRequestOutcome.Refused.of(
                    "payment_not_refundable", "only a captured payment can be refunded; it is " + paymentStatus);
        }
        if (amount <= 0) {
            return PaymentRequestOutcome.Refused.of("invalid_amount", "a refund must be positive");
        }
        long refundable = capturedAmount - refundedAmount;
        if (amount > refundable) {
            return new PaymentRequestOutcome.Refused(
                    "refund_exceeds_captured",
                    "a refund of " + amount + " exceeds what can still be refunded (" + refundable + ")",
                    capturedAmount,
                    refundedAmount,
                    refundable);
        }
        return accept(request, new OrderEvent.RefundRequested(id, paymentId(), request.commandKey(id), amount, reason));
    }

    /** The answer to a key seen before: a replay for the same request, a reused key for another; else null. */
    private PaymentRequestOutcome earlier(PaymentRequest request) {
        for (PaymentRequest known : paymentRequests) {
            if (known.idempotencyKey().equals(request.idempotencyKey())) {
                return known.requestHash().equals(request.requestHash())
                        ? new PaymentRequestOutcome.Replayed(known)
                        : new PaymentRequestOutcome.KeyReused(request.idempotencyKey(), known.kind());
            }
        }
        return null;
    }

    private PaymentRequestOutcome accept(PaymentRequest request, OrderEvent command) {
        paymentRequests.add(request);
        changed(command);
        return new PaymentRequestOutcome.Accepted(request);
    }

    /** The capture, void and refund requests accepted so far, oldest first. */
    public List<PaymentRequest> paymentRequests() {
        return List.copyOf(paymentRequests);
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
        changed(new OrderEvent.PaymentCaptured(id, paymentId(), amount, currency()));
        return PaymentUpdate.changed();
    }

    /** The authorization was voided. Only an open authorization can be voided; a captured payment is refunded. */
    public PaymentUpdate markPaymentVoided() {
        if (!paymentStatus.isOpenAuthorization()) {
            return PaymentUpdate.unchanged("the payment is already " + paymentStatus);
        }
        paymentStatus = PaymentStatus.VOIDED;
        changed(new OrderEvent.PaymentVoided(id, paymentId()));
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
        changed(new OrderEvent.PaymentRefunded(id, paymentId(), amount, totalRefunded, currency()));
        return PaymentUpdate.changed();
    }

    /** The events recorded and not pulled yet, oldest first (a restored order has none). */
    public List<OrderEvent> events() {
        return List.copyOf(events);
    }

    /** Hands over the events recorded since the last pull, oldest first, and forgets them: each is sent once. */
    public List<OrderEvent> pullEvents() {
        List<OrderEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** A change after creation: a new revision, and the event that tells it. */
    private void changed(OrderEvent event) {
        revision++;
        record(event);
    }

    private void record(OrderEvent event) {
        events.add(event);
    }

    /** Everything the order is, for storing it. */
    public State state() {
        return new State(
                id,
                storeId,
                number,
                details,
                createdAt,
                paymentDueAt,
                paymentStatus,
                capturedAmount,
                refundedAmount,
                paymentRequests,
                revision);
    }

    /** 0 when created, one more with every change: the version of what the order's events tell. */
    public long revision() {
        return revision;
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
