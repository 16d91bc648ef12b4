package com.draftorders.order.persistence;

import com.draftorders.messaging.OutboxDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An order as stored in {@code orders}: its state, the messages it still has to publish and the ids of the messages
 * already applied to it, all in one document so one write records all three. A unique index on the draft id keeps it
 * to one order per draft; payment events find their order through the payment id.
 */
@Document(OrderDocument.COLLECTION)
public class OrderDocument extends OutboxDocument {

    public static final String COLLECTION = "orders";

    @Id
    private String id;

    private String storeId;
    private long number;
    private String name;

    @Indexed(unique = true)
    private String draftOrderId;

    private String draftOrderName;

    @Indexed
    private String paymentId;

    private String paymentStatus;
    private CartData cart;
    private String email;
    private String phone;
    private String customerId;
    private String note;
    private List<String> tags = new ArrayList<>();
    private String sourceName;
    private boolean paymentPending;
    private PaymentTermsData paymentTerms;
    private Instant paymentDueAt;
    private long capturedAmount;
    private long refundedAmount;
    private List<PaymentRequestData> paymentRequests = new ArrayList<>();
    private Instant createdAt;

    @Override
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getStoreId() {
        return storeId;
    }

    public void setStoreId(String storeId) {
        this.storeId = storeId;
    }

    public long getNumber() {
        return number;
    }

    public void setNumber(long number) {
        this.number = number;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDraftOrderId() {
        return draftOrderId;
    }

    public void setDraftOrderId(String draftOrderId) {
        this.draftOrderId = draftOrderId;
    }

    public String getDraftOrderName() {
        return draftOrderName;
    }

    public void setDraftOrderName(String draftOrderName) {
        this.draftOrderName = draftOrderName;
    }

    public String getPaymentId() {
        return paymentId;
    }

    public void setPaymentId(String paymentId) {
        this.paymentId = paymentId;
    }

    public String getPaymentStatus() {
        return paymentStatus;
    }

    public void setPaymentStatus(String paymentStatus) {
        this.paymentStatus = paymentStatus;
    }

    public CartData getCart() {
        return cart;
    }

    public void setCart(CartData cart) {
        this.cart = cart;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setTags(List<String> tags) {
        this.tags = tags;
    }

    public String getSourceName() {
        return sourceName;
    }

    public void setSourceName(String sourceName) {
        this.sourceName = sourceName;
    }

    public boolean isPaymentPending() {
        return paymentPending;
    }

    public void setPaymentPending(boolean paymentPending) {
        this.paymentPending = paymentPending;
    }

    public PaymentTermsData getPaymentTerms() {
        return paymentTerms;
    }

    public void setPaymentTerms(PaymentTermsData paymentTerms) {
        this.paymentTerms = paymentTerms;
    }

    public Instant getPaymentDueAt() {
        return paymentDueAt;
    }

    public void setPaymentDueAt(Instant paymentDueAt) {
        this.paymentDueAt = paymentDueAt;
    }

    public long getCapturedAmount() {
        return capturedAmount;
    }

    public void setCapturedAmount(long capturedAmount) {
        this.capturedAmount = capturedAmount;
    }

    public long getRefundedAmount() {
        return refundedAmount;
    }

    public void setRefundedAmount(long refundedAmount) {
        this.refundedAmount = refundedAmount;
    }

    /** The capture, void and refund requests accepted under the callers' idempotency keys. */
    public List<PaymentRequestData> getPaymentRequests() {
        return paymentRequests;
    }

    public void setPaymentRequests(List<PaymentRequestData> paymentRequests) {
        this.paymentRequests = paymentRequests;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    /** The stored cart snapshot. */
    public record CartData(
            String cartId,
            String draftOrderId,
            long draftVersion,
            String currency,
            List<LineItemData> lineItems,
            DiscountData appliedDiscount,
            ShippingLineData shippingLine,
            AddressData shippingAddress,
            AddressData billingAddress,
            boolean taxesIncluded,
            boolean taxExempt,
            List<TaxLineData> taxLines,
            TotalsData totals,
            com.draftorders.order.domain.Presentment presentment,
            List<AppliedCodeData> appliedDiscountCodes) {}

    /** A discount code that applied; the presentment amounts are stored as the domain's {@code Presentment}. */
    public record AppliedCodeData(String code, DiscountData discount, Long presentmentAmount) {}

    public record LineItemData(
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
            DiscountData appliedDiscount,
            List<TaxLineData> taxLines,
            Long discountedTotal) {}

    public record DiscountData(
            String title, String description, String valueType, String percentage, Long fixedAmount, Long amount) {}

    public record TaxLineData(String title, String rate, long price) {}

    public record ShippingLineData(String title, long price, String code, List<TaxLineData> taxLines) {}

    public record AddressData(
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

    public record TotalsData(
            long lineItemsSubtotalPrice,
            long totalDiscounts,
            long subtotalPrice,
            long totalShippingPrice,
            long totalTax,
            long totalPrice,
            int totalQuantity,
            long totalWeight) {}

    public record PaymentTermsData(Integer netDays, Instant dueAt) {}

    public record PaymentRequestData(
            String kind, String idempotencyKey, String requestHash, Long amount, String reason) {}
}
