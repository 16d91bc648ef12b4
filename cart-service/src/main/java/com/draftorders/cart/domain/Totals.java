package com.draftorders.cart.domain;

/**
 * Cart totals in minor units of {@code currency}.
 *
 * @param lineItemsSubtotalPrice sum of price * quantity, before any discount
 * @param totalDiscounts line discounts plus the order discount
 * @param subtotalPrice sum of the lines' discounted totals
 * @param totalShippingPrice the shipping price, 0 without shipping
 * @param totalTax line taxes plus shipping tax
 * @param totalPrice subtotal + shipping + tax (tax not added again when prices include it)
 * @param totalWeight grams
 */
public record Totals(
        String currency,
        long lineItemsSubtotalPrice,
        long totalDiscounts,
        long subtotalPrice,
        long totalShippingPrice,
        long totalTax,
        long totalPrice,
        int totalQuantity,
        long totalWeight) {}
