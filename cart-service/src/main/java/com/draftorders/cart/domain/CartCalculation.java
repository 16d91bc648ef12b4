package com.draftorders.cart.domain;

import java.util.List;

/**
 * The calculated cart: the content it was calculated from, each line's discounts and taxes, the order discount
 * actually taken, shipping tax, the cart's tax lines summed per title and rate, and the totals — in the shop
 * currency — plus the same in the presentment currency, the discount codes that applied and warnings about those
 * that did not.
 *
 * @param orderDiscount amount of the order-level applied discount (0 without one)
 * @param shipping null when the cart has no shipping line
 * @param appliedCodes the discount codes that applied, in the order given
 * @param warnings why the other codes did not apply
 */
public record CartCalculation(
        CartContent content,
        List<CalculatedLine> lines,
        long orderDiscount,
        CalculatedShipping shipping,
        List<TaxLine> taxLines,
        Totals totals,
        PresentmentCalculation presentment,
        List<AppliedDiscountCode> appliedCodes,
        List<CartWarning> warnings) {

    public CartCalculation {
        lines = List.copyOf(lines);
        taxLines = List.copyOf(taxLines);
        appliedCodes = appliedCodes == null ? List.of() : List.copyOf(appliedCodes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
