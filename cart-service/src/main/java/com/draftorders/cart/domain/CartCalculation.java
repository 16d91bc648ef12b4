package com.draftorders.cart.domain;

import java.util.List;

/**
 * The calculated cart: the content it was calculated from, each line's discounts and taxes, the order discount
 * actually taken, shipping tax, the cart's tax lines summed per title and rate, and the totals.
 *
 * @param orderDiscount amount of the order-level applied discount (0 without one)
 * @param shipping null when the cart has no shipping line
 */
public record CartCalculation(
        CartContent content,
        List<CalculatedLine> lines,
        long orderDiscount,
        CalculatedShipping shipping,
        List<TaxLine> taxLines,
        Totals totals) {

    public CartCalculation {
        lines = List.copyOf(lines);
        taxLines = List.copyOf(taxLines);
    }
}
