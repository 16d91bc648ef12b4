package com.draftorders.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.order.domain.AppliedDiscount;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.DiscountValueType;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderDetails;
import com.draftorders.order.domain.OrderFixtures;
import com.draftorders.order.domain.PaymentStatus;
import com.draftorders.order.domain.PaymentTerms;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class OrderPresenterTest {

    /** The naming the services configure (spring.jackson.property-naming-strategy: SNAKE_CASE). */
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private static JsonNode json(Order order) {
        return JSON.valueToTree(OrderPresenter.present(order));
    }

    @Test
    void theOrderIsShownWithShopifyFieldNamesAndMoneyAsDecimalStrings() {
        JsonNode order = json(OrderFixtures.newOrder());

        assertThat(order.get("id").stringValue()).isEqualTo("order_01JTEST");
        assertThat(order.get("name").stringValue()).isEqualTo("#1001");
        assertThat(order.get("draft_order_id").stringValue()).isEqualTo("dorder_01JTEST");
        assertThat(order.get("payment_id").stringValue()).isEqualTo("pay_01JTEST");
        assertThat(order.get("currency").stringValue()).isEqualTo("EUR");
        assertThat(order.get("customer_id").stringValue()).isEqualTo("cust_1");
        assertThat(order.get("line_items_subtotal_price").stringValue()).isEqualTo("25.50");
        assertThat(order.get("total_discounts").stringValue()).isEqualTo("2.00");
        assertThat(order.get("subtotal_price").stringValue()).isEqualTo("23.50");
        assertThat(order.get("total_shipping_price").stringValue()).isEqualTo("4.90");
        assertThat(order.get("total_tax").stringValue()).isEqualTo("5.40");
        assertThat(order.get("total_price").stringValue()).isEqualTo("33.80");
        assertThat(order.get("total_quantity").intValue()).isEqualTo(3);
        assertThat(order.get("total_weight").longValue()).isEqualTo(400);
        assertThat(order.get("captured_amount").stringValue()).isEqualTo("0.00");
        assertThat(order.get("refunded_amount").stringValue()).isEqualTo("0.00");
        assertThat(order.get("created_at").stringValue()).isEqualTo("2025-03-01T10:15:30.123Z");
        assertThat(order.get("taxes_included").booleanValue()).isFalse();
        assertThat(order.get("tax_lines").get(0).get("price").stringValue()).isEqualTo("5.40");
        assertThat(order.get("tags").get(1).stringValue()).isEqualTo("vip");
        assertThat(order.get("source_name").stringValue()).isEqualTo("phone");
        assertThat(order.get("payment_terms").isNull()).isTrue();
        assertThat(order.get("payment_due_at").isNull()).isTrue();
    }

    @Test
    void theCompanyThatBuysIsShownAsThePurchasingEntity() {
        JsonNode entity = json(com.draftorders.order.domain.Order.restore(OrderFixtures.everyFieldSet()))
                .get("purchasing_entity");

        assertThat(entity.get("company_id").stringValue()).isEqualTo("comp_1");
        assertThat(entity.get("company_location_id").stringValue()).isEqualTo("loc_1");
        assertThat(json(OrderFixtures.newOrder()).get("purchasing_entity").isNull())
                .isTrue();
    }

    @Test
    void lineItemsCarryTheirCatalogReferencePricesDiscountAndTaxes() {
        JsonNode line = json(OrderFixtures.newOrder()).get("line_items").get(0);

        assertThat(line.get("id").stringValue()).isEqualTo("li_1");
        assertThat(line.get("variant_id").stringValue()).isEqualTo("var_1");
        assertThat(line.get("product_id").stringValue()).isEqualTo("prod_1");
        assertThat(line.get("sku").stringValue()).isEqualTo("SKU-1");
        assertThat(line.get("variant_title").stringValue()).isEqualTo("Blue / M");
        assertThat(line.get("quantity").intValue()).isEqualTo(2);
        assertThat(line.get("price").stringValue()).isEqualTo("10.00");
        assertThat(line.get("grams").longValue()).isEqualTo(200);
        assertThat(line.get("requires_shipping").booleanValue()).isTrue();
        assertThat(line.get("discounted_total").stringValue()).isEqualTo("18.00");
        assertThat(line.get("tax_lines").get(0).get("rate").stringValue()).isEqualTo("0.19");
        assertThat(line.get("tax_lines").get(0).get("price").stringValue()).isEqualTo("3.42");
        JsonNode discount = line.get("applied_discount");
        assertThat(discount.get("value_type").stringValue()).isEqualTo("percentage");
        assertThat(discount.get("value").stringValue()).isEqualTo("10");
        assertThat(discount.get("amount").stringValue()).isEqualTo("2.00");
        assertThat(discount.get("title").stringValue()).isEqualTo("Spring");
    }

    @Test
    void aFixedAmountDiscountShowsTheAmountOffAsItsValue() {
        Cart c = OrderFixtures.cart();
        Cart discounted = new Cart(
                c.cartId(),
                c.draftOrderId(),
                c.draftVersion(),
                c.currency(),
                c.lineItems(),
                new AppliedDiscount("Loyalty", null, DiscountValueType.FIXED_AMOUNT, null, 500L, 500L),
                c.shippingLine(),
                c.shippingAddress(),
                c.billingAddress(),
                c.taxesIncluded(),
                c.taxExempt(),
                c.taxLines(),
                c.totals());

        JsonNode discount = json(OrderFixtures.created(OrderFixtures.details(discounted), s -> 1001))
                .get("applied_discount");

        assertThat(discount.get("value_type").stringValue()).isEqualTo("fixed_amount");
        assertThat(discount.get("value").stringValue()).isEqualTo("5.00");
        assertThat(discount.get("amount").stringValue()).isEqualTo("5.00");
        assertThat(discount.get("description").isNull()).isTrue();
    }

    @Test
    void theShippingLineAndAddressesKeepTheirShopifyShape() {
        JsonNode order = json(OrderFixtures.newOrder());

        JsonNode shipping = order.get("shipping_line");
        assertThat(shipping.get("title").stringValue()).isEqualTo("Standard");
        assertThat(shipping.get("price").stringValue()).isEqualTo("4.90");
        assertThat(shipping.get("code").stringValue()).isEqualTo("STD");
        assertThat(shipping.get("tax_lines").get(0).get("price").stringValue()).isEqualTo("0.93");
        JsonNode address = order.get("shipping_address");
        assertThat(address.get("first_name").stringValue()).isEqualTo("Ada");
        assertThat(address.get("address1").stringValue()).isEqualTo("1 Analytical St");
        assertThat(address.get("country_code").stringValue()).isEqualTo("GB");
        assertThat(address.get("province_code").isNull()).isTrue();
        assertThat(order.get("billing_address").get("zip").stringValue()).isEqualTo("N1 1AA");
    }

    @Test
    void thePaymentStatusIsShownInLowerCase() {
        assertThat(json(OrderFixtures.newOrder()).get("payment_status").stringValue())
                .isEqualTo("authorized");
        assertThat(json(OrderFixtures.storedOrder(PaymentStatus.PARTIALLY_REFUNDED, 3380, 1000))
                        .get("payment_status")
                        .stringValue())
                .isEqualTo("partially_refunded");
    }

    @Test
    void capturedAndRefundedAmountsAreDecimalStrings() {
        JsonNode order = json(OrderFixtures.storedOrder(PaymentStatus.PARTIALLY_REFUNDED, 3380, 1000));

        assertThat(order.get("captured_amount").stringValue()).isEqualTo("33.80");
        assertThat(order.get("refunded_amount").stringValue()).isEqualTo("10.00");
    }

    @Test
    void paymentTermsAndTheDueDateAreShownForAPendingPayment() {
        OrderDetails pending = OrderFixtures.pendingUnder(PaymentTerms.netDays(30));

        JsonNode order = json(OrderFixtures.created(pending, s -> 1001));

        assertThat(order.get("payment_terms").get("net_days").intValue()).isEqualTo(30);
        assertThat(order.get("payment_terms").get("due_at").isNull()).isTrue();
        assertThat(order.get("payment_due_at").stringValue()).isEqualTo("2025-03-31T10:15:30.123Z");
    }

    @Test
    void aZeroDecimalCurrencyHasNoFractionDigits() {
        Cart c = OrderFixtures.cart();
        Cart yen = new Cart(
                c.cartId(),
                c.draftOrderId(),
                c.draftVersion(),
                "JPY",
                c.lineItems(),
                null,
                null,
                null,
                null,
                false,
                false,
                c.taxLines(),
                c.totals());

        JsonNode order = json(OrderFixtures.created(OrderFixtures.details(yen), s -> 1001));

        assertThat(order.get("total_price").stringValue()).isEqualTo("3380");
        assertThat(order.get("shipping_line").isNull()).isTrue();
        assertThat(Instant.parse(order.get("created_at").stringValue())).isEqualTo(OrderFixtures.NOW);
    }
}
