package com.draftorders.draft.web;

import com.draftorders.messaging.web.MoneySet;
import com.draftorders.messaging.web.Required;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The REST shapes of a draft order, named after Shopify's REST Admin API (snake_case on the wire). */
public final class DraftOrderJson {

    private DraftOrderJson() {}

    /** {@code POST /draft-orders} body: {@code {"draft_order": {...}}}. */
    public record CreateRequest(DraftOrderInput draftOrder) {}

    public record DraftOrderInput(
            @JsonDeserialize(using = Required.Text.class) String currency,
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
            Boolean noNotificationOrder,
            List<MetafieldJson> metafields,
            List<CustomAttributeJson> customAttributes,
            String poNumber,
            String sourceName,
            Boolean visibleToCustomer,
            Instant reserveInventoryUntil,
            String presentmentCurrency,
            String exchangeRate,
            List<String> discountCodes,
            Boolean billingMatchesShipping,
            List<LocalizedFieldJson> localizedFields,
            Boolean allowDiscountCodesInCheckout,
            PurchasingEntityJson purchasingEntity) {}

    /** A field for a country, e.g. {@code {"key": "TAX_CREDENTIAL_BR", "value": "...", "country_code": "BR"}}. */
    public record LocalizedFieldJson(String key, String value, String countryCode) {}

    /** Who buys: {@code customer_id}, or {@code company_id} with {@code company_location_id} (and a contact). */
    public record PurchasingEntityJson(
            String customerId, String companyId, String companyLocationId, String companyContactId) {}

    /** {@code POST /draft-orders/{id}/comments} body: {@code {"comment": {"body": "..."}}}. */
    public record CommentRequest(CommentInput comment) {}

    public record CommentInput(String body) {}

    /** {@code PATCH /draft-orders/{id}} body: {@code {"draft_order": {...only the fields to change...}}}. */
    public record UpdateRequest(DraftOrderInput draftOrder) {}

    public record CustomerRef(String id) {}

    /** A merchant-defined field; {@code type} defaults to {@code single_line_text_field}. */
    public record MetafieldJson(String namespace, String key, String value, String type) {}

    public record CustomAttributeJson(String key, String value) {}

    public record LineItemInput(
            String variantId,
            String productId,
            String sku,
            String title,
            String variantTitle,

            @JsonDeserialize(using = Required.WholeNumber.class)
            Integer quantity,

            String price,
            String originalPrice,
            Long grams,
            Boolean taxable,
            Boolean requiresShipping,
            Discount appliedDiscount,
            String id) {}

    /**
     * {@code value} is the percent for {@code percentage} and the amount for {@code fixed_amount}. In answers,
     * {@code amount} is what the discount took, {@code amount_set} the same in shop and presentment currency, and
     * {@code code} names the discount code of an applied discount code (ignored on input).
     */
    public record Discount(
            String title,
            String description,
            String valueType,
            String value,
            String amount,
            MoneySet amountSet,
            String code) {

        public Discount(String title, String description, String valueType, String value, String amount) {
            this(title, description, valueType, value, amount, null, null);
        }
    }

    /** A discount code that did not apply and why ({@code code}: {@code discount_code_expired}, ...). */
    public record WarningView(String code, String field, String message, String discountCode) {}

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
            boolean billingMatchesShipping,
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
            Instant canceledAt,
            List<MetafieldJson> metafields,
            List<CustomAttributeJson> customAttributes,
            String poNumber,
            String sourceName,
            boolean visibleToCustomer,
            Instant reserveInventoryUntil,
            String invoiceUrl,
            String presentmentCurrency,
            String exchangeRate,
            List<String> discountCodes,
            List<Discount> appliedDiscountCodes,
            List<WarningView> warnings,
            MoneySet lineItemsSubtotalPriceSet,
            MoneySet totalDiscountsSet,
            MoneySet subtotalPriceSet,
            MoneySet totalShippingPriceSet,
            MoneySet totalTaxSet,
            MoneySet totalPriceSet,
            List<LocalizedFieldJson> localizedFields,
            boolean allowDiscountCodesInCheckout,
            PurchasingEntityJson purchasingEntity,
            boolean hasTimelineComment,
            boolean allVariantPricesOverridden,
            boolean anyVariantPricesOverridden,
            String invoiceEmailTemplateSubject,
            String transformerFingerprint) {}

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
            String discountedTotal,
            MoneySet priceSet,
            MoneySet discountedTotalSet) {}

    public record ShippingLineView(
            String title, String price, String code, List<TaxLineView> taxLines, MoneySet priceSet) {}

    public record TaxLineView(String title, String rate, String price, MoneySet priceSet) {}

    /** {@code GET /draft-orders}: one page and the cursor of the next one (null on the last page). */
    public record DraftOrderListResponse(List<DraftOrderView> draftOrders, String nextCursor) {}

    /** {@code POST /draft-orders/{id}/send-invoice} body (Shopify's shape; all optional). */
    public record SendInvoiceRequest(InvoiceInput draftOrderInvoice) {}

    /** {@code to} defaults to the draft's email. */
    public record InvoiceInput(String to, String from, String subject, String customMessage) {}

    public record InvoiceSentResponse(InvoiceSentView draftOrderInvoice, DraftOrderView draftOrder) {}

    public record InvoiceSentView(
            String to, String from, String subject, String customMessage, String invoiceUrl, Instant sentAt) {}

    /** The public invoice a customer opens from the invoice link: no addresses, emails or internal ids. */
    public record PublicInvoiceResponse(PublicInvoice invoice) {}

    public record PublicInvoice(
            String name,
            String status,
            boolean ready,
            String currency,
            List<PublicInvoiceLine> lineItems,
            ShippingLineView shippingLine,
            boolean taxesIncluded,
            String lineItemsSubtotalPrice,
            String totalDiscounts,
            String subtotalPrice,
            String totalShippingPrice,
            String totalTax,
            String totalPrice,
            Instant invoiceSentAt,
            boolean allowDiscountCodesInCheckout) {}

    public record PublicInvoiceLine(
            String title, String variantTitle, String sku, int quantity, String price, String discountedTotal) {}

    /** {@code GET /draft-orders/{id}/events}: the timeline, oldest first. */
    public record TimelineResponse(List<TimelineEventView> events) {}

    public record TimelineEventView(String type, Instant at, String summary, long version) {}

    /**
     * Body of the bulk operations: {@code ids} (1 to 250) and, for the tag operations, {@code tags} as a
     * comma-separated string ({@code "a, b"}) or an array of strings.
     */
    public record BulkRequest(List<String> ids, JsonNode tags) {}

    public record BulkResponse(List<BulkResult> results) {}

    /** Per id: {@code updated}, {@code unchanged}, {@code deleted}, {@code not_found} or {@code refused} (with why). */
    public record BulkResult(String id, String status, String reason) {}
}
