package com.draftorders.payment.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.MessagingAutoConfiguration;
import com.draftorders.messaging.MessagingProperties;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.payment.domain.PaymentProviders;
import com.draftorders.payment.messaging.PaymentCommandHandler;
import com.draftorders.payment.persistence.Payments;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PaymentConfigurationTest {

    /** The configuration with the service's own payment-service.yml, and a handler that is never called. */
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withPropertyValues("spring.config.name=payment-service")
            .withUserConfiguration(PaymentConfiguration.class, MessagingSettings.class)
            .withBean(PaymentCommandHandler.class, () -> new PaymentCommandHandler(null, null, null, null));

    @EnableConfigurationProperties(MessagingProperties.class)
    static class MessagingSettings {}

    @Test
    void theSystemAndTestProvidersAreEnabledByDefault() {
        runner.run(context ->
                assertThat(context.getBean(PaymentProviders.class).names()).containsExactly("system", "test"));
    }

    @Test
    void theEnabledProvidersCanBeNarrowedByConfiguration() {
        runner.withPropertyValues("draftorders.payments.providers=system")
                .run(context -> assertThat(
                                context.getBean(PaymentProviders.class).names())
                        .containsExactly("system"));
    }

    @Test
    void enablingAProviderThatDoesNotExistStopsTheService() {
        runner.withPropertyValues("draftorders.payments.providers=system,stripe")
                .run(context ->
                        assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("'stripe'"));
    }

    @Test
    void theServiceSubscribesToPaymentCommands() {
        runner.run(context ->
                assertThat(context.getBean(Subscription.class).topic().name()).isEqualTo("payment-commands"));
    }

    @Test
    void thePaymentsAndTheReceiptsAreRelayed() {
        runner.run(context -> assertThat(MessagingAutoConfiguration.outboxCollections(
                        List.of(new Payments()), context.getBean(MessagingProperties.class)))
                .containsExactly("payments", UnitOfWork.RECEIPTS));
    }
}
