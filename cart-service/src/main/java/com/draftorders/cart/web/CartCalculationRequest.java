package com.draftorders.cart.web;

import com.draftorders.cart.domain.Address;
import com.draftorders.messaging.web.Required;
import java.util.List;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code POST /carts/calculate} body: a cart's content as JSON (snake_case), money as decimal strings in
 * {@code currency}. Discounts are {@code {"title", "description", "value_type": "percentage"|"fixed_amount",
 * "value": "10"}} as on draft orders; {@code taxable} and {@code requires_shipping} default to true, {@code quantity}
 * to 1. {@code presentment_currency} with {@code exchange_rate} (presentment units per shop unit, a decimal string)
 * adds the amounts in that currency; {@code discount_codes} are resolved against the caller's store's rules.
 */
public record CartCalculationRequest(
        String currency,
        List<Line> lineItems,
        Discount appliedDiscount,
        Shipping shippingLine,
        Address shippingAddress,
        Address billingAddress,
        Boolean taxesIncluded,
        Boolean taxExempt,
        String presentmentCurrency,
        String exchangeRate,
        List<String> discountCodes) {

    /** {@code id} is echoed as {@code line_item_id} in the answer (the caller matches lines by it). */
    public record Line(
            String id,
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
            Discount appliedDiscount) {}

    public record Discount(String title, String description, String valueType, String value) {}

    public record Shipping(String title, String price, String code) {}
}
