package com.draftorders.draft.domain;

import java.util.List;

/**
 * What the merchant or channel put in the draft's cart. Money is minor units of {@link #currency} (the shop
 * currency). The cart-service calculates discounts, taxes and totals from it ({@link CartCalculation}), also in
 * {@link #presentmentCurrency} at {@link #exchangeRate}, and resolves {@link #discountCodes} against the store's
 * discount rules.
 *
 * @param presentmentCurrency the currency the customer sees; null = {@link #currency}
 * @param exchangeRate presentment units per shop unit as an exact decimal ("1.0850"); null = 1
 * @param discountCodes codes to apply, in order (never null)
 */
public record DraftContent(
        String currency,
        List<LineItem> lineItems,
        AppliedDiscount appliedDiscount,
        ShippingLine shippingLine,
        Address shippingAddress,
        Address billingAddress,
        boolean taxesIncluded,
        boolean taxExempt,
        String presentmentCurrency,
        String exchangeRate,
        List<String> discountCodes) {

    public DraftContent {
        lineItems = List.copyOf(lineItems);
        // null codes are kept so that validation names them (discount_codes[0]) instead of failing here
        discountCodes = discountCodes == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(discountCodes));
    }

    /** Content in the shop currency only, without discount codes. */
    public DraftContent(
            String currency,
            List<LineItem> lineItems,
            AppliedDiscount appliedDiscount,
            ShippingLine shippingLine,
            Address shippingAddress,
            Address billingAddress,
            boolean taxesIncluded,
            boolean taxExempt) {
        this(
                currency,
                lineItems,
                appliedDiscount,
                shippingLine,
                shippingAddress,
                billingAddress,
                taxesIncluded,
                taxExempt,
                null,
                null,
                List.of());
    }

    /** The same content with every line item under a new id (for a copy of a draft). */
    public DraftContent withNewLineItemIds(java.util.function.Supplier<String> lineItemIds) {
        var lines = lineItems.stream()
                .map(l -> new LineItem(
                        lineItemIds.get(),
                        l.variantId(),
                        l.productId(),
                        l.sku(),
                        l.title(),
                        l.variantTitle(),
                        l.quantity(),
                        l.price(),
                        l.originalPrice(),
                        l.grams(),
                        l.taxable(),
                        l.requiresShipping(),
                        l.appliedDiscount()))
                .toList();
        return new DraftContent(
                currency,
                lines,
                appliedDiscount,
                shippingLine,
                shippingAddress,
                billingAddress,
                taxesIncluded,
                taxExempt,
                presentmentCurrency,
                exchangeRate,
                discountCodes);
    }

    /** A variant line (variantId set) or a custom line (variantId null). {@code price} is per unit. */
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
            AppliedDiscount appliedDiscount) {

        public boolean isCustom() {
            return variantId == null;
        }
    }

    /** {@code percentage} for PERCENTAGE ("10.5"), {@code fixedAmount} (minor units) for FIXED_AMOUNT. */
    public record AppliedDiscount(
            String title, String description, DiscountType valueType, String percentage, Long fixedAmount) {}

    public enum DiscountType {
        FIXED_AMOUNT,
        PERCENTAGE
    }

    public record ShippingLine(String title, long price, String code) {}

    public record Address(
            String firstName,
            String lastName,
            String company,
            String address1,
            String address2,
            String city,
            String provinceCode,
            String countryCode,
            String zip,
            String phone) {}
}
