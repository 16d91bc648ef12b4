package com.draftorders.draft.web;

import java.time.Instant;
import java.util.List;

/** The REST shapes of a draft order, named after Shopify's REST Admin API (snake_case on the wire). */
public final class DraftOrderJson {

    private DraftOrderJson() {}

    /** {@code POST /draft-orders} body: {@code {"draft_order": {...}}}. */
    public record CreateRequest(DraftOrderInput draftOrder) {}

    public record DraftOrderInput(
            String currency,
            String email,
            String phone,
            CustomerRef customer,
            List<LineItemInput> lineItems,
            Discount appliedDiscount,
            ShippingLineInput shippingLine,
            Address shippingAddress,
            Address billingAddress,
            Boolean taxesIncluded,
            Boolean taxExempt,
            String note,
            String tags,
            Boolean noNotificationOrder) {}

    public record CustomerRef(String id) {}

    public record LineItemInput(
            String variantId,
            String productId,
            String sku,
            String title,
            String variantTitle,
            Integer quantity,
            String price,
            String originalPrice,
            Long grams,
            Boolean taxable,
            Boolean requiresShipping,
            Discount appliedDiscount) {}

    /** {@code value} is the percent for {@code percentage} and the amount for {@code fixed_amount}. */
    public record Discount(String title, String description, String valueType, String value, String amount) {}

    public record ShippingLineInput(String title, String price, String code) {}

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

    /** {@code POST /draft-orders/{id}/complete} body (all optional). */
    public record CompleteRequest(Boolean paymentPending, String paymentGateway, PaymentTermsJson paymentTerms) {}

    public record PaymentTermsJson(Integer netDays, Instant dueAt) {}

    public record CancelRequest(String reason) {}

    /** Response envelope: {@code {"draft_order": {...}}}. */
    public record DraftOrderResponse(DraftOrderView draftOrder) {}

    public record DraftOrderView(
            String id,
            String name,
            String status,
            long version,
            boolean ready,
            String cartId,
            String orderId,
            String channel,
            String externalReference,
            String currency,
            String email,
            String phone,
            CustomerRef customer,
            List<LineItemView> lineItems,
            Discount appliedDiscount,
            ShippingLineView shippingLine,
            Address shippingAddress,
            Address billingAddress,
            boolean taxesIncluded,
            boolean taxExempt,
            List<TaxLineView> taxLines,
            String lineItemsSubtotalPrice,
            String totalDiscounts,
            String subtotalPrice,
            String totalShippingPrice,
            String totalTax,
            String totalPrice,
            Integer totalQuantity,
            Long totalWeight,
            String note,
            String tags,
            boolean noNotificationOrder,
            PaymentTermsJson paymentTerms,
            String completionFailureReason,
            Instant createdAt,
            Instant updatedAt,
            Instant invoiceSentAt,
            Instant completedAt,
            Instant canceledAt) {}

    public record LineItemView(
            String id,
            String variantId,
            String productId,
            String sku,
            String title,
            String variantTitle,
            boolean custom,
            int quantity,
            String price,
            long grams,
            boolean taxable,
            boolean requiresShipping,
            Discount appliedDiscount,
            List<TaxLineView> taxLines,
            String discountedTotal) {}

    public record ShippingLineView(String title, String price, String code, List<TaxLineView> taxLines) {}

    public record TaxLineView(String title, String rate, String price) {}
}
