package com.draftorders.draft.domain;

import java.util.List;
import java.util.function.Supplier;

/**
 * What draft-service keeps of an order (from order-service's {@code OrderCreated}) to build a new draft from it: a
 * re-order. draft-service never reads order-service's database.
 *
 * @param content the order's cart content as it was ordered (lines with their charged unit prices, addresses)
 */
public record OrderCopy(
        String orderId,
        String storeId,
        String orderName,
        String draftOrderId,
        DraftOrder.Customer customer,
        DraftContent content,
        String note,
        List<String> tags) {

    public OrderCopy {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The content of a new draft ordering the same again: the same lines (variant or custom, quantities, unit prices
     * as charged, weights, taxability) with new ids, the same addresses, currency and tax settings. Discounts and the
     * shipping line are not carried over: they were negotiated for that order and are set again on the new draft.
     */
    public DraftContent reorderContent(Supplier<String> lineItemIds) {
        var lines = content.lineItems().stream()
                .map(l -> new DraftContent.LineItem(
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
                        null))
                .toList();
        return new DraftContent(
                content.currency(),
                lines,
                null,
                null,
                content.shippingAddress(),
                content.billingAddress(),
                content.taxesIncluded(),
                content.taxExempt());
    }
}
