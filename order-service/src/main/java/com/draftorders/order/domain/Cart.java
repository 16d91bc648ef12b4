package com.draftorders.order.domain;

import java.util.List;

/**
 * The calculated cart an order is made from, frozen at the moment the draft completed: the order's own copy of it,
 * never read back from cart-service.
 *
 * @param cartId the cart the snapshot came from
 * @param draftOrderId the draft that cart belongs to (null for a cart without a draft)
 * @param draftVersion the draft version the totals were calculated for
 * @param currency ISO 4217 code of every amount in the cart
 * @param taxLines the order's tax lines (all taxes summed by title and rate)
 * @param presentment the same amounts in the currency the customer saw, at the rate used (null for a cart that
 *     calculated none: then the customer saw the shop amounts)
 * @param appliedDiscountCodes the discount codes that applied, in order, each with what it took
 */
public record Cart(
        String cartId,
        String draftOrderId,
        long draftVersion,
        String currency,
        List<LineItem> lineItems,
        AppliedDiscount appliedDiscount,
        ShippingLine shippingLine,
        Address shippingAddress,
        Address billingAddress,
        boolean taxesIncluded,
        boolean taxExempt,
        List<TaxLine> taxLines,
        Totals totals,
        Presentment presentment,
        List<AppliedDiscountCode> appliedDiscountCodes) {

    public Cart {
        lineItems = lineItems == null ? List.of() : List.copyOf(lineItems);
        taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
        appliedDiscountCodes = appliedDiscountCodes == null ? List.of() : List.copyOf(appliedDiscountCodes);
    }

    /** A cart in the shop currency only, without discount codes. */
    public Cart(
            String cartId,
            String draftOrderId,
            long draftVersion,
            String currency,
            List<LineItem> lineItems,
            AppliedDiscount appliedDiscount,
            ShippingLine shippingLine,
            Address shippingAddress,
            Address billingAddress,
            boolean taxesIncluded,
            boolean taxExempt,
            List<TaxLine> taxLines,
            Totals totals) {
        this(
                cartId,
                draftOrderId,
                draftVersion,
                currency,
                lineItems,
                appliedDiscount,
                shippingLine,
                shippingAddress,
                billingAddress,
                taxesIncluded,
                taxExempt,
                taxLines,
                totals,
                null,
                List.of());
    }
}
