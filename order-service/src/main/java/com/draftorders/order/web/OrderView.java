package com.draftorders.order.web;

import com.draftorders.messaging.web.MoneySet;
import java.util.List;

/**
 * An order on REST, Shopify-like (field names become snake_case): money as decimal strings in the order currency,
 * times as ISO-8601 UTC instants, the payment status in lower case. Every amount also comes as a Shopify-style
 * {@code *_set} pair in the shop currency (charged) and the presentment currency (shown to the customer).
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
        String createdAt,
        String presentmentCurrency,
        String exchangeRate,
        List<DiscountView> appliedDiscountCodes,
        MoneySet lineItemsSubtotalPriceSet,
        MoneySet totalDiscountsSet,
        MoneySet subtotalPriceSet,
        MoneySet totalShippingPriceSet,
        MoneySet totalTaxSet,
        MoneySet totalPriceSet,
        PurchasingEntityView purchasingEntity) {

    /** Who buys: {@code customer_id}, or a {@code company_id} at {@code company_location_id} (Shopify's purchasingEntity). */
    public record PurchasingEntityView(
            String customerId, String companyId, String companyLocationId, String companyContactId) {}

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
            String discountedTotal,
            MoneySet priceSet,
            MoneySet discountedTotalSet) {}

    /**
     * @param valueType {@code fixed_amount} or {@code percentage}
     * @param value the percent (e.g. {@code "10.5"}) for a percentage, the amount off for a fixed amount
     * @param amount the discount actually taken
     * @param amountSet the same in shop and presentment currency
     * @param code the discount code, on the entries of {@code applied_discount_codes}
     */
    public record DiscountView(
            String title,
            String description,
            String valueType,
            String value,
            String amount,
            MoneySet amountSet,
            String code) {}

    public record TaxLineView(String title, String rate, String price, MoneySet priceSet) {}

    public record ShippingLineView(
            String title, String price, String code, List<TaxLineView> taxLines, MoneySet priceSet) {}

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
