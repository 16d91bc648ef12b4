package com.draftorders.payment.domain;

import static com.draftorders.payment.domain.PaymentFixtures.DRAFT_ID;
import static com.draftorders.payment.domain.PaymentFixtures.LATER;
import static com.draftorders.payment.domain.PaymentFixtures.NOW;
import static com.draftorders.payment.domain.PaymentFixtures.PAYMENT_ID;
import static com.draftorders.payment.domain.PaymentFixtures.PROVIDERS;
import static com.draftorders.payment.domain.PaymentFixtures.STORE;
import static com.draftorders.payment.domain.PaymentFixtures.authorizeCommand;
import static com.draftorders.payment.domain.PaymentFixtures.authorized;
import static com.draftorders.payment.domain.PaymentFixtures.refund;
import static com.draftorders.payment.domain.PaymentFixtures.voidCommand;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentVoidTest {

    @Test
    void voidingAnAuthorizedPaymentReleasesItWithTheReasonGiven() {
        Payment payment = authorized(4321);

        PaymentOutcome outcome = payment.voidAuthorization(voidCommand("void:1"), PROVIDERS, LATER);

        assertThat(outcome)
                .isEqualTo(
                        new PaymentOutcome.Changed(new PaymentEvent.Voided(PAYMENT_ID, DRAFT_ID, "completion failed")));
        Payment.State state = payment.state();
        assertThat(state.status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(state.voidReason()).isEqualTo("completion failed");
        assertThat(state.voidedAt()).isEqualTo(LATER);
        assertThat(state.revision()).isEqualTo(2);
    }

    @Test
    void theSameVoidAgainDoesNothing() {
        Payment payment = authorized(4321);
        payment.voidAuthorization(voidCommand("void:1"), PROVIDERS, NOW);
        Payment.State before = payment.state();

        PaymentOutcome again = payment.voidAuthorization(voidCommand("void:1"), PROVIDERS, LATER);

        assertThat(again).isInstanceOf(PaymentOutcome.Unchanged.class);
        assertThat(payment.state()).isEqualTo(before);
    }

    @Test
    void aNewVoidOfAnAlreadyVoidedPaymentDoesNothing() {
        Payment payment = PaymentFixtures.voided(4321);
        Payment.State before = payment.state();

        PaymentOutcome outcome = payment.voidAuthorization(voidCommand("void:2"), PROVIDERS, LATER);

        assertThat(outcome).isInstanceOf(PaymentOutcome.Unchanged.class);
        assertThat(outcome.published()).isEmpty();
        assertThat(payment.state()).isEqualTo(before);
    }

    @Test
    void aCapturedPaymentCannotBeVoidedAndTheCallerIsToldToRefundIt() {
        Payment payment = PaymentFixtures.captured(4321);

        PaymentOutcome outcome = payment.voidAuthorization(voidCommand("void:1"), PROVIDERS, LATER);

        assertThat(outcome.published())
                .contains(new PaymentEvent.CommandRejected(
                        PAYMENT_ID, "void:1", "VoidPayment", "payment is captured; refund it instead"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void aRefundedPaymentCannotBeVoidedEither() {
        Payment payment = PaymentFixtures.captured(4321);
        payment.refund(refund("refund:1", 4321), PROVIDERS, NOW);

        PaymentOutcome outcome = payment.voidAuthorization(voidCommand("void:1"), PROVIDERS, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Payment.CAPTURED_REFUND_INSTEAD));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
    }

    @Test
    void aPaymentWhoseAuthorizationFailedHasNothingToVoid() {
        Payment payment = PaymentFixtures.failed();

        PaymentOutcome outcome = payment.voidAuthorization(voidCommand("void:1"), PROVIDERS, LATER);

        assertThat(outcome).isInstanceOfSatisfying(PaymentOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).contains("nothing to void");
            assertThat(rejected.event()).isInstanceOf(PaymentEvent.CommandRejected.class);
        });
        assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZATION_FAILED);
    }

    @Test
    void aVoidTheProviderDeclinesIsRefusedAndThePaymentStaysAuthorized() {
        PaymentProviders providers = PaymentProviders.of(new DecliningProvider());
        Payment payment = Payment.authorize(STORE, authorizeCommand(900, "EUR", "strict"), providers, NOW)
                .payment();

        PaymentOutcome outcome = payment.voidAuthorization(voidCommand("void:1"), providers, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("try again later (strict: processor_unavailable)"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }
}
