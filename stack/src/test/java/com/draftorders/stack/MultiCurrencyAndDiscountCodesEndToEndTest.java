package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.PresentmentTotals;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderCompleted;
import com.draftorders.avro.order.OrderCreated;
import com.draftorders.avro.order.OrderPaymentCaptured;
import com.draftorders.schemas.Topics;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A draft in EUR shown to the customer in USD, with a discount code the store defined on cart-service and a bogus
 * one: the draft and the order show shop and presentment pairs, the code that applied and a warning for the other;
 * the events carry the same; the payment is in the shop currency. And the same through a channel over Kafka.
 */
@Tag("e2e")
class MultiCurrencyAndDiscountCodesEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static EmbeddedStack stack;
    static Rest drafts;
    static Rest orders;
    static Rest carts;
    static Channel channel;
    static TopicReader<?> draftEvents;
    static TopicReader<?> orderEvents;

    @BeforeAll
    static void stack() {
        stack = TestStack.shared();
        drafts = new Rest(stack.service("draft-service").url());
        orders = new Rest(stack.service("order-service").url());
        carts = new Rest(stack.service("cart-service").url());
        channel = new Channel(stack, "pos-channel");
        draftEvents = new TopicReader<>(stack, Topics.DRAFT_ORDER_EVENTS);
        orderEvents = new TopicReader<>(stack, Topics.ORDER_EVENTS);
    }

    @AfterAll
    static void close() {
        channel.close();
        draftEvents.close();
        orderEvents.close();
    }

    /** A 10% discount code of store {@code dev}, created over cart-service's REST API. */
    static String createSummerCode() {
        String code = "SUMMER-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        var created = carts.send(
                HttpRequest.newBuilder(URI.create(stack.service("cart-service").url() + "/discount-codes/" + code))
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"discount_code": {"title": "Summer sale", "description": "10% off the order",
                          "value_type": "percentage", "value": "10"}}
                        """)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(carts.get("/discount-codes/" + code.toLowerCase(Locale.ROOT))
                        .path("discount_code", "title")
                        .asString())
                .isEqualTo("Summer sale");
        return code;
    }

    /**
     * The README's phone sale (EUR, line and order discounts, shipping, German VAT) shown in USD at 1.0850, with the
     * code and a bogus one. In cents: after the Loyalty 10% (560) the lines have 3598, 1215 and 225 left (5038); the
     * code takes 10% of that, 503.8 -> 504, allocated 360 / 122 / 22, leaving 3238, 1093 and 203 (subtotal 4534);
     * VAT 615 + 208 + 39 + shipping 94 = 956; total 4534 + 495 + 956 = 5985; discounts 710 + 504 = 1214.
     * USD (each part x 1.085, half up): lines 3513 + 1186 + 220 = 4919, shipping 537, VAT 667 + 226 + 42 + 102 =
     * 1037, total 4919 + 537 + 1037 = 6493; the code's shares 391 + 132 + 24 = 547.
     */
    static String phoneSaleInUsd(String code) {
        return CompletionOverRestEndToEndTest.PHONE_SALE.replace(
                "\"currency\": \"EUR\",",
                "\"currency\": \"EUR\", \"presentment_currency\": \"USD\", \"exchange_rate\": \"1.0850\","
                        + " \"discount_codes\": [\"" + code.toLowerCase(Locale.ROOT) + "\", \"BOGUS\"],");
    }

    @Test
    void aDraftPresentedInUsdWithACodeCompletesIntoAnOrderWithTheSamePairsAndTheCode() {
        String code = createSummerCode();

        var created = drafts.post("/draft-orders", phoneSaleInUsd(code));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.path("draft_order", "id").asString();
        JsonNode ready = awaitDraft(id, d -> d.path("ready").asBoolean());

        assertThat(ready.path("total_price").asString()).isEqualTo("59.85");
        assertThat(ready.path("total_discounts").asString()).isEqualTo("12.14");
        assertThat(ready.path("presentment_currency").asString()).isEqualTo("USD");
        assertThat(ready.path("exchange_rate").asString()).isEqualTo("1.0850");
        assertPair(ready.path("total_price_set"), "59.85", "EUR", "64.93", "USD");
        assertPair(ready.path("subtotal_price_set"), "45.34", "EUR", "49.19", "USD");
        assertPair(ready.path("total_tax_set"), "9.56", "EUR", "10.37", "USD");
        assertPair(ready.path("total_shipping_price_set"), "4.95", "EUR", "5.37", "USD");
        assertPair(ready.path("total_discounts_set"), "12.14", "EUR", "13.17", "USD");
        assertPair(ready.path("line_items").get(0).path("discounted_total_set"), "32.38", "EUR", "35.13", "USD");
        JsonNode applied = ready.path("applied_discount_codes").get(0);
        assertThat(applied.path("code").asString()).isEqualTo(code);
        assertThat(applied.path("title").asString()).isEqualTo("Summer sale");
        assertPair(applied.path("amount_set"), "5.04", "EUR", "5.47", "USD");
        assertThat(ready.path("warnings")).hasSize(1);
        assertThat(ready.path("warnings").get(0).path("code").asString()).isEqualTo("discount_code_not_found");
        assertThat(ready.path("warnings").get(0).path("discount_code").asString())
                .isEqualTo("BOGUS");

        assertThat(drafts.post("/draft-orders/" + id + "/complete", "{}").status())
                .isEqualTo(202);
        String orderId = awaitDraft(id, d -> d.path("status").asString().equals("completed"))
                .path("order_id")
                .asString();

        JsonNode order = Eventually.await(
                "order captured",
                SAGA,
                () -> orders.get("/orders/" + orderId).body(),
                o -> o.path("payment_status").asString().equals("captured"));
        assertThat(order.path("total_price").asString()).isEqualTo("59.85");
        assertThat(order.path("presentment_currency").asString()).isEqualTo("USD");
        assertThat(order.path("exchange_rate").asString()).isEqualTo("1.0850");
        assertPair(order.path("total_price_set"), "59.85", "EUR", "64.93", "USD");
        assertPair(order.path("line_items").get(0).path("discounted_total_set"), "32.38", "EUR", "35.13", "USD");
        assertThat(order.path("applied_discount_codes").get(0).path("code").asString())
                .isEqualTo(code);
        assertThat(order.path("captured_amount").asString())
                .as("settled in the shop currency")
                .isEqualTo("59.85");

        assertThat(draftEvents.awaitPayloads(
                        DraftOrderCompleted.class,
                        e -> e.getDraftOrder().getId().equals(id),
                        SAGA))
                .singleElement()
                .satisfies(e -> {
                    var totals = e.getDraftOrder().getTotals();
                    assertThat(totals.getPresentmentCurrency()).isEqualTo("USD");
                    assertThat(totals.getExchangeRate()).isEqualTo("1.0850");
                    assertThat(totals.getPresentment().getTotalPrice()).isEqualTo(6493L);
                    assertThat(e.getDraftOrder().getAppliedDiscountCodes())
                            .singleElement()
                            .satisfies(c -> {
                                assertThat(c.getCode()).isEqualTo(code);
                                assertThat(c.getAmount()).isEqualTo(504L);
                                assertThat(c.getPresentmentAmount()).isEqualTo(547L);
                            });
                    assertThat(e.getDraftOrder().getWarnings())
                            .singleElement()
                            .satisfies(w -> assertThat(w.getDiscountCode()).isEqualTo("BOGUS"));
                });
        assertThat(orderEvents.awaitPayloads(
                        OrderCreated.class, e -> e.getOrder().getId().equals(orderId), SAGA))
                .singleElement()
                .satisfies(e -> {
                    var cart = e.getOrder().getCart();
                    assertThat(cart.getTotals().getTotalPrice()).isEqualTo(5985L);
                    assertThat(cart.getTotals().getPresentmentCurrency()).isEqualTo("USD");
                    assertThat(cart.getTotals().getPresentment().getTotalPrice())
                            .isEqualTo(6493L);
                    assertThat(cart.getContent().getLineItems().get(0).getPresentmentDiscountedTotal())
                            .isEqualTo(3513L);
                    assertThat(cart.getAppliedDiscountCodes())
                            .singleElement()
                            .satisfies(c -> assertThat(c.getCode()).isEqualTo(code));
                });
        assertThat(orderEvents.awaitPayloads(
                        OrderPaymentCaptured.class, e -> e.getOrderId().equals(orderId), SAGA))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getAmount()).isEqualTo(5985L);
                    assertThat(e.getCurrency()).isEqualTo("EUR");
                });
    }

    @Test
    void aChannelsDraftInYenWithACodeCompletesWithThePresentmentAmountsOnTheEvents() throws Exception {
        String code = createSummerCode();
        String reference = "pos-" + UUID.randomUUID();
        send(
                reference,
                CreateDraftOrder.newBuilder()
                        .setRequestId("req-" + reference)
                        .setChannel("pos")
                        .setExternalReference(reference)
                        .setEmail("ada@example.com")
                        .setContent(CartContent.newBuilder()
                                .setCurrency("EUR")
                                .setPresentmentCurrency("JPY")
                                .setExchangeRate("161.25")
                                .setDiscountCodes(List.of(code))
                                .setLineItems(List.of(LineItem.newBuilder()
                                        .setLineItemId("li_1")
                                        .setVariantId("var_1")
                                        .setTitle("Phone case")
                                        .setQuantity(3)
                                        .setPrice(1999)
                                        .build()))
                                .build())
                        .build());
        send(
                reference,
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-" + reference)
                        .setChannel("pos")
                        .setExternalReference(reference)
                        .build());

        // 3 x 1999 = 5997; the code: 599.7 -> 600; 5397 left, no tax (no address).
        // JPY (0 decimals): 600 -> 6.00 x 161.25 = 967.5 -> 968; 5397 -> 53.97 x 161.25 = 8702.6 -> 8703
        var completed = draftEvents.awaitPayloads(
                DraftOrderCompleted.class,
                e -> reference.equals(e.getDraftOrder().getExternalReference()),
                SAGA);
        assertThat(completed).singleElement().satisfies(e -> {
            var totals = e.getDraftOrder().getTotals();
            assertThat(totals.getTotalPrice()).isEqualTo(5397L);
            assertThat(totals.getPresentmentCurrency()).isEqualTo("JPY");
            assertThat(totals.getExchangeRate()).isEqualTo("161.25");
            assertThat(totals.getPresentment()).isEqualTo(new PresentmentTotals(9671L, 968L, 8703L, 0L, 0L, 8703L));
            assertThat(e.getDraftOrder().getAppliedDiscountCodes())
                    .singleElement()
                    .satisfies(c -> {
                        assertThat(c.getCode()).isEqualTo(code);
                        assertThat(c.getPresentmentAmount()).isEqualTo(968L);
                    });
            assertThat(e.getDraftOrder().getWarnings()).isEmpty();
        });
        String orderId = completed.get(0).getDraftOrder().getOrderId();
        assertThat(orderEvents.awaitPayloads(
                        OrderCreated.class, e -> e.getOrder().getId().equals(orderId), SAGA))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getOrder()
                                    .getCart()
                                    .getTotals()
                                    .getPresentment()
                                    .getTotalPrice())
                            .isEqualTo(8703L);
                    assertThat(e.getOrder().getCart().getAppliedDiscountCodes())
                            .singleElement()
                            .satisfies(c -> assertThat(c.getCode()).isEqualTo(code));
                });
        assertThat(orderEvents.awaitPayloads(
                        OrderPaymentCaptured.class, e -> e.getOrderId().equals(orderId), SAGA))
                .singleElement()
                .satisfies(e -> assertThat(e.getAmount()).isEqualTo(5397L));
    }

    static void assertPair(
            JsonNode set,
            String shopAmount,
            String shopCurrency,
            String presentmentAmount,
            String presentmentCurrency) {
        assertThat(set.path("shop_money").path("amount").asString())
                .as(set.toString())
                .isEqualTo(shopAmount);
        assertThat(set.path("shop_money").path("currency_code").asString()).isEqualTo(shopCurrency);
        assertThat(set.path("presentment_money").path("amount").asString())
                .as(set.toString())
                .isEqualTo(presentmentAmount);
        assertThat(set.path("presentment_money").path("currency_code").asString())
                .isEqualTo(presentmentCurrency);
    }

    static JsonNode awaitDraft(String id, java.util.function.Predicate<JsonNode> condition) {
        return Eventually.await(
                "draft " + id, SAGA, () -> drafts.get("/draft-orders/" + id).path("draft_order"), condition);
    }

    static void send(String reference, Object payload) throws Exception {
        channel.send(reference, payload);
    }
}
