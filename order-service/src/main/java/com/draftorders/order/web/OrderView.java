package com.draftorders.order.web;

import java.util.List;

/**
 * An order on REST, Shopify-like (field names become snake_case): money as decimal strings in the order currency,
 * times as ISO-8601 UTC instants, the payment status in lower case.
 */
public record OrderView(
        String id,
        String name,
        String draftOrderId,
        String paymentId,
        String paymentStatus,
        String currency,
        String email,
        String phone,
        String customerId,
        List<LineItemView> lineItems,
        DiscountView appliedDiscount,
        ShippingLineView shippingLine,
        AddressView shippingAddress,
        AddressView billingAddress,
        boolean taxesIncluded,
        boolean taxExempt,
        List<TaxLineView> taxLines,
        String lineItemsSubtotalPrice,
        String totalDiscounts,
        String subtotalPrice,
        String totalShippingPrice,
        String totalTax,
        String totalPrice,
        int totalQuantity,
        long totalWeight,
        String note,
        List<String> tags,
        String sourceName,
        PaymentTermsView paymentTerms,
        String paymentDueAt,
        String capturedAmount,
        String refundedAmount,
        String createdAt) {

    public record LineItemView(
            String id,
            String variantId,
            String productId,
            String sku,
            String title,
            String variantTitle,
            int quantity,
            String price,
            long grams,
            boolean taxable,
            boolean requiresShipping,
            DiscountView appliedDiscount,
            List<TaxLineView> taxLines,
            String discountedTotal) {}

    /**
     * @param valueType {@code fixed_amount} or {@code percentage}
     * @param value the percent (e.g. {@code "10.5"}) for a percentage, the amount off for a fixed amount
     * @param amount the discount actually taken
     */
    public record DiscountView(String title, String description, String valueType, String value, String amount) {}

    public record TaxLineView(String title, String rate, String price) {}

    public record ShippingLineView(String title, String price, String code, List<TaxLineView> taxLines) {}

    public record AddressView(
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

    public record PaymentTermsView(Integer netDays, String dueAt) {}

    /** The answer of {@code GET /orders?draft_order_id=...}: zero or one order. */
    public record OrderList(List<OrderView> orders) {}
}
