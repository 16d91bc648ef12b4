package com.draftorders.order.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The order's totals in minor units of the order currency, as the cart calculated them.
 *
 * @param lineItemsSubtotalPrice sum of price times quantity before any discount
 * @param subtotalPrice line items after discounts, before shipping and (added) tax
 * @param totalWeight grams
 */
public record Totals(
        long lineItemsSubtotalPrice,
        long totalDiscounts,
        long subtotalPrice,
        long totalShippingPrice,
        long totalTax,
        long totalPrice,
        int totalQuantity,
        long totalWeight) {

    /** Every total by its field name, in a stable order, for checks such as "none is negative". */
    Map<String, Long> byName() {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("line_items_subtotal_price", lineItemsSubtotalPrice);
        totals.put("total_discounts", totalDiscounts);
        totals.put("subtotal_price", subtotalPrice);
        totals.put("total_shipping_price", totalShippingPrice);
        totals.put("total_tax", totalTax);
        totals.put("total_price", totalPrice);
        totals.put("total_quantity", (long) totalQuantity);
        totals.put("total_weight", totalWeight);
        return totals;
    }
}
