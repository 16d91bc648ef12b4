package com.draftorders.payment.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment settings ({@code draftorders.payments.*}); defaults in {@code payment-service.yml}.
 *
 * @param providers the payment providers commands may select by name ({@code AuthorizePayment.provider}); any other
 *     name fails the authorization with code {@code unknown_gateway}. Available: {@code system} (manual, approves
 *     everything) and {@code test} (declines amounts whose minor units end in 13); see {@code PROVIDERS.md}. A name
 *     without an implementation stops the service at startup.
 */
@ConfigurationProperties("draftorders.payments")
public record PaymentProperties(
        @DefaultValue({"system", "test"}) List<String> providers) {}
