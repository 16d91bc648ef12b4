package com.draftorders.payment.domain;

import java.util.Optional;

/** The result of asking a payment to do something. Only a real change or a refusal has an event to publish. */
public sealed interface PaymentOutcome {

    /** The event to publish, if any. */
    Optional<PaymentEvent> published();

    /** The payment changed; {@code event} says how. */
    record Changed(PaymentEvent event) implements PaymentOutcome {
        @Override
        public Optional<PaymentEvent> published() {
            return Optional.of(event);
        }
    }

    /**
     * Nothing to do: the command was handled before (same idempotency key) or the payment already is as asked.
     * Nothing is published; the original event already was.
     */
    record Unchanged(String why) implements PaymentOutcome {
        @Override
        public Optional<PaymentEvent> published() {
            return Optional.empty();
        }
    }

    /** The command cannot be done; the payment is untouched and {@code event} tells the caller why. */
    record Rejected(String reason, PaymentEvent event) implements PaymentOutcome {
        @Override
        public Optional<PaymentEvent> published() {
            return Optional.of(event);
        }
    }
}
