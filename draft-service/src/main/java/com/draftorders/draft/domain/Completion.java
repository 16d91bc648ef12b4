package com.draftorders.draft.domain;

import java.time.Instant;

/**
 * The state of a running completion saga, kept inside the draft so a restarted service resumes where it stopped.
 *
 * @param attempt 1 for the first completion of this draft, +1 for each retry after a failure
 * @param paymentId the payment this attempt authorizes (idempotency key: draft id + attempt)
 * @param step the step waiting for its reply
 * @param stepStartedAt when the step's command was last sent (for deadlines)
 * @param paymentAuthorized whether the payment of this attempt is known to be authorized (compensation voids it)
 * @param tries how often the current step's command has been sent
 * @param cartSnapshot the cart as cart-service locked it for this attempt, in its wire form (Avro), passed on unchanged
 *     to order-service; null until the cart is locked
 */
public record Completion(
        int attempt,
        boolean paymentPending,
        String paymentGateway,
        PaymentTerms paymentTerms,
        String paymentId,
        Step step,
        Instant stepStartedAt,
        boolean paymentAuthorized,
        int tries,
        byte[] cartSnapshot) {

    /** The steps of the completion saga, in order. */
    public enum Step {
        LOCK_CART,
        AUTHORIZE_PAYMENT,
        CREATE_ORDER
    }

    Completion next(Step step, Instant now) {
        return new Completion(
                attempt,
                paymentPending,
                paymentGateway,
                paymentTerms,
                paymentId,
                step,
                now,
                paymentAuthorized || step == Step.CREATE_ORDER,
                1,
                cartSnapshot);
    }

    Completion retried(Instant now) {
        return new Completion(
                attempt,
                paymentPending,
                paymentGateway,
                paymentTerms,
                paymentId,
                step,
                now,
                paymentAuthorized,
                tries + 1,
                cartSnapshot);
    }
}
