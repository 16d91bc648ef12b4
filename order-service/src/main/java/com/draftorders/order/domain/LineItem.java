package com.draftorders.order.domain;

import java.util.List;

/**
 * One line of the order: a variant line ({@code variantId} set) or a custom line. Money in minor units.
 *
 * @param price the unit price actually charged (an override when the merchant gave one)
 * @param originalPrice the catalog unit price before an override, if any
 * @param discountedTotal price times quantity less the line's and its share of the order's discounts
 */
public record LineItem(
        String id,
        String variantId,
        String productId,
        String sku,
        String title,
        String variantTitle,
        int quantity,
        long price,
        Long originalPrice,
        long grams,
        boolean taxable,
        boolean requiresShipping,
        AppliedDiscount appliedDiscount,
        List<TaxLine> taxLines,
        Long discountedTotal) {

    public LineItem {
        taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
    }
}
