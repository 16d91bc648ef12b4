package com.draftorders.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.payment.providers.SystemPaymentProvider;
import com.draftorders.payment.providers.TestPaymentProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentProvidersTest {

    private final List<PaymentProvider> available = List.of(new SystemPaymentProvider(), new TestPaymentProvider());

    @Test
    void onlyTheEnabledProvidersCanBeFound() {
        PaymentProviders providers = new PaymentProviders(available, List.of("system"));

        assertThat(providers.find("system")).containsInstanceOf(SystemPaymentProvider.class);
        assertThat(providers.find("test")).isEmpty();
        assertThat(providers.names()).containsExactly("system");
    }

    @Test
    void providersAreFoundWhateverTheCaseOrSurroundingSpaces() {
        PaymentProviders providers = new PaymentProviders(available, List.of(" Test "));

        assertThat(providers.find("TEST")).containsInstanceOf(TestPaymentProvider.class);
    }

    @Test
    void noNameFindsNothing() {
        assertThat(new PaymentProviders(available, List.of("system")).find(null))
                .isEmpty();
    }

    @Test
    void enablingAProviderWithoutAnImplementationIsRefusedAtOnce() {
        assertThatThrownBy(() -> new PaymentProviders(available, List.of("system", "stripe")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'stripe'");
    }
}
