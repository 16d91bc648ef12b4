package com.draftorders.payment.domain;

import com.draftorders.payment.providers.SystemPaymentProvider;
import com.draftorders.payment.providers.TestPaymentProvider;
import java.time.Instant;

/** Payments in each state, made through the aggregate's own methods, with the real providers. */
final class PaymentFixtures {

    static final String STORE = "store_1";
    static final String PAYMENT_ID = "pay_1";
    static final String DRAFT_ID = "dorder_1";
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant LATER = NOW.plusSeconds(60);

    static final PaymentProviders PROVIDERS =
            PaymentProviders.of(new SystemPaymentProvider(), new TestPaymentProvider());

    private PaymentFixtures() {}

    static PaymentCommand.Authorize authorizeCommand(long amount, String currency, String provider) {
        return new PaymentCommand.Authorize(
                PAYMENT_ID, DRAFT_ID + ":1", DRAFT_ID, amount, currency, provider, "buyer@example.com");
    }

    static Payment.Authorization authorize(long amount, String currency, String provider) {
        return Payment.authorize(STORE, authorizeCommand(amount, currency, provider), PROVIDERS, NOW);
    }

    static Payment authorized(long amount) {
        return authorize(amount, "EUR", "system").payment();
    }

    static Payment failed() {
        return authorize(5013, "EUR", "test").payment();
    }

    static Payment captured(long amount) {
        Payment payment = authorized(amount);
        payment.capture(capture("capture:order_1", null), PROVIDERS, NOW);
        return payment;
    }

    static Payment voided(long amount) {
        Payment payment = authorized(amount);
        payment.voidAuthorization(voidCommand("void:1"), PROVIDERS, NOW);
        return payment;
    }

    static PaymentCommand.Capture capture(String key, Long amount) {
        return new PaymentCommand.Capture(PAYMENT_ID, key, "order_1", amount);
    }

    static PaymentCommand.VoidAuthorization voidCommand(String key) {
        return new PaymentCommand.VoidAuthorization(PAYMENT_ID, key, "completion failed");
    }

    static PaymentCommand.Refund refund(String key, long amount) {
        return new PaymentCommand.Refund(PAYMENT_ID, key, amount, "damaged");
    }
}
