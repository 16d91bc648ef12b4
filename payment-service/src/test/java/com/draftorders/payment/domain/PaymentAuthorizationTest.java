package com.draftorders.payment.domain;

import static com.draftorders.payment.domain.PaymentFixtures.DRAFT_ID;
import static com.draftorders.payment.domain.PaymentFixtures.NOW;
import static com.draftorders.payment.domain.PaymentFixtures.PAYMENT_ID;
import static com.draftorders.payment.domain.PaymentFixtures.STORE;
import static com.draftorders.payment.domain.PaymentFixtures.authorize;
import static com.draftorders.payment.domain.PaymentFixtures.authorizeCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.payment.providers.SystemPaymentProvider;
import com.draftorders.payment.providers.TestPaymentProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentAuthorizationTest {

    @Test
    void theSystemProviderAuthorizesThePaymentAndItsReferenceIsKept() {
        Payment.Authorization authorization = authorize(4321, "EUR", "system");

        assertThat(authorization.approved()).isTrue();
        Payment.State state = authorization.payment().state();
        assertThat(state.status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(state.storeId()).isEqualTo(STORE);
        assertThat(state.gateway()).isEqualTo("system");
        assertThat(state.providerReference()).isEqualTo("system:pay_1");
        assertThat(state.capturedAmount()).isZero();
        assertThat(state.revision()).isEqualTo(1);
        assertThat(state.createdAt()).isEqualTo(NOW);
        assertThat(authorization.event())
                .isEqualTo(new PaymentEvent.Authorized(PAYMENT_ID, DRAFT_ID, 4321, "EUR", "system", "system:pay_1"));
    }

    @Test
    void theTestProviderDeclinesAnAmountEndingIn13AndThePaymentIsKeptAsFailed() {
        Payment.Authorization authorization = authorize(5013, "EUR", "test");

        assertThat(authorization.approved()).isFalse();
        Payment.State state = authorization.payment().state();
        assertThat(state.status()).isEqualTo(PaymentStatus.AUTHORIZATION_FAILED);
        assertThat(state.gateway()).isEqualTo("test");
        assertThat(state.failureCode()).isEqualTo("card_declined");
        assertThat(authorization.event()).isInstanceOfSatisfying(PaymentEvent.AuthorizationFailed.class, failed -> {
            assertThat(failed.paymentId()).isEqualTo(PAYMENT_ID);
            assertThat(failed.draftOrderId()).isEqualTo(DRAFT_ID);
            assertThat(failed.code()).isEqualTo("card_declined");
            assertThat(failed.reason()).contains("13");
        });
    }

    @Test
    void theTestProviderApprovesAnAmountThatDoesNotEndIn13() {
        assertThat(authorize(5014, "EUR", "test").approved()).isTrue();
    }

    @Test
    void aNegativeAmountFailsAsAnInvalidAmount() {
        assertFailsWith(authorize(-1, "EUR", "system"), "invalid_amount");
    }

    @Test
    void anAmountAboveTenToTheThirteenthMinorUnitsFailsAsAnInvalidAmount() {
        assertFailsWith(authorize(Amounts.MAX + 1, "EUR", "system"), "invalid_amount");
    }

    @Test
    void exactlyTenToTheThirteenthMinorUnitsAndZeroAreAuthorized() {
        assertThat(authorize(Amounts.MAX, "EUR", "system").approved()).isTrue();
        assertThat(authorize(0, "EUR", "system").approved()).isTrue();
    }

    @Test
    void anUnknownOrLowerCaseCurrencyFailsAsAnInvalidCurrency() {
        assertFailsWith(authorize(100, "EURO", "system"), "invalid_currency");
        assertFailsWith(authorize(100, "QQQ", "system"), "invalid_currency");
        assertFailsWith(authorize(100, "eur", "system"), "invalid_currency");
    }

    @Test
    void aProviderNobodyImplementedFailsAsAnUnknownGateway() {
        Payment.Authorization authorization = authorize(100, "EUR", "stripe");

        assertFailsWith(authorization, "unknown_gateway");
        assertThat(authorization.payment().state().gateway()).isEqualTo("stripe");
        assertThat(authorization.payment().state().failureReason()).contains("'stripe'", "system", "test");
    }

    @Test
    void aProviderThatIsAvailableButNotEnabledFailsAsAnUnknownGateway() {
        PaymentProviders onlySystem = new PaymentProviders(
                List.of(new SystemPaymentProvider(), new TestPaymentProvider()), List.of("system"));

        Payment.Authorization authorization =
                Payment.authorize(STORE, authorizeCommand(100, "EUR", "test"), onlySystem, NOW);

        assertFailsWith(authorization, "unknown_gateway");
    }

    @Test
    void theProviderIsChosenWhateverTheCaseOfItsName() {
        Payment.Authorization authorization = authorize(100, "EUR", "System");

        assertThat(authorization.approved()).isTrue();
        assertThat(authorization.payment().state().gateway()).isEqualTo("system");
    }

    @Test
    void anInvalidAmountOrCurrencyNeverReachesTheProvider() {
        DecliningProvider provider = new DecliningProvider();
        PaymentProviders providers = PaymentProviders.of(provider);

        Payment.authorize(STORE, authorizeCommand(-5, "EUR", "strict"), providers, NOW);
        Payment.authorize(STORE, authorizeCommand(5, "XYZ", "strict"), providers, NOW);

        assertThat(provider.requests).isEmpty();
    }

    @Test
    void theProviderIsAskedWithThePaymentIdAndTheIdempotencyKey() {
        DecliningProvider provider = new DecliningProvider();

        Payment.authorize(STORE, authorizeCommand(700, "EUR", "strict"), PaymentProviders.of(provider), NOW);

        assertThat(provider.requests)
                .containsExactly(new PaymentProvider.AuthorizationRequest(
                        PAYMENT_ID, DRAFT_ID + ":1", 700, "EUR", "buyer@example.com"));
    }

    @Test
    void aPaymentNeedsAnIdAndAStore() {
        assertThatThrownBy(() ->
                        Payment.authorize(" ", authorizeCommand(1, "EUR", "system"), PaymentFixtures.PROVIDERS, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredPaymentComesBackExactlyAsItWas() {
        Payment payment = PaymentFixtures.captured(5000);
        payment.refund(PaymentFixtures.refund("refund:1", 1000), PaymentFixtures.PROVIDERS, NOW);

        Payment.State state = payment.state();

        assertThat(Payment.restore(state).state()).isEqualTo(state);
    }

    private static void assertFailsWith(Payment.Authorization authorization, String code) {
        assertThat(authorization.approved()).isFalse();
        assertThat(authorization.payment().status()).isEqualTo(PaymentStatus.AUTHORIZATION_FAILED);
        assertThat(authorization.payment().state().failureCode()).isEqualTo(code);
        assertThat(authorization.event()).isInstanceOfSatisfying(PaymentEvent.AuthorizationFailed.class, failed -> {
            assertThat(failed.code()).isEqualTo(code);
            assertThat(failed.reason()).isNotBlank();
        });
    }
}
