package com.draftorders.draft.domain;

/**
 * What a change to a draft caused. The messaging adapter turns each into the messages it stands for (an event on
 * draft-order-events, a command to another service), written with the state change in one atomic write.
 */
public sealed interface DraftOrderEvent {

    /** The draft was created; its cart must be created. */
    record Created() implements DraftOrderEvent {}

    /** Content, totals or readiness changed. */
    record Updated() implements DraftOrderEvent {}

    /** The content changed: the cart must recalculate for {@code draftVersion}. */
    record ContentChanged(long draftVersion) implements DraftOrderEvent {}

    /** Completion began: lock the cart at {@code draftVersion}. */
    record CompletionStarted(int attempt, long draftVersion, boolean paymentPending, String paymentGateway)
            implements DraftOrderEvent {}

    /** A retry of the lock after its deadline passed without a reply. */
    record CartLockRequested(int attempt, long draftVersion) implements DraftOrderEvent {}

    /** The cart is frozen: authorize the payment for its total. */
    record PaymentAuthorizationRequested(int attempt, String paymentId, long amount, String currency, String gateway)
            implements DraftOrderEvent {}

    /** The payment is authorized: create the order from the locked cart. */
    record OrderCreationRequested(int attempt, String paymentId, boolean paymentPending, PaymentTerms paymentTerms)
            implements DraftOrderEvent {}

    /** The order exists; the draft is done. */
    record Completed(String orderId) implements DraftOrderEvent {}

    /**
     * Completion failed at {@code step}; compensate: void {@code paymentIdToVoid} if not null, unlock the cart if
     * {@code unlockCart}.
     */
    record CompletionFailed(int attempt, String step, String reason, String paymentIdToVoid, boolean unlockCart)
            implements DraftOrderEvent {}

    /** An authorization that no running attempt wants (a late reply to an abandoned attempt): void it. */
    record StrayPaymentVoidRequested(String paymentId) implements DraftOrderEvent {}

    record Canceled(String reason) implements DraftOrderEvent {}

    /** An invoice was sent (to its resolved recipient): a notification service delivers it. */
    record InvoiceSent(Invoice invoice, java.time.Instant sentAt) implements DraftOrderEvent {}

    /** The draft was deleted before completion. */
    record Deleted() implements DraftOrderEvent {}
}
