package com.draftorders.payment.config;

import com.draftorders.messaging.Subscription;
import com.draftorders.payment.domain.PaymentProvider;
import com.draftorders.payment.domain.PaymentProviders;
import com.draftorders.payment.messaging.PaymentCommandHandler;
import com.draftorders.payment.providers.SystemPaymentProvider;
import com.draftorders.payment.providers.TestPaymentProvider;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the providers, the enabled set of them, and the subscription to payment-commands. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
public class PaymentConfiguration {

    @Bean
    SystemPaymentProvider systemPaymentProvider() {
        return new SystemPaymentProvider();
    }

    @Bean
    TestPaymentProvider testPaymentProvider() {
        return new TestPaymentProvider();
    }

    @Bean
    PaymentProviders paymentProviders(List<PaymentProvider> available, PaymentProperties properties) {
        return new PaymentProviders(available, properties.providers());
    }

    @Bean
    Subscription paymentCommands(PaymentCommandHandler handler) {
        return handler.subscription();
    }
}
