package com.draftorders.payment.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.payment.domain.PaymentProvider.AuthorizationRequest;
import com.draftorders.payment.domain.PaymentProvider.CaptureRequest;
import com.draftorders.payment.domain.PaymentProvider.ProviderResult;
import com.draftorders.payment.domain.PaymentProvider.RefundRequest;
import com.draftorders.payment.domain.PaymentProvider.VoidRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestPaymentProviderTest {

    private final TestPaymentProvider provider = new TestPaymentProvider();

    @ParameterizedTest
    @ValueSource(longs = {13, 113, 5013, 999_913})
    void anAuthorizationWhoseMinorUnitsEndIn13IsDeclinedAsCardDeclined(long amount) {
        ProviderResult result = provider.authorize(authorization(amount));

        assertThat(result).isInstanceOfSatisfying(ProviderResult.Declined.class, declined -> {
            assertThat(declined.code()).isEqualTo("card_declined");
            assertThat(declined.reason()).isNotBlank();
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 12, 14, 130, 1300, 5012, 5014, 5031})
    void everyOtherAuthorizationIsApproved(long amount) {
        assertThat(provider.authorize(authorization(amount))).isEqualTo(new ProviderResult.Approved("test:pay_1"));
    }

    @Test
    void capturesVoidsAndRefundsAreAlwaysApprovedWhateverTheAmount() {
        assertThat(provider.capture(new CaptureRequest("pay_1", "test:pay_1", "c", 5013, "EUR")))
                .isInstanceOf(ProviderResult.Approved.class);
        assertThat(provider.voidAuthorization(new VoidRequest("pay_1", "test:pay_1", "v")))
                .isInstanceOf(ProviderResult.Approved.class);
        assertThat(provider.refund(new RefundRequest("pay_1", "test:pay_1", "r", 13, "EUR", null)))
                .isInstanceOf(ProviderResult.Approved.class);
    }

    @Test
    void itIsCalledTest() {
        assertThat(provider.name()).isEqualTo("test");
    }

    private static AuthorizationRequest authorization(long amount) {
        return new AuthorizationRequest("pay_1", "dorder_1:1", amount, "EUR", null);
    }
}
