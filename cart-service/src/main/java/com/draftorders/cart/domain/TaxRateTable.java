package com.draftorders.cart.domain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Tax rates by region. A region key is {@code CC-PP} (ISO country code, dash, province code, e.g. {@code US-CA}) or
 * {@code CC} (e.g. {@code DE}); keys are case-insensitive. A cart's region is its shipping address, or its billing
 * address when it has no shipping address with a country; the province key wins over the country key; no key, no
 * tax.
 */
public final class TaxRateTable {

    private final Map<String, TaxRate> rates;

    public TaxRateTable(Map<String, TaxRate> rates) {
        Map<String, TaxRate> normalized = new LinkedHashMap<>();
        rates.forEach((region, rate) -> {
            if (region == null || region.isBlank()) {
                throw new IllegalArgumentException("a tax region must not be blank");
            }
            if (normalized.put(normalize(region), rate) != null) {
                throw new IllegalArgumentException("tax region " + region + " is configured twice");
            }
        });
        this.rates = Map.copyOf(normalized);
    }

    public static TaxRateTable none() {
        return new TaxRateTable(Map.of());
    }

    /** The rate for the cart's region, if one is configured. */
    public Optional<TaxRate> rateFor(CartContent content) {
        Address address = regionAddress(content);
        if (address == null) {
            return Optional.empty();
        }
        String country = normalize(address.countryCode());
        String province =
                address.provinceCode() == null || address.provinceCode().isBlank()
                        ? null
                        : normalize(address.provinceCode());
        if (province != null && rates.containsKey(country + "-" + province)) {
            return Optional.of(rates.get(country + "-" + province));
        }
        return Optional.ofNullable(rates.get(country));
    }

    /**
     * Whether taxes are configured but not for the cart's region: the warning to give then (null otherwise, also
     * without any address and when no rate is configured at all).
     */
    CartWarning missingRate(CartContent content) {
        Address address = regionAddress(content);
        if (rates.isEmpty() || address == null || rateFor(content).isPresent()) {
            return null;
        }
        String field = address == content.shippingAddress() ? "shipping_address" : "billing_address";
        String country = normalize(address.countryCode());
        String region = address.provinceCode() == null || address.provinceCode().isBlank()
                ? country
                : country + "-" + normalize(address.provinceCode());
        return CartWarning.noTaxRate(field, region);
    }

    private static Address regionAddress(CartContent content) {
        if (content.shippingAddress() != null && content.shippingAddress().hasCountry()) {
            return content.shippingAddress();
        }
        if (content.billingAddress() != null && content.billingAddress().hasCountry()) {
            return content.billingAddress();
        }
        return null;
    }

    private static String normalize(String code) {
        return code.trim().toUpperCase(Locale.ROOT);
    }
}
