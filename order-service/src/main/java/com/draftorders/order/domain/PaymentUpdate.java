package com.draftorders.order.domain;

/**
 * The outcome of telling an order what happened to its payment: it changed (and recorded an event), or it stayed
 * as it was (a redelivery, a stale or an impossible report), with the reason.
 */
public sealed interface PaymentUpdate {

    static PaymentUpdate changed() {
        return Changed.INSTANCE;
    }

    static PaymentUpdate unchanged(String reason) {
        return new Unchanged(reason);
    }

    default boolean isChange() {
        return this instanceof Changed;
    }

    final class Changed implements PaymentUpdate {
        private static final Changed INSTANCE = new Changed();

        private Changed() {}

        @Override
        public String toString() {
            return "Changed";
        }
    }

    record Unchanged(String reason) implements PaymentUpdate {}
}
