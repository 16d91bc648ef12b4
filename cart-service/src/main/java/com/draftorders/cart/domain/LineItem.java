package com.draftorders.cart.domain;

/**
 * One line as the caller gave it: a variant line ({@code variantId} set) or a custom line ({@code variantId} null).
 * Both are discounted and taxed alike; {@code taxable = false} exempts the line from tax only.
 *
 * @param price unit price in minor units (the override, when the caller gave one)
 * @param originalPrice catalog unit price before an override, informational
 * @param grams weight of one unit
 */
public record LineItem(
        String lineItemId,
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
        AppliedDiscount appliedDiscount) {

    public boolean isCustom() {
        return variantId == null;
    }
}
