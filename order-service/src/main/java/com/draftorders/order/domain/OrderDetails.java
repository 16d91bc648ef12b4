package com.draftorders.order.domain;

import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a completed draft hands over to become an order: the frozen cart, the payment it authorized, and the
 * customer and bookkeeping fields copied from the draft. Never changes once the order exists.
 *
 * @param draftOrderName the draft's display name, e.g. {@code #D1001} (may be null)
 * @param paymentPending true when the order is created under payment terms: nothing is captured now
 * @param paymentTerms when a pending payment is due (may be null)
 * @param purchasingEntity who buys, as the draft named it: a customer, or a company at one of its locations (may be
 *     null)
 */
public record OrderDetails(
        String draftOrderId,
        String draftOrderName,
        String paymentId,
        Cart cart,
        String email,
        String phone,
        String customerId,
        String note,
        List<String> tags,
        boolean paymentPending,
        PaymentTerms paymentTerms,
        String sourceName,
        PurchasingEntity purchasingEntity) {

    public OrderDetails {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** Details without a purchasing entity. */
    public OrderDetails(
            String draftOrderId,
            String draftOrderName,
            String paymentId,
            Cart cart,
            String email,
            String phone,
            String customerId,
            String note,
            List<String> tags,
            boolean paymentPending,
            PaymentTerms paymentTerms,
            String sourceName) {
        this(
                draftOrderId,
                draftOrderName,
                paymentId,
                cart,
                email,
                phone,
                customerId,
                note,
                tags,
                paymentPending,
                paymentTerms,
                sourceName,
                null);
    }

    /** A customer ({@code customerId}), or a company buying for one of its locations through a contact. */
    public record PurchasingEntity(
            String customerId, String companyId, String companyLocationId, String companyContactId) {}

    /** Why no order can be made from these details, or empty when one can. */
    public Optional<String> refusalReason() {
        if (isBlank(draftOrderId)) {
            return Optional.of("the draft order id is missing");
        }
        if (isBlank(paymentId)) {
            return Optional.of("the payment id is missing");
        }
        if (cart == null) {
            return Optional.of("the cart snapshot is missing");
        }
        if (cart.draftOrderId() != null && !cart.draftOrderId().equals(draftOrderId)) {
            return Optional.of("the cart belongs to draft " + cart.draftOrderId() + ", not " + draftOrderId);
        }
        if (!isCurrency(cart.currency())) {
            return Optional.of("unknown currency " + cart.currency());
        }
        if (cart.lineItems().isEmpty()) {
            return Optional.of("the cart has no line items");
        }
        for (LineItem line : cart.lineItems()) {
            if (line.quantity() < 1) {
                return Optional.of(
                        "line item " + line.id() + " has quantity " + line.quantity() + "; it must be at least 1");
            }
            if (line.price() < 0) {
                return Optional.of("line item " + line.id() + " has a negative price");
            }
        }
        if (cart.totals() == null) {
            return Optional.of("the cart has no totals");
        }
        for (Map.Entry<String, Long> total : cart.totals().byName().entrySet()) {
            if (total.getValue() < 0) {
                return Optional.of(total.getKey() + " is negative (" + total.getValue() + ")");
            }
        }
        if (paymentTerms != null && paymentTerms.netDays() != null && paymentTerms.netDays() < 0) {
            return Optional.of("payment terms net_days is negative (" + paymentTerms.netDays() + ")");
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean isCurrency(String code) {
        if (code == null) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
