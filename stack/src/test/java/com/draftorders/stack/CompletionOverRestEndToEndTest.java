package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.draft.DraftOrderCompleted;
import com.draftorders.avro.draft.DraftOrderCompletionFailed;
import com.draftorders.avro.order.OrderCreated;
import com.draftorders.avro.order.OrderPaymentCaptured;
import com.draftorders.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A merchant creates and completes drafts over REST; the whole stack completes them through Kafka. */
@Tag("e2e")
class CompletionOverRestEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static EmbeddedStack stack;
    static Rest drafts;
    static Rest orders;
    static TopicReader<?> draftEvents;
    static TopicReader<?> orderEvents;

    @BeforeAll
    static void stack() {
        stack = TestStack.shared();
        drafts = new Rest(stack.service("draft-service").url());
        orders = new Rest(stack.service("order-service").url());
        draftEvents = new TopicReader<>(stack, Topics.DRAFT_ORDER_EVENTS);
        orderEvents = new TopicReader<>(stack, Topics.ORDER_EVENTS);
    }

    @AfterAll
    static void close() {
        draftEvents.close();
        orderEvents.close();
    }

    /**
     * Two variant lines, one custom line, a 10% line discount, a 10% order discount, shipping 4.95, shipped to
     * Germany (VAT 19%, taxes added). Worked by hand, in cents:
     *
     * <pre>
     * mug     19.99 x 2 = 3998
     * coaster  5.00 x 3 = 1500, line discount 10% = 150 -> 1350
     * wrap     2.50 x 1 =  250 (custom line)
     * after line discounts S = 5598; order discount 10% = round(559.8) = 560, allocated by share:
     *   mug 399.94 -> 399 (+1 largest remainder) = 400 -> 3598; coaster 135.05 -> 135 -> 1215; wrap 25.01 -> 25 -> 225
     * subtotal 3598 + 1215 + 225 = 5038; discounts 150 + 560 = 710
     * VAT 19%: 3598 -> 683.62 -> 684; 1215 -> 230.85 -> 231; 225 -> 42.75 -> 43; shipping 495 -> 94.05 -> 94; tax 1052
     * total 5038 + 495 + 1052 = 6585
     * </pre>
     */
    static final String PHONE_SALE = """
            {"draft_order": {
              "currency": "EUR",
              "email": "ada@example.com",
              "line_items": [
                {"variant_id": "var_mug", "sku": "MUG-1", "title": "Mug", "price": "19.99", "quantity": 2, "grams": 350},
                {"variant_id": "var_coaster", "title": "Coaster", "price": "5.00", "quantity": 3, "grams": 100,
                 "applied_discount": {"title": "Bundle", "value_type": "percentage", "value": "10"}},
                {"title": "Gift wrapping", "price": "2.50", "quantity": 1}
              ],
              "applied_discount": {"title": "Loyalty", "value_type": "percentage", "value": "10"},
              "shipping_line": {"title": "DHL Standard", "price": "4.95"},
              "shipping_address": {"first_name": "Ada", "last_name": "Lovelace", "address1": "Unter den Linden 1",
                                   "city": "Berlin", "zip": "10117", "country_code": "DE"},
              "note": "Called in, wants it before Friday",
              "tags": "phone, vip"
            }}
            """;

    @Test
    void aDraftWithDiscountsShippingAndTaxCompletesIntoACapturedOrderWithTheSameTotals() {
        JsonNode created = drafts.post("/draft-orders", PHONE_SALE).path("draft_order");
        String id = created.path("id").asString();
        assertThat(created.path("name").asString()).startsWith("#D");
        assertThat(created.path("status").asString()).isEqualTo("open");

        JsonNode ready = awaitDraft(id, d -> d.path("ready").asBoolean());
        assertThat(ready.path("line_items_subtotal_price").asString()).isEqualTo("57.48");
        assertThat(ready.path("total_discounts").asString()).isEqualTo("7.10");
        assertThat(ready.path("subtotal_price").asString()).isEqualTo("50.38");
        assertThat(ready.path("total_shipping_price").asString()).isEqualTo("4.95");
        assertThat(ready.path("total_tax").asString()).isEqualTo("10.52");
        assertThat(ready.path("total_price").asString()).isEqualTo("65.85");
        assertThat(ready.path("total_quantity").asInt()).isEqualTo(6);
        assertThat(ready.path("total_weight").asLong()).isEqualTo(1000);
        assertThat(ready.path("line_items").get(2).path("custom").asBoolean()).isTrue();
        assertThat(ready.path("line_items").get(0).path("discounted_total").asString())
                .isEqualTo("35.98");

        var completion = drafts.post("/draft-orders/" + id + "/complete", "{\"payment_pending\": false}");
        assertThat(completion.status()).isEqualTo(202);
        assertThat(completion.path("draft_order", "status").asString()).isEqualTo("completing");

        JsonNode completed = awaitDraft(id, d -> d.path("status").asString().equals("completed"));
        String orderId = completed.path("order_id").asString();
        assertThat(orderId).startsWith("order_");
        assertThat(completed.path("completed_at").isNull()).isFalse();

        JsonNode order = Eventually.await(
                "order captured",
                SAGA,
                () -> orders.get("/orders/" + orderId).body(),
                o -> o.path("payment_status").asString().equals("captured"));
        assertThat(order.path("draft_order_id").asString()).isEqualTo(id);
        assertThat(order.path("name").asString()).startsWith("#");
        assertThat(order.path("total_price").asString()).isEqualTo("65.85");
        assertThat(order.path("total_tax").asString()).isEqualTo("10.52");
        assertThat(order.path("subtotal_price").asString()).isEqualTo("50.38");
        assertThat(order.path("line_items")).hasSize(3);
        assertThat(order.path("shipping_address").path("country_code").asString())
                .isEqualTo("DE");

        assertThat(orders.get("/orders?draft_order_id=" + id).path("orders")).hasSize(1);
        assertThat(draftEvents.awaitPayloads(
                        DraftOrderCompleted.class,
                        e -> e.getDraftOrder().getId().equals(id),
                        SAGA))
                .singleElement()
                .satisfies(e -> assertThat(e.getDraftOrder().getOrderId()).isEqualTo(orderId));
        assertThat(orderEvents.awaitPayloads(
                        OrderCreated.class, e -> e.getOrder().getId().equals(orderId), SAGA))
                .singleElement()
                .satisfies(e -> assertThat(e.getOrder().getCart().getTotals().getTotalPrice())
                        .isEqualTo(6585L));
        assertThat(orderEvents.awaitPayloads(
                        OrderPaymentCaptured.class, e -> e.getOrderId().equals(orderId), SAGA))
                .singleElement()
                .satisfies(e -> assertThat(e.getAmount()).isEqualTo(6585L));
    }

    @Test
    void withPaymentPendingTheDraftCompletesAndTheOrderStaysAuthorizedWithoutACapture() {
        String id = readyDraft(simpleDraft("12.00"));

        assertThat(drafts.post(
                                "/draft-orders/" + id + "/complete",
                                "{\"payment_pending\": true, \"payment_terms\": {\"net_days\": 30}}")
                        .status())
                .isEqualTo(202);

        String orderId = awaitDraft(id, d -> d.path("status").asString().equals("completed"))
                .path("order_id")
                .asString();
        JsonNode order = orders.get("/orders/" + orderId).body();
        assertThat(order.path("payment_status").asString()).isEqualTo("authorized");
        assertThat(order.path("payment_due_at").isNull()).isFalse();
        assertThat(orderEvents.payloads(
                        OrderPaymentCaptured.class, e -> e.getOrderId().equals(orderId)))
                .isEmpty();
    }

    @Test
    void aDeclinedPaymentReturnsTheDraftToOpenWithTheReasonAndCreatesNoOrder() {
        // The test gateway declines amounts ending in .13 (payment-service/PROVIDERS.md).
        String id = readyDraft(simpleDraft("10.13"));

        assertThat(drafts.post("/draft-orders/" + id + "/complete", "{\"payment_gateway\": \"test\"}")
                        .status())
                .isEqualTo(202);

        JsonNode reopened = awaitDraft(
                id,
                d -> d.path("status").asString().equals("open")
                        && !d.path("completion_failure_reason").isNull());
        assertThat(reopened.path("completion_failure_reason").asString()).contains("card_declined");
        assertThat(reopened.path("order_id").isNull()).isTrue();
        assertThat(draftEvents.awaitPayloads(
                        DraftOrderCompletionFailed.class,
                        e -> e.getDraftOrderId().equals(id),
                        SAGA))
                .singleElement()
                .satisfies(e -> assertThat(e.getStep()).isEqualTo("authorize_payment"));
        assertThat(orders.get("/orders?draft_order_id=" + id).path("orders")).isEmpty();

        // The cart was unlocked: completing again with the system gateway now succeeds.
        assertThat(drafts.post("/draft-orders/" + id + "/complete", "{}").status())
                .isEqualTo(202);
        awaitDraft(id, d -> d.path("status").asString().equals("completed"));
    }

    @Test
    void twoCompletionsRacingOnOneDraftMakeExactlyOneOrder() {
        String id = readyDraft(simpleDraft("30.00"));

        List<CompletableFuture<Integer>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            racing.add(CompletableFuture.supplyAsync(
                    () -> drafts.post("/draft-orders/" + id + "/complete", "{}").status()));
        }
        List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsOnlyOnce(202).containsOnly(202, 409);
        awaitDraft(id, d -> d.path("status").asString().equals("completed"));
        assertThat(orders.get("/orders?draft_order_id=" + id).path("orders")).hasSize(1);
        assertThat(orderEvents.awaitPayloads(
                        OrderCreated.class, e -> e.getOrder().getDraftOrderId().equals(id), SAGA))
                .hasSize(1);
    }

    @Test
    void completingADraftWhoseTotalsAreNotReadyIsAConflictWithRetryAfter() {
        var created = drafts.post("/draft-orders", simpleDraft("8.00")).path("draft_order");
        // Immediately after creation the cart has not calculated yet (or has: then completion is accepted).
        var response = drafts.post("/draft-orders/" + created.path("id").asString() + "/complete", "{}");
        if (response.status() == 409) {
            assertThat(response.path("code").asString()).isEqualTo("not_ready");
            assertThat(response.raw().headers().firstValue("Retry-After")).contains("1");
        } else {
            assertThat(response.status()).isEqualTo(202);
        }
    }

    @Test
    void aCompletedOrCanceledDraftCannotBeCompletedAgain() {
        String id = readyDraft(simpleDraft("9.00"));
        assertThat(drafts.post("/draft-orders/" + id + "/cancel", "{}")
                        .path("draft_order", "status")
                        .asString())
                .isEqualTo("canceled");

        var response = drafts.post("/draft-orders/" + id + "/complete", "{}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("code").asString()).isEqualTo("canceled");
    }

    @Test
    void invalidInputIsRefusedWithTheFieldAndTheReasonAndCreatesNothing() {
        var response = drafts.post("/draft-orders", """
                {"draft_order": {"currency": "EUR", "line_items": [{"title": "Mug", "price": "-1", "quantity": 0}]}}
                """);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString())
                        .toList())
                .contains("line_items[0].price", "line_items[0].quantity");
    }

    @Test
    void anotherStoresDraftIsNotFound() {
        String id = drafts.post("/draft-orders", simpleDraft("5.00"))
                .path("draft_order", "id")
                .asString();

        assertThat(new Rest(stack.service("draft-service").url(), "other-store")
                        .get("/draft-orders/" + id)
                        .status())
                .isEqualTo(404);
    }

    static String simpleDraft(String price) {
        return """
                {"draft_order": {"currency": "EUR", "email": "grace@example.com",
                  "line_items": [{"title": "Consultation", "price": "%s", "quantity": 1}]}}
                """.formatted(price);
    }

    static String readyDraft(String body) {
        var created = drafts.post("/draft-orders", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.path("draft_order", "id").asString();
        awaitDraft(id, d -> d.path("ready").asBoolean());
        return id;
    }

    static JsonNode awaitDraft(String id, java.util.function.Predicate<JsonNode> condition) {
        return Eventually.await(
                "draft " + id, SAGA, () -> drafts.get("/draft-orders/" + id).path("draft_order"), condition);
    }
}
