package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.common.PaymentStatus;
import com.draftorders.avro.common.Totals;
import com.draftorders.avro.order.OrderCreated;
import com.draftorders.avro.order.OrderSnapshot;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.messaging.AvroMapping;
import com.draftorders.draft.support.CartServiceStub.Answer;
import com.draftorders.messaging.IncomingMessage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** draftOrderCalculate (priced by cart-service, saved nowhere) and draftOrderCreateFromOrder over GraphQL. */
class GraphQlCalculateAndReorderApiTest extends GraphQlTestSupport {

    private static final AtomicInteger EVENTS = new AtomicInteger();

    @Test
    void draftOrderCalculateAnswersTheTotalsCartServiceCalculatesAndSavesNothing() {
        String store = newStore();
        CART_SERVICE.reset();
        CART_SERVICE.answer(request -> {
            String lineId =
                    JSON.readTree(request).path("line_items").get(0).path("id").asString();
            return new Answer(200, """
                    {"id": null, "locked": false, "currency": "EUR",
                     "line_items": [{"line_item_id": "%s", "price": "19.99", "quantity": 2,
                                     "discounted_total": "39.98",
                                     "tax_lines": [{"title": "VAT", "rate": "0.19", "price": "7.60"}]}],
                     "applied_discount": null,
                     "shipping_line": null,
                     "tax_lines": [{"title": "VAT", "rate": "0.19", "price": "7.60"}],
                     "totals": {"line_items_subtotal_price": "39.98", "total_discounts": "0.00",
                                "subtotal_price": "39.98", "total_shipping_price": "0.00", "total_tax": "7.60",
                                "total_price": "47.58", "total_quantity": 2, "total_weight": 700}}
                    """.formatted(lineId));
        });

        JsonNode payload = data(graphQl(store, """
                        mutation ($input: DraftOrderInput!) {
                          draftOrderCalculate(input: $input) {
                            calculatedDraftOrder {
                              currencyCode
                              totalPriceSet { shopMoney { amount currencyCode } }
                              totalTaxSet { shopMoney { amount } }
                              taxLines { title rate ratePercentage priceSet { shopMoney { amount } } }
                              lineItems { title quantity discountedTotalSet { shopMoney { amount } } }
                            }
                            userErrors { field message code }
                          }
                        }
                        """, """
                        {"input": {"currencyCode": "EUR", "lineItems": [{"variantId": "var_mug", "title": "Mug",
                          "originalUnitPrice": "19.99", "quantity": 2, "weight": {"value": 350, "unit": "GRAMS"}}],
                          "shippingAddress": {"countryCode": "DE"}}}
                        """, "Authorization", "Bearer token-1"))
                .path("draftOrderCalculate");

        assertThat(payload.path("userErrors").isEmpty()).isTrue();
        JsonNode calculated = payload.path("calculatedDraftOrder");
        assertThat(calculated
                        .path("totalPriceSet")
                        .path("shopMoney")
                        .path("amount")
                        .asString())
                .isEqualTo("47.58");
        assertThat(calculated.path("taxLines").get(0).path("ratePercentage").asDouble())
                .isEqualTo(19.0);
        assertThat(calculated
                        .path("lineItems")
                        .get(0)
                        .path("discountedTotalSet")
                        .path("shopMoney")
                        .path("amount")
                        .asString())
                .isEqualTo("39.98");
        assertThat(CART_SERVICE.received())
                .singleElement()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer token-1"));
        assertThat(data(graphQl(store, "{ draftOrders(first: 5) { nodes { id } } }", null))
                        .path("draftOrders")
                        .path("nodes"))
                .isEmpty();
    }

    @Test
    void draftOrderCreateFromOrderMakesANewOpenDraftWithTheOrdersLinesAndAnUnknownOrderIsAUserError() {
        String store = newStore();
        orderCreated(store, "order_gql_r1");

        JsonNode payload = data(graphQl(
                        store,
                        "mutation { draftOrderCreateFromOrder(orderId: \"gid://shopify/Order/order_gql_r1\") {"
                                + " draftOrder { id status email lineItems { nodes { title quantity } } }"
                                + " userErrors { field code } } }",
                        null))
                .path("draftOrderCreateFromOrder");

        assertThat(payload.path("userErrors").isEmpty()).isTrue();
        JsonNode draft = payload.path("draftOrder");
        assertThat(draft.path("status").asString()).isEqualTo("OPEN");
        assertThat(draft.path("email").asString()).isEqualTo("ada@example.com");
        assertThat(draft.path("lineItems").path("nodes").get(0).path("title").asString())
                .isEqualTo("Mug");

        JsonNode missing = data(graphQl(
                        newStore(),
                        "mutation { draftOrderCreateFromOrder(orderId: \"gid://shopify/Order/order_gql_r1\") {"
                                + " draftOrder { id } userErrors { field code } } }",
                        null))
                .path("draftOrderCreateFromOrder");
        assertThat(missing.path("draftOrder").isNull()).isTrue();
        assertThat(missing.path("userErrors").get(0).path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(missing.path("userErrors").get(0).path("field").get(0).asString())
                .isEqualTo("orderId");
    }

    private void orderCreated(String store, String orderId) {
        var content = new DraftContent(
                "EUR",
                List.of(new DraftContent.LineItem(
                        "li_1", "var_mug", null, "MUG-1", "Mug", null, 2, 1999, null, 350, true, true, null)),
                null,
                null,
                null,
                null,
                false,
                false);
        var order = OrderSnapshot.newBuilder()
                .setId(orderId)
                .setName("#1001")
                .setDraftOrderId("dorder_of_" + orderId)
                .setPaymentId("pay_1")
                .setPaymentStatus(PaymentStatus.AUTHORIZED)
                .setEmail("ada@example.com")
                .setCart(CartSnapshot.newBuilder()
                        .setCartId("cart_1")
                        .setDraftOrderId("dorder_of_" + orderId)
                        .setDraftVersion(1)
                        .setContent(AvroMapping.toAvro(content, null))
                        .setTotals(new Totals("EUR", 3998L, 0L, 3998L, 0L, 0L, 3998L, 2, 700L, null, null, null))
                        .build())
                .setTags(List.of())
                .setCreatedAt(Instant.parse("2025-03-01T10:00:00Z"))
                .build();
        var metadata = Metadata.newBuilder()
                .setEventId("evt_gql_order_" + EVENTS.incrementAndGet())
                .setOccurredAt(Instant.now())
                .setCorrelationId("corr_1")
                .setStoreId(store)
                .setAggregateId(orderId)
                .setSource("order-service")
                .build();
        deliver(new IncomingMessage<>(metadata, new OrderCreated(order), orderId, "order-events", 0, EVENTS.get()));
    }
}
