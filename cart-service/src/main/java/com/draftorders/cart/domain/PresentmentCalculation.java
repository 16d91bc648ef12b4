package com.draftorders.cart.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The calculation in the presentment currency: every shop amount converted on its own with
 * {@link CurrencyConversion#convert} (HALF_UP to the presentment currency's minor units), and every presentment sum
 * added up from those converted parts, so that in the presentment currency too line items subtotal - total discounts
 * = subtotal and subtotal + shipping + tax (unless included) = total, exactly.
 *
 * @param currency the presentment currency (the shop currency when the cart named none)
 * @param exchangeRate presentment units per shop unit (1 without a presentment currency)
 * @param lines per line, in the order of {@link CartCalculation#lines()}
 * @param orderDiscount the order-level applied discount's amount (the sum of its converted per-line shares)
 * @param shippingPrice the converted shipping price (0 without shipping)
 * @param shippingTaxes the converted shipping tax lines, parallel to {@link CalculatedShipping#taxLines()}
 * @param taxLines the cart's tax lines, parallel to {@link CartCalculation#taxLines()}: sums of the converted line
 *     and shipping tax lines
 */
public record PresentmentCalculation(
        String currency,
        BigDecimal exchangeRate,
        List<Line> lines,
        long orderDiscount,
        long shippingPrice,
        List<Long> shippingTaxes,
        List<Long> taxLines,
        PresentmentTotals totals) {

    public PresentmentCalculation {
        lines = List.copyOf(lines);
        shippingTaxes = List.copyOf(shippingTaxes);
        taxLines = List.copyOf(taxLines);
    }

    /**
     * One line in the presentment currency.
     *
     * @param price the converted unit price (shown; not multiplied: the line's amounts are converted on their own)
     * @param subtotal discountedTotal + lineDiscount + orderDiscountShare
     * @param taxes converted tax lines, parallel to {@link CalculatedLine#taxLines()}
     */
    public record Line(
            long price,
            long subtotal,
            long lineDiscount,
            long orderDiscountShare,
            long discountedTotal,
            List<Long> taxes) {

        public Line {
            taxes = List.copyOf(taxes);
        }

        /** The line with its subtotal, which is the sum of its converted parts. */
        public static Line of(
                long price, long lineDiscount, long orderDiscountShare, long discountedTotal, List<Long> taxes) {
            long subtotal = Math.addExact(Math.addExact(discountedTotal, lineDiscount), orderDiscountShare);
            return new Line(price, subtotal, lineDiscount, orderDiscountShare, discountedTotal, taxes);
        }
    }

    /** Totals in minor units of the presentment currency. */
    public record PresentmentTotals(
            long lineItemsSubtotalPrice,
            long totalDiscounts,
            long subtotalPrice,
            long totalShippingPrice,
            long totalTax,
            long totalPrice) {}
}
