package com.draftorders.cart.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of cart-service ({@code draftorders.cart.*}); defaults in {@code cart-service.yml}.
 *
 * @param taxRates tax rate per region: the key is {@code CC-PP} (ISO country code, dash, province code, e.g.
 *     {@code US-CA}) or {@code CC} (e.g. {@code DE}), case-insensitive. A cart is taxed at the rate of its shipping
 *     address (else its billing address), the province key winning over the country key; a region without a key
 *     pays no tax. Write a key with a dash as {@code "[US-CA]"} in YAML to keep it exactly.
 * @param taxShipping whether shipping is taxed at the cart's rate
 * @param discountCodeCacheTtl how long a cart calculation may use a discount rule this instance read before reading
 *     it again. A rule written through this instance applies to its next calculation; one written through another
 *     instance of cart-service may take this long to apply here. {@code 0s} reads every rule from MongoDB.
 */
@ConfigurationProperties("draftorders.cart")
public record CartProperties(
        @DefaultValue Map<String, TaxRateEntry> taxRates,
        @DefaultValue("true") boolean taxShipping,
        @DefaultValue("5s") Duration discountCodeCacheTtl) {

    /**
     * One region's tax.
     *
     * @param title shown on tax lines, e.g. {@code VAT}
     * @param rate a decimal fraction between 0 and 1, e.g. {@code 0.0725}; written on tax lines as configured (quote
     *     it in YAML, {@code "0.20"}, to keep trailing zeros)
     */
    public record TaxRateEntry(String title, BigDecimal rate) {}
}
