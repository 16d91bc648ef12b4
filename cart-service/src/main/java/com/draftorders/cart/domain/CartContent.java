package com.draftorders.cart.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a caller puts in a cart; {@link CartCalculator} derives discounts, taxes and totals from it.
 *
 * @param currency ISO 4217 code of the shop; every amount given is in its minor units
 * @param appliedDiscount order-level discount, taken after line discounts (nullable)
 * @param shippingLine nullable
 * @param taxesIncluded prices already include tax (tax is extracted, not added)
 * @param taxExempt the customer pays no tax at all
 * @param presentmentCurrency ISO 4217 code the customer sees; null means {@code currency}
 * @param exchangeRate presentment units per shop unit ({@code 1.0850}); null means 1, required with a presentment
 *     currency other than {@code currency}
 * @param discountCodes codes to resolve against the store's discount rules, in the order given (never null)
 */
public record CartContent(
        String currency,
        List<LineItem> lineItems,
        AppliedDiscount appliedDiscount,
        ShippingLine shippingLine,
        Address shippingAddress,
        Address billingAddress,
        boolean taxesIncluded,
        boolean taxExempt,
        String presentmentCurrency,
        BigDecimal exchangeRate,
        List<String> discountCodes) {

    public CartContent {
        lineItems = lineItems == null ? null : List.copyOf(lineItems);
        discountCodes = discountCodes == null ? List.of() : List.copyOf(discountCodes);
    }

    /** Content shown in the shop currency only, without discount codes. */
    public CartContent(
            String currency,
            List<LineItem> lineItems,
            AppliedDiscount appliedDiscount,
            ShippingLine shippingLine,
            Address shippingAddress,
            Address billingAddress,
            boolean taxesIncluded,
            boolean taxExempt) {
        this(
                currency,
                lineItems,
                appliedDiscount,
                shippingLine,
                shippingAddress,
                billingAddress,
                taxesIncluded,
                taxExempt,
                null,
                null,
                List.of());
    }
}
