package com.draftorders.payment.domain;

import static com.draftorders.payment.domain.PaymentFixtures.LATER;
import static com.draftorders.payment.domain.PaymentFixtures.NOW;
import static com.draftorders.payment.domain.PaymentFixtures.PAYMENT_ID;
import static com.draftorders.payment.domain.PaymentFixtures.PROVIDERS;
import static com.draftorders.payment.domain.PaymentFixtures.STORE;
import static com.draftorders.payment.domain.PaymentFixtures.authorizeCommand;
import static com.draftorders.payment.domain.PaymentFixtures.capture;
import static com.draftorders.payment.domain.PaymentFixtures.captured;
import static com.draftorders.payment.domain.PaymentFixtures.refund;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentRefundTest {

    @Test
    void refundingPartOfACapturedPaymentLeavesItPartiallyRefunded() {
        Payment payment = captured(5000);

        PaymentOutcome outcome = payment.refund(refund("refund:1", 1500), PROVIDERS, LATER);

        assertThat(outcome)
                .isEqualTo(new PaymentOutcome.Changed(
                        new PaymentEvent.Refunded(PAYMENT_ID, "order_1", 1500, 1500, "EUR")));
        Payment.State state = payment.state();
        assertThat(state.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(state.refundedAmount()).isEqualTo(1500);
        assertThat(state.refundableAmount()).isEqualTo(3500);
        assertThat(state.refunds())
                .containsExactly(
                        new Payment.IssuedRefund("refund:1", 1500, "damaged", "system:pay_1:refund:refund:1", LATER));
    }

    @Test
    void refundsThatAddUpToTheCapturedAmountLeaveItRefunded() {
        Payment payment = captured(5000);
        payment.refund(refund("refund:1", 1500), PROVIDERS, NOW);

        PaymentOutcome outcome = payment.refund(refund("refund:2", 3500), PROVIDERS, LATER);

        assertThat(outcome.published()).contains(new PaymentEvent.Refunded(PAYMENT_ID, "order_1", 3500, 5000, "EUR"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.state().refunds()).hasSize(2);
        assertThat(payment.revision()).isEqualTo(4);
    }

    @Test
    void aRefundOfMoreThanIsStillRefundableIsRefusedWithBothAmounts() {
        Payment payment = captured(5000);
        payment.refund(refund("refund:1", 1000), PROVIDERS, NOW);
        Payment.State before = payment.state();

        PaymentOutcome outcome = payment.refund(refund("refund:2", 6000), PROVIDERS, LATER);

        assertThat(outcome.published())
                .contains(new PaymentEvent.CommandRejected(
                        PAYMENT_ID,
                        "refund:2",
                        "RefundPayment",
                        "refund of 60.00 EUR exceeds the 40.00 EUR still refundable"));
        assertThat(payment.state()).isEqualTo(before);
    }

    @Test
    void aFullyRefundedPaymentHasNothingLeftToRefund() {
        Payment payment = captured(5000);
        payment.refund(refund("refund:1", 5000), PROVIDERS, NOW);

        PaymentOutcome outcome = payment.refund(refund("refund:2", 1), PROVIDERS, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("refund of 0.01 EUR exceeds the 0.00 EUR still refundable"));
    }

    @Test
    void onlyTheCapturedPartOfAPartialCaptureCanBeRefunded() {
        Payment payment = PaymentFixtures.authorized(5000);
        payment.capture(capture("capture:order_1", 3000L), PROVIDERS, NOW);

        PaymentOutcome outcome = payment.refund(refund("refund:1", 3001), PROVIDERS, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("refund of 30.01 EUR exceeds the 30.00 EUR still refundable"));
    }

    @Test
    void amountsInTheRefusalAreWrittenInTheCurrencysOwnPrecision() {
        Payment payment = Payment.authorize(STORE, authorizeCommand(5000, "JPY", "system"), PROVIDERS, NOW)
                .payment();
        payment.capture(capture("capture:order_1", null), PROVIDERS, NOW);

        PaymentOutcome outcome = payment.refund(refund("refund:1", 6000), PROVIDERS, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("refund of 6000 JPY exceeds the 5000 JPY still refundable"));
    }

    @Test
    void theSameRefundAgainDoesNothingEvenWithAnotherAmount() {
        Payment payment = captured(5000);
        payment.refund(refund("refund:1", 1000), PROVIDERS, NOW);
        Payment.State before = payment.state();

        PaymentOutcome again = payment.refund(refund("refund:1", 2000), PROVIDERS, LATER);

        assertThat(again).isInstanceOf(PaymentOutcome.Unchanged.class);
        assertThat(again.published()).isEmpty();
        assertThat(payment.state()).isEqualTo(before);
    }

    @Test
    void aRefundKeyDoesNotCollideWithTheSameKeyOnAnotherCommand() {
        Payment payment = PaymentFixtures.authorized(5000);
        payment.capture(capture("key-1", null), PROVIDERS, NOW);

        PaymentOutcome outcome = payment.refund(refund("key-1", 100), PROVIDERS, LATER);

        assertThat(outcome).isInstanceOf(PaymentOutcome.Changed.class);
    }

    @Test
    void aRefundOfNothingOrLessIsRefused() {
        Payment payment = captured(5000);

        assertThat(payment.refund(refund("r0", 0), PROVIDERS, LATER).published())
                .containsInstanceOf(PaymentEvent.CommandRejected.class);
        assertThat(payment.refund(refund("r-1", -100), PROVIDERS, LATER)).isInstanceOf(PaymentOutcome.Rejected.class);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void anAuthorizedPaymentIsNotRefundedButShouldBeVoided() {
        Payment payment = PaymentFixtures.authorized(5000);

        PaymentOutcome outcome = payment.refund(refund("refund:1", 100), PROVIDERS, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected ->
                                assertThat(rejected.reason()).isEqualTo("payment is not captured; void it instead"));
    }

    @Test
    void voidedAndFailedPaymentsHaveNothingToRefund() {
        assertThat(PaymentFixtures.voided(5000).refund(refund("refund:1", 100), PROVIDERS, LATER))
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("voided"));
        assertThat(PaymentFixtures.failed().refund(refund("refund:1", 100), PROVIDERS, LATER))
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("authorization failed"));
    }

    @Test
    void aRefundTheProviderDeclinesChangesNothing() {
        PaymentProviders providers = PaymentProviders.of(new DecliningProvider());
        Payment payment = Payment.authorize(STORE, authorizeCommand(900, "EUR", "strict"), providers, NOW)
                .payment();
        // the strict provider declines captures, so capture with a provider set where "strict" approves them
        Payment captured = capturedWith(payment);
        Payment.State before = captured.state();

        PaymentOutcome outcome = captured.refund(refund("refund:1", 100), providers, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("the merchant balance is too low (strict: insufficient_balance)"));
        assertThat(captured.state()).isEqualTo(before);
    }

    private static Payment capturedWith(Payment payment) {
        PaymentProviders approving = PaymentProviders.of(new DecliningProvider() {
            @Override
            public ProviderResult capture(CaptureRequest request) {
                return new ProviderResult.Approved("strict-capture-1");
            }
        });
        payment.capture(capture("capture:order_1", null), approving, NOW);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
        return payment;
    }
}
