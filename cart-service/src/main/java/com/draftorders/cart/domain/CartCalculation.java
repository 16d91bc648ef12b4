package com.draftorders.cart.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * A calculation from the amounts {@link CartCalculator} decides — per line its discount, order discount share and
     * tax lines, the order discount, shipping tax, each converted into the presentment currency — with what follows
     * from them by definition: the cart's tax lines (summed per title and rate, in the order they first appear), the
     * totals in both currencies, and the presentment currency and rate of the content. The calculator builds every
     * calculation here and a stored calculation is rebuilt here, so the two agree exactly.
     *
     * @param presentmentLines parallel to {@code lines}
     * @param presentmentShippingPrice 0 without shipping
     * @param presentmentShippingTaxes parallel to the shipping's tax lines (empty without shipping)
     * @throws ArithmeticException when a sum does not fit a {@code long} (or the total quantity an {@code int})
     */
    public static CartCalculation of(
            CartContent content,
            List<CalculatedLine> lines,
            long orderDiscount,
            CalculatedShipping shipping,
            List<PresentmentCalculation.Line> presentmentLines,
            long presentmentOrderDiscount,
            long presentmentShippingPrice,
            List<Long> presentmentShippingTaxes,
            List<AppliedDiscountCode> appliedCodes,
            List<CartWarning> warnings) {
        if (presentmentLines.size() != lines.size()) {
            throw new IllegalArgumentException(
                    presentmentLines.size() + " presentment lines for " + lines.size() + " lines");
        }
        TaxAggregate cartTax = new TaxAggregate();
        long lineItemsSubtotal = 0;
        long totalDiscounts = 0;
        long subtotal = 0;
        long totalTax = 0;
        int totalQuantity = 0;
        long totalWeight = 0;
        long pLineItemsSubtotal = 0;
        long pTotalDiscounts = 0;
        long pSubtotal = 0;
        long pTotalTax = 0;
        for (int i = 0; i < lines.size(); i++) {
            CalculatedLine line = lines.get(i);
            PresentmentCalculation.Line p = presentmentLines.get(i);
            LineItem item = line.item();
            lineItemsSubtotal = Math.addExact(lineItemsSubtotal, line.subtotal());
            totalDiscounts =
                    Math.addExact(totalDiscounts, Math.addExact(line.lineDiscount(), line.orderDiscountShare()));
            subtotal = Math.addExact(subtotal, line.discountedTotal());
            totalTax = Math.addExact(totalTax, tax(line.taxLines()));
            totalQuantity = Math.addExact(totalQuantity, item.quantity());
            totalWeight = Math.addExact(totalWeight, Math.multiplyExact(item.grams(), (long) item.quantity()));
            cartTax.addAll(line.taxLines(), p.taxes());
            pLineItemsSubtotal = Math.addExact(pLineItemsSubtotal, p.subtotal());
            pTotalDiscounts = Math.addExact(pTotalDiscounts, Math.addExact(p.lineDiscount(), p.orderDiscountShare()));
            pSubtotal = Math.addExact(pSubtotal, p.discountedTotal());
            pTotalTax = Math.addExact(pTotalTax, sum(p.taxes()));
        }
        long shippingPrice = 0;
        if (shipping != null) {
            shippingPrice = shipping.line().price();
            totalTax = Math.addExact(totalTax, tax(shipping.taxLines()));
            pTotalTax = Math.addExact(pTotalTax, sum(presentmentShippingTaxes));
            cartTax.addAll(shipping.taxLines(), presentmentShippingTaxes);
        }
        long totalPrice = Math.addExact(subtotal, shippingPrice);
        long pTotalPrice = Math.addExact(pSubtotal, presentmentShippingPrice);
        if (!content.taxesIncluded()) {
            totalPrice = Math.addExact(totalPrice, totalTax);
            pTotalPrice = Math.addExact(pTotalPrice, pTotalTax);
        }
        CurrencyConversion conversion = CurrencyConversion.of(content);
        return new CartCalculation(
                content,
                lines,
                orderDiscount,
                shipping,
                cartTax.lines(),
                new Totals(
                        content.currency(),
                        lineItemsSubtotal,
                        totalDiscounts,
                        subtotal,
                        shippingPrice,
                        totalTax,
                        totalPrice,
                        totalQuantity,
                        totalWeight),
                new PresentmentCalculation(
                        conversion.presentmentCurrency(),
                        conversion.rate(),
                        presentmentLines,
                        presentmentOrderDiscount,
                        presentmentShippingPrice,
                        shipping == null ? List.of() : presentmentShippingTaxes,
                        cartTax.presentmentPrices(),
                        new PresentmentCalculation.PresentmentTotals(
                                pLineItemsSubtotal,
                                pTotalDiscounts,
                                pSubtotal,
                                presentmentShippingPrice,
                                pTotalTax,
                                pTotalPrice)),
                appliedCodes,
                warnings);
    }

    private static long tax(List<TaxLine> taxLines) {
        long sum = 0;
        for (TaxLine taxLine : taxLines) {
            sum = Math.addExact(sum, taxLine.price());
        }
        return sum;
    }

    private static long sum(List<Long> amounts) {
        long sum = 0;
        for (long amount : amounts) {
            sum = Math.addExact(sum, amount);
        }
        return sum;
    }

    /**
     * Sums tax lines per (title, numeric rate), in the order they first appear, with their converted presentment
     * prices alongside.
     */
    private static final class TaxAggregate {
        private final Map<String, TaxLine> byKey = new LinkedHashMap<>();
        private final Map<String, Long> presentmentByKey = new LinkedHashMap<>();

        void addAll(List<TaxLine> taxLines, List<Long> presentmentPrices) {
            for (int i = 0; i < taxLines.size(); i++) {
                TaxLine line = taxLines.get(i);
                String key = line.title() + "\u0000"
                        + line.rate().stripTrailingZeros().toPlainString();
                byKey.merge(key, line, (a, b) -> new TaxLine(a.title(), a.rate(), Math.addExact(a.price(), b.price())));
                presentmentByKey.merge(key, presentmentPrices.get(i), Math::addExact);
            }
        }

        List<TaxLine> lines() {
            return List.copyOf(byKey.values());
        }

        List<Long> presentmentPrices() {
            return List.copyOf(presentmentByKey.values());
        }
    }
}
