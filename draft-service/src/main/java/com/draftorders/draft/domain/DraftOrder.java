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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

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
    private DraftDetails details;
    private String invoiceUrl;
    private Instant deletedAt;
    private List<TimelineEntry> timeline;
    private final List<DraftOrderEvent> events = new ArrayList<>();

    /** How many timeline entries a draft keeps (the oldest are dropped). */
    public static final int TIMELINE_KEPT = 100;

    /** The timeline entry type of a merchant's comment. */
    public static final String COMMENT = "comment";

    /** Who the draft is for. */
    public record Customer(String email, String phone, String customerId) {}

    /**
     * The complete new values of what an edit may change (the caller merges a partial update into the current
     * values). Fields equal to the current ones are no change.
     */
    public record Edit(Customer customer, DraftContent content, String note, List<String> tags, DraftDetails details) {}

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
            Instant invoiceSentAt,
            DraftDetails details,
            String invoiceUrl,
            Instant deletedAt,
            List<TimelineEntry> timeline) {}

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
        this.details = s.details() == null ? DraftDetails.NONE : s.details();
        this.invoiceUrl = s.invoiceUrl();
        this.deletedAt = s.deletedAt();
        this.timeline = s.timeline() == null ? new ArrayList<>() : new ArrayList<>(s.timeline());
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
            DraftDetails details,
            boolean noNotificationOrder,
            Instant now) {
        var draft = newOpen(
                id,
                storeId,
                name,
                cartId,
                channel,
                externalReference,
                customer,
                content,
                note,
                tags,
                details,
                noNotificationOrder,
                now);
        draft.record(
                "created", "Draft order " + name + " created" + (channel == null ? "" : " by channel " + channel), now);
        return draft;
    }

    /**
     * A new open draft with this draft's customer, content, note, tags and details (new line item ids from
     * {@code lineItemIds}); not tied to any channel reference.
     */
    public DraftOrder duplicate(String id, String name, String cartId, Supplier<String> lineItemIds, Instant now) {
        var copy = newOpen(
                id,
                storeId,
                name,
                cartId,
                null,
                null,
                customer,
                content.withNewLineItemIds(lineItemIds),
                note,
                tags,
                details,
                noNotificationOrder,
                now);
        copy.record("created", "Draft order " + name + " created as a copy of " + this.name, now);
        return copy;
    }

    private static DraftOrder newOpen(
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
            DraftDetails details,
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
                null,
                details,
                null,
                null,
                List.of()));
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
        if (!wasReady) {
            record("totals_calculated", "Totals calculated for version " + contentVersion, now);
        }
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
                record("completion_requested", "Completion requested; it starts when the totals are ready", now);
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

    /** Payment terms mean the customer pays later: the order waits for an explicit capture whatever else was asked. */
    private void startCompletion(boolean askedPaymentPending, String gateway, PaymentTerms terms, Instant now) {
        boolean paymentPending = askedPaymentPending || terms != null;
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
                1,
                null);
        touch(now);
        events.add(
                new CompletionStarted(completionAttempts, contentVersion, paymentPending, completion.paymentGateway()));
        record(
                "completion_started",
                "Completion started (attempt " + completionAttempts + ", payment gateway " + completion.paymentGateway()
                        + (paymentPending ? ", payment pending" : "") + ")",
                now);
    }

    /**
     * The cart is locked for this attempt: authorize the payment for the cart's total. {@code cartSnapshot} is the
     * locked cart as cart-service sent it, kept for the order.
     */
    public void cartLocked(
            int attempt, long draftVersion, long totalPrice, String paymentId, byte[] cartSnapshot, Instant now) {
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
                        completion.tries(),
                        cartSnapshot)
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
        record("payment_authorized", "Payment " + paymentId + " authorized", now);
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
        record("completed", "Completed as order " + orderId, now);
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
        record("completion_failed", "Completion failed at " + step + ": " + reason, now);
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
        record("canceled", reason == null ? "Canceled" : "Canceled: " + reason, now);
        return Optional.empty();
    }

    /**
     * Applies an edit (the complete new values). Refused when {@code expectedVersion} is given and is not the
     * current version, and unless the draft is open or invoiced. An edit that changes nothing records nothing; one
     * that changes the cart's content gives it a new content version, so the draft is not ready until the cart has
     * recalculated for it.
     */
    public Optional<Refusal> update(Long expectedVersion, Edit edit, Instant now) {
        Optional<Refusal> refusal = versionRefusal(expectedVersion).or(() -> editRefusal("edited"));
        if (refusal.isPresent()) {
            return refusal;
        }
        Customer newCustomer = edit.customer() == null ? new Customer(null, null, null) : edit.customer();
        List<String> newTags = edit.tags() == null ? List.of() : List.copyOf(edit.tags());
        DraftDetails newDetails = edit.details() == null ? DraftDetails.NONE : edit.details();
        List<String> changed = changedFields(newCustomer, edit.content(), edit.note(), newTags, newDetails);
        if (changed.isEmpty()) {
            return Optional.empty();
        }
        boolean contentChanged = !content.equals(edit.content());
        customer = newCustomer;
        content = edit.content();
        note = edit.note();
        tags = newTags;
        details = newDetails;
        touch(now);
        if (contentChanged) {
            contentVersion = version;
            events.add(new DraftOrderEvent.ContentChanged(contentVersion));
        }
        events.add(new Updated());
        record("updated", "Edited " + String.join(", ", changed), now);
        return Optional.empty();
    }

    private List<String> changedFields(
            Customer newCustomer, DraftContent newContent, String newNote, List<String> newTags, DraftDetails d) {
        List<String> changed = new ArrayList<>();
        Customer old = customer == null ? new Customer(null, null, null) : customer;
        diff(changed, "email", old.email(), newCustomer.email());
        diff(changed, "phone", old.phone(), newCustomer.phone());
        diff(changed, "customer", old.customerId(), newCustomer.customerId());
        diff(changed, "currency", content.currency(), newContent.currency());
        diff(changed, "line_items", content.lineItems(), newContent.lineItems());
        diff(changed, "applied_discount", content.appliedDiscount(), newContent.appliedDiscount());
        diff(changed, "shipping_line", content.shippingLine(), newContent.shippingLine());
        diff(changed, "shipping_address", content.shippingAddress(), newContent.shippingAddress());
        diff(changed, "billing_address", content.billingAddress(), newContent.billingAddress());
        diff(changed, "taxes_included", content.taxesIncluded(), newContent.taxesIncluded());
        diff(changed, "tax_exempt", content.taxExempt(), newContent.taxExempt());
        diff(changed, "presentment_currency", content.presentmentCurrency(), newContent.presentmentCurrency());
        diff(changed, "exchange_rate", content.exchangeRate(), newContent.exchangeRate());
        diff(changed, "discount_codes", content.discountCodes(), newContent.discountCodes());
        diff(changed, "note", note, newNote);
        diff(changed, "tags", tags, newTags);
        diff(changed, "metafields", details.metafields(), d.metafields());
        diff(changed, "custom_attributes", details.customAttributes(), d.customAttributes());
        diff(changed, "po_number", details.poNumber(), d.poNumber());
        diff(changed, "source_name", details.sourceName(), d.sourceName());
        diff(changed, "visible_to_customer", details.visibleToCustomer(), d.visibleToCustomer());
        diff(changed, "reserve_inventory_until", details.reserveInventoryUntil(), d.reserveInventoryUntil());
        diff(changed, "localized_fields", details.localizedFields(), d.localizedFields());
        diff(
                changed,
                "allow_discount_codes_in_checkout",
                details.allowDiscountCodesInCheckout(),
                d.allowDiscountCodesInCheckout());
        diff(changed, "purchasing_entity", details.purchasingEntity(), d.purchasingEntity());
        return changed;
    }

    private static void diff(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }

    /**
     * Adds the tags the draft does not have yet (compared ignoring case). Nothing to add is no change; more than
     * {@link DraftValidation#MAX_TAGS} tags in all is refused.
     */
    public Optional<Refusal> addTags(List<String> added, Instant now) {
        Optional<Refusal> refusal = editRefusal("edited");
        if (refusal.isPresent()) {
            return refusal;
        }
        var present = new LinkedHashSet<String>();
        tags.forEach(t -> present.add(t.toLowerCase(Locale.ROOT)));
        List<String> merged = new ArrayList<>(tags);
        List<String> really = new ArrayList<>();
        for (String tag : added) {
            if (present.add(tag.toLowerCase(Locale.ROOT))) {
                merged.add(tag);
                really.add(tag);
            }
        }
        if (really.isEmpty()) {
            return Optional.empty();
        }
        if (merged.size() > DraftValidation.MAX_TAGS) {
            return refuse(
                    Refusal.Code.LIMIT_EXCEEDED,
                    "a draft order can have at most " + DraftValidation.MAX_TAGS + " tags");
        }
        tags = List.copyOf(merged);
        touch(now);
        events.add(new Updated());
        record("tags_added", "Tags added: " + String.join(", ", really), now);
        return Optional.empty();
    }

    /** Removes the given tags (compared ignoring case); none of them present is no change. */
    public Optional<Refusal> removeTags(List<String> removed, Instant now) {
        Optional<Refusal> refusal = editRefusal("edited");
        if (refusal.isPresent()) {
            return refusal;
        }
        var gone = removed.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        List<String> kept = tags.stream()
                .filter(t -> !gone.contains(t.toLowerCase(Locale.ROOT)))
                .toList();
        if (kept.size() == tags.size()) {
            return Optional.empty();
        }
        List<String> really = tags.stream()
                .filter(t -> gone.contains(t.toLowerCase(Locale.ROOT)))
                .toList();
        tags = kept;
        touch(now);
        events.add(new Updated());
        record("tags_removed", "Tags removed: " + String.join(", ", really), now);
        return Optional.empty();
    }

    /**
     * Sends the invoice: status INVOICE_SENT, {@code invoiceSentAt}, the invoice link, and the event a notification
     * service acts on. Sending again sends again. Refused unless open or invoiced and ready (an invoice shows the
     * totals), and when neither the invoice nor the draft names a recipient.
     */
    public Optional<Refusal> sendInvoice(Invoice invoice, Instant now) {
        Optional<Refusal> refusal = editRefusal("invoiced");
        if (refusal.isPresent()) {
            return refusal;
        }
        if (!isReady()) {
            return refuse(
                    Refusal.Code.NOT_READY,
                    "the totals for version " + contentVersion + " are still being calculated; retry shortly");
        }
        String recipient = invoice.to() != null ? invoice.to() : customer == null ? null : customer.email();
        if (recipient == null) {
            return refuse(Refusal.Code.NO_RECIPIENT, "the draft order has no email: name the recipient");
        }
        Invoice sent = invoice.to(recipient);
        status = DraftOrderStatus.INVOICE_SENT;
        invoiceSentAt = now;
        invoiceUrl = sent.url();
        touch(now);
        events.add(new DraftOrderEvent.InvoiceSent(sent, now));
        record("invoice_sent", "Invoice sent to " + recipient, now);
        return Optional.empty();
    }

    /**
     * Deletes the draft (it is gone for every reader afterwards). Deleting a deleted draft changes nothing; a
     * completing or completed draft cannot be deleted.
     */
    public Optional<Refusal> delete(Instant now) {
        if (deletedAt != null) {
            return Optional.empty();
        }
        if (status == DraftOrderStatus.COMPLETING || status == DraftOrderStatus.COMPLETED) {
            return refuse(
                    Refusal.Code.NOT_EDITABLE, "a " + status.name().toLowerCase() + " draft order cannot be deleted");
        }
        deletedAt = now;
        pendingCompletion = null;
        touch(now);
        events.add(new DraftOrderEvent.Deleted());
        record("deleted", "Deleted", now);
        return Optional.empty();
    }

    /**
     * Adds a merchant's comment to the timeline (Shopify's timeline comments), whatever the status; a new version and
     * an update event, so subscribers see {@link #hasTimelineComment}.
     */
    public Optional<Refusal> addComment(String body, Instant now) {
        touch(now);
        events.add(new Updated());
        record(COMMENT, body, now);
        return Optional.empty();
    }

    /** Whether the timeline holds a merchant's comment. */
    public boolean hasTimelineComment() {
        return timeline.stream().anyMatch(e -> COMMENT.equals(e.type()));
    }

    /** The subject of the invoice email when the merchant does not write one (Shopify's template: "Invoice #D1001"). */
    public String invoiceEmailTemplateSubject() {
        return name == null ? null : "Invoice " + name;
    }

    /**
     * A fingerprint of what the current totals were computed from (Shopify's {@code transformerFingerprint}): a hash
     * of the content and the content version the cart calculated for; null while they are being calculated.
     */
    public String transformerFingerprint() {
        if (!isReady()) {
            return null;
        }
        String basis = calculation.draftVersion() + "\n" + content;
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(basis.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether some variant line is priced differently from the variant's original price. */
    public boolean anyVariantPricesOverridden() {
        return content.lineItems().stream().filter(l -> !l.isCustom()).anyMatch(DraftOrder::overridden);
    }

    /** Whether there are variant lines and every one is priced differently from the variant's original price. */
    public boolean allVariantPricesOverridden() {
        var variantLines =
                content.lineItems().stream().filter(l -> !l.isCustom()).toList();
        return !variantLines.isEmpty() && variantLines.stream().allMatch(DraftOrder::overridden);
    }

    private static boolean overridden(DraftContent.LineItem line) {
        return line.originalPrice() != null && line.originalPrice() != line.price();
    }

    private Optional<Refusal> versionRefusal(Long expectedVersion) {
        if (expectedVersion == null || expectedVersion == version) {
            return Optional.empty();
        }
        return refuse(
                Refusal.Code.VERSION_MISMATCH,
                "the draft order is at version " + version + ", not " + expectedVersion + "; reload it and retry");
    }

    private Optional<Refusal> editRefusal(String action) {
        if (status.isEditable()) {
            return Optional.empty();
        }
        return refuse(
                Refusal.Code.NOT_EDITABLE, "a " + status.name().toLowerCase() + " draft order cannot be " + action);
    }

    /** Appends to the timeline (bounded) in the same change, at the version it produced. */
    private void record(String type, String summary, Instant now) {
        timeline.add(new TimelineEntry(type, now, summary, version));
        if (timeline.size() > TIMELINE_KEPT) {
            timeline = new ArrayList<>(timeline.subList(timeline.size() - TIMELINE_KEPT, timeline.size()));
        }
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

    /** The events recorded since the last {@link #pullEvents}, without taking them. */
    public List<DraftOrderEvent> recordedEvents() {
        return List.copyOf(events);
    }

    /** Whether events were recorded that {@link #pullEvents} has not handed out yet. */
    public boolean hasPendingEvents() {
        return !events.isEmpty();
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
                invoiceSentAt,
                details,
                invoiceUrl,
                deletedAt,
                List.copyOf(timeline));
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

    public String name() {
        return name;
    }

    public Customer customer() {
        return customer;
    }

    public String note() {
        return note;
    }

    public List<String> tags() {
        return tags;
    }

    public DraftDetails details() {
        return details;
    }

    public Optional<String> invoiceUrl() {
        return Optional.ofNullable(invoiceUrl);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Optional<Instant> deletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    /** What happened to the draft, oldest first (at most {@link #TIMELINE_KEPT} entries). */
    public List<TimelineEntry> timeline() {
        return List.copyOf(timeline);
    }
}
