package com.draftorders.draft.domain;

import com.draftorders.draft.domain.Completion.Step;
import com.draftorders.draft.domain.DraftOrderEvent.Canceled;
import com.draftorders.draft.domain.DraftOrderEvent.Completed;
import com.draftorders.draft.domain.DraftOrderEvent.CompletionFailed;
import com.draftorders.draft.domain.DraftOrderEvent.CompletionStarted;
import com.draftorders.draft.domain.DraftOrderEvent.Created;
import com.draftorders.draft.domain.DraftOrderEvent.OrderCreationRequested;
import com.draftorders.draft.domain.DraftOrderEvent.PaymentAuthorizationRequested;
import com.draftorders.draft.domain.DraftOrderEvent.StrayPaymentVoidRequested;
import com.draftorders.draft.domain.DraftOrderEvent.Updated;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A draft order and its state machine. Every change checks its guard, bumps {@link #version} when something really
 * changed, and records the {@link DraftOrderEvent}s it causes; nothing here knows Spring, Kafka or MongoDB.
 */
public class DraftOrder {

    private final String id;
    private final String storeId;
    private final String name;
    private final String cartId;
    private final String channel;
    private final String externalReference;
    private final Instant createdAt;
    private DraftOrderStatus status;
    private long version;
    private long contentVersion;
    private Customer customer;
    private DraftContent content;
    private CartCalculation calculation;
    private String note;
    private List<String> tags;
    private boolean noNotificationOrder;
    private String orderId;
    private String completionFailureReason;
    private Completion completion;
    private int completionAttempts;
    private PendingCompletion pendingCompletion;
    private Instant updatedAt;
    private Instant completedAt;
    private Instant canceledAt;
    private Instant invoiceSentAt;
    private final List<DraftOrderEvent> events = new ArrayList<>();

    /** Who the draft is for. */
    public record Customer(String email, String phone, String customerId) {}

    /** A completion asked for over Kafka before the totals were ready; it starts as soon as they are. */
    public record PendingCompletion(boolean paymentPending, String paymentGateway, PaymentTerms paymentTerms) {}

    /** Everything a stored draft is made of (persistence rebuilds drafts from it). */
    public record State(
            String id,
            String storeId,
            String name,
            String cartId,
            String channel,
            String externalReference,
            Instant createdAt,
            DraftOrderStatus status,
            long version,
            long contentVersion,
            Customer customer,
            DraftContent content,
            CartCalculation calculation,
            String note,
            List<String> tags,
            boolean noNotificationOrder,
            String orderId,
            String completionFailureReason,
            Completion completion,
            int completionAttempts,
            PendingCompletion pendingCompletion,
            Instant updatedAt,
            Instant completedAt,
            Instant canceledAt,
            Instant invoiceSentAt) {}

    private DraftOrder(State s) {
        this.id = s.id();
        this.storeId = s.storeId();
        this.name = s.name();
        this.cartId = s.cartId();
        this.channel = s.channel();
        this.externalReference = s.externalReference();
        this.createdAt = s.createdAt();
        this.status = s.status();
        this.version = s.version();
        this.contentVersion = s.contentVersion();
        this.customer = s.customer();
        this.content = s.content();
        this.calculation = s.calculation();
        this.note = s.note();
        this.tags = s.tags() == null ? List.of() : List.copyOf(s.tags());
        this.noNotificationOrder = s.noNotificationOrder();
        this.orderId = s.orderId();
        this.completionFailureReason = s.completionFailureReason();
        this.completion = s.completion();
        this.completionAttempts = s.completionAttempts();
        this.pendingCompletion = s.pendingCompletion();
        this.updatedAt = s.updatedAt();
        this.completedAt = s.completedAt();
        this.canceledAt = s.canceledAt();
        this.invoiceSentAt = s.invoiceSentAt();
    }

    public static DraftOrder restore(State state) {
        return new DraftOrder(state);
    }

    /** A new open draft at version 1; its cart is created and calculates the totals. */
    public static DraftOrder create(
            String id,
            String storeId,
            String name,
            String cartId,
            String channel,
            String externalReference,
            Customer customer,
            DraftContent content,
            String note,
            List<String> tags,
            boolean noNotificationOrder,
            Instant now) {
        var draft = new DraftOrder(new State(
                id,
                storeId,
                name,
                cartId,
                channel,
                externalReference,
                now,
                DraftOrderStatus.OPEN,
                1,
                1,
                customer,
                content,
                null,
                note,
                tags,
                noNotificationOrder,
                null,
                null,
                null,
                0,
                null,
                now,
                null,
                null,
                null));
        draft.events.add(new Created());
        return draft;
    }

    /** The cart calculated totals; they make the draft ready only if they are for its current content. */
    public void applyCalculation(CartCalculation calculated, Instant now) {
        if (calculated.draftVersion() != contentVersion || Objects.equals(calculation, calculated)) {
            return;
        }
        boolean wasReady = isReady();
        calculation = calculated;
        touch(now);
        events.add(new Updated());
        if (!wasReady && pendingCompletion != null && status.isEditable()) {
            var pending = pendingCompletion;
            pendingCompletion = null;
            startCompletion(pending.paymentPending(), pending.paymentGateway(), pending.paymentTerms(), now);
        }
    }

    /** Starts the completion saga: COMPLETING, then lock the cart. Refused unless open (or invoiced) and ready. */
    public Optional<Refusal> complete(
            boolean paymentPending, String paymentGateway, PaymentTerms paymentTerms, Instant now) {
        Optional<Refusal> refusal = completionRefusal();
        if (refusal.isPresent()) {
            return refusal;
        }
        startCompletion(paymentPending, paymentGateway, paymentTerms, now);
        return Optional.empty();
    }

    /**
     * Like {@link #complete}, but a draft whose totals are still being calculated remembers the request and completes
     * as soon as they arrive (what an upstream channel that sends create-then-complete needs).
     */
    public Optional<Refusal> completeWhenReady(
            boolean paymentPending, String paymentGateway, PaymentTerms paymentTerms, Instant now) {
        Optional<Refusal> refusal = completionRefusal();
        if (refusal.isPresent() && refusal.get().code() == Refusal.Code.NOT_READY) {
            if (pendingCompletion == null) {
                pendingCompletion = new PendingCompletion(paymentPending, paymentGateway, paymentTerms);
                touch(now);
            }
            return Optional.empty();
        }
        if (refusal.isPresent()) {
            return refusal;
        }
        startCompletion(paymentPending, paymentGateway, paymentTerms, now);
        return Optional.empty();
    }

    private Optional<Refusal> completionRefusal() {
        return switch (status) {
            case COMPLETING -> refuse(Refusal.Code.ALREADY_COMPLETING, "the draft order is already being completed");
            case COMPLETED -> refuse(Refusal.Code.ALREADY_COMPLETED, "the draft order is already completed");
            case CANCELED -> refuse(Refusal.Code.CANCELED, "the draft order is canceled");
            case OPEN, INVOICE_SENT ->
                isReady()
                        ? Optional.empty()
                        : refuse(
                                Refusal.Code.NOT_READY,
                                "the totals for version " + contentVersion
                                        + " are still being calculated; retry shortly");
        };
    }

    private void startCompletion(boolean paymentPending, String gateway, PaymentTerms terms, Instant now) {
        completionAttempts++;
        status = DraftOrderStatus.COMPLETING;
        completionFailureReason = null;
        completion = new Completion(
                completionAttempts,
                paymentPending,
                gateway == null ? "system" : gateway,
                terms,
                null,
                Step.LOCK_CART,
                now,
                false,
                1);
        touch(now);
        events.add(
                new CompletionStarted(completionAttempts, contentVersion, paymentPending, completion.paymentGateway()));
    }

    /** The cart is locked for this attempt: authorize the payment for the cart's total. */
    public void cartLocked(int attempt, long draftVersion, long totalPrice, String paymentId, Instant now) {
        if (!awaiting(Step.LOCK_CART, attempt) || draftVersion != contentVersion) {
            return;
        }
        completion = new Completion(
                        completion.attempt(),
                        completion.paymentPending(),
                        completion.paymentGateway(),
                        completion.paymentTerms(),
                        paymentId,
                        Step.LOCK_CART,
                        completion.stepStartedAt(),
                        false,
                        completion.tries())
                .next(Step.AUTHORIZE_PAYMENT, now);
        touch(now);
        events.add(new PaymentAuthorizationRequested(
                attempt, paymentId, totalPrice, content.currency(), completion.paymentGateway()));
    }

    public void cartLockRejected(int attempt, String reason, Instant now) {
        if (awaiting(Step.LOCK_CART, attempt)) {
            fail("lock_cart", "the cart could not be locked: " + reason, false, now);
        }
    }

    /** The payment is authorized: create the order. A late authorization of an abandoned attempt is voided. */
    public void paymentAuthorized(String paymentId, Instant now) {
        if (completion == null || !paymentId.equals(completion.paymentId())) {
            events.add(new StrayPaymentVoidRequested(paymentId));
            return;
        }
        if (completion.step() != Step.AUTHORIZE_PAYMENT) {
            return;
        }
        completion = completion.next(Step.CREATE_ORDER, now);
        touch(now);
        events.add(new OrderCreationRequested(
                completion.attempt(), paymentId, completion.paymentPending(), completion.paymentTerms()));
    }

    public void paymentAuthorizationFailed(String paymentId, String code, String reason, Instant now) {
        if (completion != null
                && paymentId.equals(completion.paymentId())
                && completion.step() == Step.AUTHORIZE_PAYMENT) {
            fail("authorize_payment", "payment declined (" + code + "): " + reason, true, now);
        }
    }

    /** The order exists: the draft is completed with its order id. */
    public void orderCreated(String orderId, String paymentId, Instant now) {
        if (status == DraftOrderStatus.COMPLETED || completion == null || !paymentId.equals(completion.paymentId())) {
            return;
        }
        this.orderId = orderId;
        status = DraftOrderStatus.COMPLETED;
        completedAt = now;
        touch(now);
        events.add(new Completed(orderId));
    }

    public void orderCreationFailed(String reason, Instant now) {
        if (completion != null && completion.step() == Step.CREATE_ORDER) {
            fail("create_order", "the order could not be created: " + reason, true, now);
        }
    }

    /**
     * The current step's reply is overdue. Before the order exists the step is sent again, and after
     * {@code maxTries} sends the attempt is compensated (void, unlock, back to OPEN with the reason). Creating the
     * order is the saga's pivot: once the payment is authorized the order-service is asked again and again, never
     * compensated, because a late order for a reopened draft would be worse than a late completion (order-service
     * is idempotent per draft).
     */
    public void completionStepOverdue(int maxTries, Instant now) {
        if (status != DraftOrderStatus.COMPLETING || completion == null) {
            return;
        }
        Step step = completion.step();
        if (step != Step.CREATE_ORDER && completion.tries() >= maxTries) {
            String reason = "no reply to " + step.name().toLowerCase() + " after " + completion.tries() + " tries";
            // An authorization may still happen late: void it too (ordered after the authorize on its partition).
            fail(step.name().toLowerCase(), reason, true, step == Step.AUTHORIZE_PAYMENT, now);
            return;
        }
        completion = completion.retried(now);
        touch(now);
        switch (step) {
            case LOCK_CART -> events.add(new DraftOrderEvent.CartLockRequested(completion.attempt(), contentVersion));
            case AUTHORIZE_PAYMENT ->
                events.add(new PaymentAuthorizationRequested(
                        completion.attempt(),
                        completion.paymentId(),
                        calculation.totals().totalPrice(),
                        content.currency(),
                        completion.paymentGateway()));
            case CREATE_ORDER ->
                events.add(new OrderCreationRequested(
                        completion.attempt(),
                        completion.paymentId(),
                        completion.paymentPending(),
                        completion.paymentTerms()));
        }
    }

    /** Compensates the running attempt and returns the draft to OPEN with the reason. */
    private void fail(String step, String reason, boolean unlockCart, Instant now) {
        fail(step, reason, unlockCart, false, now);
    }

    private void fail(String step, String reason, boolean unlockCart, boolean voidUnconfirmed, Instant now) {
        String toVoid = completion.paymentAuthorized() || voidUnconfirmed ? completion.paymentId() : null;
        int attempt = completion.attempt();
        completion = null;
        status = invoiceSentAt != null ? DraftOrderStatus.INVOICE_SENT : DraftOrderStatus.OPEN;
        completionFailureReason = reason;
        touch(now);
        events.add(new CompletionFailed(attempt, step, reason, toVoid, unlockCart));
        events.add(new Updated());
    }

    public Optional<Refusal> cancel(String reason, Instant now) {
        if (status == DraftOrderStatus.CANCELED) {
            return Optional.empty();
        }
        if (!status.isEditable()) {
            return refuse(
                    Refusal.Code.NOT_EDITABLE, "a " + status.name().toLowerCase() + " draft order cannot be canceled");
        }
        status = DraftOrderStatus.CANCELED;
        canceledAt = now;
        pendingCompletion = null;
        touch(now);
        events.add(new Canceled(reason));
        return Optional.empty();
    }

    private boolean awaiting(Step step, int attempt) {
        return status == DraftOrderStatus.COMPLETING
                && completion != null
                && completion.step() == step
                && completion.attempt() == attempt;
    }

    private void touch(Instant now) {
        version++;
        updatedAt = now;
    }

    private static Optional<Refusal> refuse(Refusal.Code code, String reason) {
        return Optional.of(new Refusal(code, reason));
    }

    /** The events recorded since the last call; the caller writes their messages with the new state. */
    public List<DraftOrderEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public boolean isReady() {
        return calculation != null && calculation.draftVersion() == contentVersion;
    }

    public State state() {
        return new State(
                id,
                storeId,
                name,
                cartId,
                channel,
                externalReference,
                createdAt,
                status,
                version,
                contentVersion,
                customer,
                content,
                calculation,
                note,
                tags,
                noNotificationOrder,
                orderId,
                completionFailureReason,
                completion,
                completionAttempts,
                pendingCompletion,
                updatedAt,
                completedAt,
                canceledAt,
                invoiceSentAt);
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    public String cartId() {
        return cartId;
    }

    public DraftOrderStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public long contentVersion() {
        return contentVersion;
    }

    public DraftContent content() {
        return content;
    }

    public Optional<CartCalculation> calculation() {
        return Optional.ofNullable(calculation);
    }

    public Optional<Completion> completion() {
        return Optional.ofNullable(completion);
    }

    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }

    public Optional<String> completionFailureReason() {
        return Optional.ofNullable(completionFailureReason);
    }
}
