package com.draftorders.payment.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.payment.domain.PaymentProvider.AuthorizationRequest;
import com.draftorders.payment.domain.PaymentProvider.CaptureRequest;
import com.draftorders.payment.domain.PaymentProvider.ProviderResult;
import com.draftorders.payment.domain.PaymentProvider.RefundRequest;
import com.draftorders.payment.domain.PaymentProvider.VoidRequest;
import org.junit.jupiter.api.Test;

class SystemPaymentProviderTest {

    private final SystemPaymentProvider provider = new SystemPaymentProvider();

    @Test
    void theManualProviderApprovesEveryAuthorizationEvenTheOnesTheTestProviderDeclines() {
        assertThat(provider.authorize(new AuthorizationRequest("pay_1", "k", 5013, "EUR", null)))
                .isEqualTo(new ProviderResult.Approved("system:pay_1"));
    }

    @Test
    void askingTwiceGivesTheSameReference() {
        var request = new RefundRequest("pay_1", "system:pay_1", "refund:1", 100, "EUR", "damaged");

        assertThat(provider.refund(request)).isEqualTo(provider.refund(request));
    }

    @Test
    void capturesVoidsAndRefundsAreApproved() {
        assertThat(provider.capture(new CaptureRequest("pay_1", "system:pay_1", "c", 100, "EUR")))
                .isInstanceOf(ProviderResult.Approved.class);
        assertThat(provider.voidAuthorization(new VoidRequest("pay_1", "system:pay_1", "v")))
                .isInstanceOf(ProviderResult.Approved.class);
        assertThat(provider.refund(new RefundRequest("pay_1", "system:pay_1", "r", 100, "EUR", null)))
                .isInstanceOf(ProviderResult.Approved.class);
    }

    @Test
    void itIsCalledSystem() {
        assertThat(provider.name()).isEqualTo("system");
    }
}
