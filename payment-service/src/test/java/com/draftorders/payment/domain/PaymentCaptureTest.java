package com.draftorders.payment.domain;

import static com.draftorders.payment.domain.PaymentFixtures.DRAFT_ID;
import static com.draftorders.payment.domain.PaymentFixtures.LATER;
import static com.draftorders.payment.domain.PaymentFixtures.NOW;
import static com.draftorders.payment.domain.PaymentFixtures.PAYMENT_ID;
import static com.draftorders.payment.domain.PaymentFixtures.PROVIDERS;
import static com.draftorders.payment.domain.PaymentFixtures.STORE;
import static com.draftorders.payment.domain.PaymentFixtures.authorizeCommand;
import static com.draftorders.payment.domain.PaymentFixtures.authorized;
import static com.draftorders.payment.domain.PaymentFixtures.capture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.payment.providers.SystemPaymentProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentCaptureTest {

    @Test
    void aCaptureWithoutAnAmountTakesEverythingAuthorizedAndRemembersTheOrder() {
        Payment payment = authorized(4321);

        PaymentOutcome outcome = payment.capture(capture("capture:order_1", null), PROVIDERS, LATER);

        assertThat(outcome)
                .isEqualTo(new PaymentOutcome.Changed(
                        new PaymentEvent.Captured(PAYMENT_ID, DRAFT_ID, "order_1", 4321, "EUR")));
        Payment.State state = payment.state();
        assertThat(state.status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(state.capturedAmount()).isEqualTo(4321);
        assertThat(state.orderId()).isEqualTo("order_1");
        assertThat(state.capturedAt()).isEqualTo(LATER);
        assertThat(state.updatedAt()).isEqualTo(LATER);
        assertThat(state.revision()).isEqualTo(2);
    }

    @Test
    void aPartialCaptureTakesOnlyTheAmountAsked() {
        Payment payment = authorized(4321);

        PaymentOutcome outcome = payment.capture(capture("capture:order_1", 4000L), PROVIDERS, LATER);

        assertThat(outcome.published())
                .contains(new PaymentEvent.Captured(PAYMENT_ID, DRAFT_ID, "order_1", 4000, "EUR"));
        assertThat(payment.state().capturedAmount()).isEqualTo(4000);
        assertThat(payment.state().refundableAmount()).isEqualTo(4000);
    }

    @Test
    void theSameCaptureAgainDoesNothingAndPublishesNothing() {
        Payment payment = authorized(4321);
        payment.capture(capture("capture:order_1", null), PROVIDERS, NOW);
        Payment.State before = payment.state();

        PaymentOutcome again = payment.capture(capture("capture:order_1", null), PROVIDERS, LATER);

        assertThat(again).isInstanceOf(PaymentOutcome.Unchanged.class);
        assertThat(again.published()).isEmpty();
        assertThat(payment.state()).isEqualTo(before);
    }

    @Test
    void aNewCaptureOfAnAlreadyCapturedPaymentDoesNothing() {
        Payment payment = PaymentFixtures.captured(4321);
        Payment.State before = payment.state();

        PaymentOutcome outcome = payment.capture(capture("capture:order_2", 10L), PROVIDERS, LATER);

        assertThat(outcome).isInstanceOf(PaymentOutcome.Unchanged.class);
        assertThat(payment.state()).isEqualTo(before);
    }

    @Test
    void aCaptureOfMoreThanWasAuthorizedIsRefusedAndThePaymentStaysAuthorized() {
        Payment payment = authorized(4321);

        PaymentOutcome outcome = payment.capture(capture("capture:order_1", 4322L), PROVIDERS, LATER);

        assertThat(outcome).isInstanceOfSatisfying(PaymentOutcome.Rejected.class, rejected -> {
            assertThat(rejected.reason()).isEqualTo("capture of 43.22 EUR exceeds the 43.21 EUR authorized");
            assertThat(rejected.event())
                    .isEqualTo(new PaymentEvent.CaptureFailed(PAYMENT_ID, "order_1", rejected.reason()));
        });
        assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(payment.revision()).isEqualTo(1);
    }

    @Test
    void aRefusedCaptureDoesNotUseUpItsIdempotencyKey() {
        Payment payment = authorized(4321);
        payment.capture(capture("capture:order_1", 9999L), PROVIDERS, NOW);

        PaymentOutcome retried = payment.capture(capture("capture:order_1", 4321L), PROVIDERS, LATER);

        assertThat(retried).isInstanceOf(PaymentOutcome.Changed.class);
    }

    @Test
    void aCaptureOfNothingOrLessIsRefused() {
        Payment payment = authorized(4321);

        assertThat(payment.capture(capture("c1", 0L), PROVIDERS, LATER)).isInstanceOf(PaymentOutcome.Rejected.class);
        assertThat(payment.capture(capture("c2", -1L), PROVIDERS, LATER)).isInstanceOf(PaymentOutcome.Rejected.class);
        assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void aPaymentOfZeroIsCapturedAsZero() {
        Payment payment = authorized(0);

        PaymentOutcome outcome = payment.capture(capture("capture:order_1", null), PROVIDERS, LATER);

        assertThat(outcome).isInstanceOf(PaymentOutcome.Changed.class);
        assertThat(payment.status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void aVoidedPaymentCannotBeCaptured() {
        Payment payment = PaymentFixtures.voided(4321);

        PaymentOutcome outcome = payment.capture(capture("capture:order_1", null), PROVIDERS, LATER);

        assertThat(outcome.published())
                .contains(new PaymentEvent.CaptureFailed(PAYMENT_ID, "order_1", "payment is voided"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.VOIDED);
    }

    @Test
    void aPaymentWhoseAuthorizationFailedCannotBeCaptured() {
        Payment payment = PaymentFixtures.failed();

        PaymentOutcome outcome = payment.capture(capture("capture:order_1", null), PROVIDERS, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("authorization failed", "card_declined"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZATION_FAILED);
    }

    @Test
    void aCaptureTheProviderDeclinesIsRefusedWithTheProvidersReason() {
        DecliningProvider provider = new DecliningProvider();
        PaymentProviders providers = PaymentProviders.of(provider);
        Payment payment = Payment.authorize(STORE, authorizeCommand(900, "EUR", "strict"), providers, NOW)
                .payment();

        PaymentOutcome outcome = payment.capture(capture("capture:order_1", null), providers, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason())
                                .isEqualTo("the authorization expired (strict: authorization_expired)"));
        assertThat(payment.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(provider.requests)
                .contains(
                        new PaymentProvider.CaptureRequest(PAYMENT_ID, "strict-auth-1", "capture:order_1", 900, "EUR"));
    }

    @Test
    void aPaymentWhoseProviderWasDisabledSinceCannotBeCaptured() {
        Payment payment = authorized(4321);
        PaymentProviders withoutSystem = new PaymentProviders(List.of(new SystemPaymentProvider()), List.of());

        PaymentOutcome outcome = payment.capture(capture("capture:order_1", null), withoutSystem, LATER);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        PaymentOutcome.Rejected.class,
                        rejected -> assertThat(rejected.reason()).contains("'system' is not enabled"));
    }

    @Test
    void aCommandForAnotherPaymentIsAProgrammingError() {
        Payment payment = authorized(4321);

        assertThatThrownBy(() -> payment.capture(
                        new PaymentCommand.Capture("pay_2", "capture:order_1", "order_1", null), PROVIDERS, LATER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
