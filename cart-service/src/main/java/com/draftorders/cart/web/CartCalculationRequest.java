package com.draftorders.cart.web;

import com.draftorders.cart.domain.Address;
import java.util.List;

/**
 * {@code POST /carts/calculate} body: a cart's content as JSON (snake_case), money as decimal strings in
 * {@code currency}. Discounts are {@code {"title", "description", "value_type": "percentage"|"fixed_amount",
 * "value": "10"}} as on draft orders; {@code taxable} and {@code requires_shipping} default to true, {@code quantity}
 * to 1.
 */
public record CartCalculationRequest(
        String currency,
        List<Line> lineItems,
        Discount appliedDiscount,
        Shipping shippingLine,
        Address shippingAddress,
        Address billingAddress,
        Boolean taxesIncluded,
        Boolean taxExempt) {

    /** {@code id} is echoed as {@code line_item_id} in the answer (the caller matches lines by it). */
    public record Line(
            String id,
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

    public record Discount(String title, String description, String valueType, String value) {}

    public record Shipping(String title, String price, String code) {}
}
