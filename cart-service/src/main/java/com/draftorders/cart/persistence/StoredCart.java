package com.draftorders.cart.persistence;

import java.util.List;

/**
 * The stored shape of a cart's content and calculation (nested in {@link CartDocument}). Kept apart from the domain
 * records so a refactoring of the domain does not silently change what is on disk. Decimals (percentages, rates) are
 * strings, exactly as given.
 */
final class StoredCart {

    private StoredCart() {}

    record Discount(
            String title, String description, String valueType, String percentage, Long fixedAmount, Long amount) {}

    record Address(
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

    record TaxLine(String title, String rate, long price) {}

    record Line(
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
            Discount appliedDiscount,
            long subtotal,
            long lineDiscount,
            long orderDiscountShare,
            long discountedTotal,
            List<TaxLine> taxLines) {}

    record Shipping(String title, long price, String code, List<TaxLine> taxLines) {}

    record Totals(
            long lineItemsSubtotalPrice,
            long totalDiscounts,
            long subtotalPrice,
            long totalShippingPrice,
            long totalTax,
            long totalPrice,
            int totalQuantity,
            long totalWeight) {}

    /** Content plus everything calculated from it. */
    record Calculated(
            String currency,
            List<Line> lineItems,
            Discount appliedDiscount,
            Shipping shippingLine,
            Address shippingAddress,
            Address billingAddress,
            boolean taxesIncluded,
            boolean taxExempt,
            List<TaxLine> taxLines,
            Totals totals,
            String presentmentCurrency,
            String exchangeRate,
            List<String> discountCodes,
            Presentment presentment,
            List<AppliedCode> appliedCodes,
            List<Warning> warnings) {}

    /** The calculation in the presentment currency (absent on carts calculated before there was one). */
    record Presentment(
            String currency,
            String exchangeRate,
            List<PresentmentLine> lines,
            long orderDiscount,
            long shippingPrice,
            List<Long> shippingTaxes,
            List<Long> taxLines,
            PresentmentTotals totals) {}

    record PresentmentLine(
            long price,
            long subtotal,
            long lineDiscount,
            long orderDiscountShare,
            long discountedTotal,
            List<Long> taxes) {}

    record PresentmentTotals(
            long lineItemsSubtotalPrice,
            long totalDiscounts,
            long subtotalPrice,
            long totalShippingPrice,
            long totalTax,
            long totalPrice) {}

    /** A discount code that applied; its discount as the rule described it at calculation time. */
    record AppliedCode(String code, Discount discount, long amount, long presentmentAmount) {}

    record Warning(String reason, String field, String message, String discountCode) {}

    record Lock(String draftOrderId, long draftVersion, int attempt, java.time.Instant lockedAt) {}
}
