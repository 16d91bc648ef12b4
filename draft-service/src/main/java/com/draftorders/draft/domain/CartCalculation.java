package com.draftorders.draft.domain;

import java.util.List;

/**
 * Totals the cart-service calculated for one version of the draft's content. The draft is {@code ready} only when
 * this belongs to its current content version.
 */
public record CartCalculation(
        long draftVersion,
        Totals totals,
        List<LineCalculation> lines,
        Long orderDiscountAmount,
        List<TaxLine> shippingTaxLines,
        List<TaxLine> taxLines) {

    public CartCalculation {
        lines = List.copyOf(lines);
        shippingTaxLines = List.copyOf(shippingTaxLines);
        taxLines = List.copyOf(taxLines);
    }

    /** Per line, in line order: the discount taken, the tax lines, the total after all discounts. */
    public record LineCalculation(
            String lineItemId, Long discountAmount, List<TaxLine> taxLines, Long discountedTotal) {}

    public record TaxLine(String title, String rate, long price) {}

    public record Totals(
            long lineItemsSubtotalPrice,
            long totalDiscounts,
            long subtotalPrice,
            long totalShippingPrice,
            long totalTax,
            long totalPrice,
            int totalQuantity,
            long totalWeight) {}
}
