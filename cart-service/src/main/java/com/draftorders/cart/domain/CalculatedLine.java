package com.draftorders.cart.domain;

import java.util.List;

/**
 * A line item with what the calculator derived for it, all in minor units.
 *
 * @param subtotal price * quantity
 * @param lineDiscount the line's own applied discount (its {@code amount})
 * @param orderDiscountShare the part of the order-level discount allocated to this line
 * @param discountedTotal subtotal - lineDiscount - orderDiscountShare
 * @param taxLines the tax on discountedTotal (empty when the line or the cart is not taxed)
 */
public record CalculatedLine(
        LineItem item,
        long subtotal,
        long lineDiscount,
        long orderDiscountShare,
        long discountedTotal,
        List<TaxLine> taxLines) {

    public CalculatedLine {
        taxLines = List.copyOf(taxLines);
    }

    /** The line with its subtotal and discounted total, which follow from the item and its discounts. */
    public static CalculatedLine of(LineItem item, long lineDiscount, long orderDiscountShare, List<TaxLine> taxLines) {
        long subtotal = Math.multiplyExact(item.price(), (long) item.quantity());
        return new CalculatedLine(
                item,
                subtotal,
                lineDiscount,
                orderDiscountShare,
                subtotal - lineDiscount - orderDiscountShare,
                taxLines);
    }

    public long tax() {
        return taxLines.stream().mapToLong(TaxLine::price).sum();
    }
}
