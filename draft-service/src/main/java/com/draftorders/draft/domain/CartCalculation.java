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
        List<TaxLine> taxLines,
        Presentment presentment,
        List<AppliedCode> appliedDiscountCodes,
        List<Warning> warnings) {

    public CartCalculation {
        lines = List.copyOf(lines);
        shippingTaxLines = List.copyOf(shippingTaxLines);
        taxLines = List.copyOf(taxLines);
        appliedDiscountCodes = appliedDiscountCodes == null ? List.of() : List.copyOf(appliedDiscountCodes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A calculation in the shop currency only, without discount codes. */
    public CartCalculation(
            long draftVersion,
            Totals totals,
            List<LineCalculation> lines,
            Long orderDiscountAmount,
            List<TaxLine> shippingTaxLines,
            List<TaxLine> taxLines) {
        this(draftVersion, totals, lines, orderDiscountAmount, shippingTaxLines, taxLines, null, List.of(), List.of());
    }

    /**
     * The same amounts in the presentment currency, as cart-service converted and summed them (null when the cart
     * calculated none: then they are the shop amounts). Lists run parallel to the shop ones.
     *
     * @param exchangeRate presentment units per shop unit, the rate used
     * @param lines per line, in line order
     * @param orderDiscountAmount the order-level applied discount's amount (null without one)
     * @param shippingPrice null without shipping
     * @param shippingTaxLines parallel to {@link CartCalculation#shippingTaxLines()}
     * @param taxLines parallel to {@link CartCalculation#taxLines()}
     */
    public record Presentment(
            String currency,
            String exchangeRate,
            PresentmentTotals totals,
            List<LinePresentment> lines,
            Long orderDiscountAmount,
            Long shippingPrice,
            List<Long> shippingTaxLines,
            List<Long> taxLines) {

        public Presentment {
            lines = lines == null ? List.of() : List.copyOf(lines);
            shippingTaxLines = amounts(shippingTaxLines);
            taxLines = amounts(taxLines);
        }
    }

    /** One line in the presentment currency: unit price, discount taken, total, taxes (parallel to the shop's). */
    public record LinePresentment(
            String lineItemId, Long price, Long discountAmount, Long discountedTotal, List<Long> taxLines) {

        public LinePresentment {
            taxLines = amounts(taxLines);
        }
    }

    /** An unmodifiable copy that keeps unknown (null) amounts of an older writer. */
    private static List<Long> amounts(List<Long> amounts) {
        return amounts == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(amounts));
    }

    public record PresentmentTotals(
            long lineItemsSubtotalPrice,
            long totalDiscounts,
            long subtotalPrice,
            long totalShippingPrice,
            long totalTax,
            long totalPrice) {}

    /**
     * A discount code that applied: its rule's discount as it was when the cart calculated, and what it took.
     *
     * @param valueType FIXED_AMOUNT or PERCENTAGE
     */
    public record AppliedCode(
            String code,
            String title,
            String description,
            DraftContent.DiscountType valueType,
            String percentage,
            Long fixedAmount,
            long amount,
            Long presentmentAmount) {}

    /**
     * Why a discount code did not apply ({@code discount_code_not_found}, {@code discount_code_expired}, ...); the
     * draft is ready regardless.
     */
    public record Warning(String code, String field, String message, String discountCode) {}

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
