package com.draftorders.cart.domain;

import java.util.List;

/**
 * What a caller puts in a cart; {@link CartCalculator} derives discounts, taxes and totals from it.
 *
 * @param currency ISO 4217 code; every amount is in its minor units
 * @param appliedDiscount order-level discount, taken after line discounts (nullable)
 * @param shippingLine nullable
 * @param taxesIncluded prices already include tax (tax is extracted, not added)
 * @param taxExempt the customer pays no tax at all
 */
public record CartContent(
        String currency,
        List<LineItem> lineItems,
        AppliedDiscount appliedDiscount,
        ShippingLine shippingLine,
        Address shippingAddress,
        Address billingAddress,
        boolean taxesIncluded,
        boolean taxExempt) {

    public CartContent {
        lineItems = lineItems == null ? null : List.copyOf(lineItems);
    }
}
