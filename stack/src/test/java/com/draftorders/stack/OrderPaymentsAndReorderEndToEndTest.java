package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A phone sale under payment terms: completed with payment pending, captured later, partly refunded; then the
 * customer re-orders. Also: totals calculated without saving anything.
 */
@Tag("e2e")
class OrderPaymentsAndReorderEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static Rest drafts;
    static Rest orders;

    @BeforeAll
    static void stack() {
        var stack = TestStack.shared();
        CompletionOverRestEndToEndTest.stack(); // its draft helpers are shared
        drafts = new Rest(stack.service("draft-service").url());
        orders = new Rest(stack.service("order-service").url());
    }

    @Test
    void anOrderUnderPaymentTermsIsCapturedLaterAndPartlyRefundedOnceForEachIdempotencyKey() {
        String draftId = CompletionOverRestEndToEndTest.readyDraft(CompletionOverRestEndToEndTest.simpleDraft("40.00"));
        assertThat(drafts.post(
                                "/draft-orders/" + draftId + "/complete",
                                "{\"payment_pending\": true, \"payment_terms\": {\"net_days\": 14}}")
                        .status())
                .isEqualTo(202);
        String orderId = CompletionOverRestEndToEndTest.awaitDraft(
                        draftId, d -> d.path("status").asString().equals("completed"))
                .path("order_id")
                .asString();
        assertThat(orders.get("/orders/" + orderId).path("payment_status").asString())
                .isEqualTo("authorized");

        var capture = post(orders, "/orders/" + orderId + "/capture", "cap-" + orderId, "{}");
        assertThat(capture.status()).isEqualTo(202);
        assertThat(post(orders, "/orders/" + orderId + "/capture", "cap-" + orderId, "{}")
                        .status())
                .as("the same key again replays")
                .isEqualTo(202);
        awaitOrder(orderId, o -> o.path("payment_status").asString().equals("captured"));

        String refund = "{\"amount\": \"15.00\", \"reason\": \"one item damaged\"}";
        assertThat(post(orders, "/orders/" + orderId + "/refund", "ref-" + orderId, refund)
                        .status())
                .isEqualTo(202);
        assertThat(post(orders, "/orders/" + orderId + "/refund", "ref-" + orderId, refund)
                        .status())
                .isEqualTo(202);
        JsonNode refunded =
                awaitOrder(orderId, o -> o.path("payment_status").asString().equals("partially_refunded"));
        assertThat(refunded.path("refunded_amount").asString()).isEqualTo("15.00");

        var captureReplayedAfterTheRefund = post(orders, "/orders/" + orderId + "/capture", "cap-" + orderId, "{}");
        assertThat(captureReplayedAfterTheRefund.raw().headers().firstValue("Idempotent-Replayed"))
                .contains("true");
        assertThat(captureReplayedAfterTheRefund.raw().body())
                .as("a replay answers the first answer's bytes, though the payment moved on since")
                .isEqualTo(capture.raw().body());
        assertThat(capture.path("capture", "status").asString()).isEqualTo("pending");
        assertThat(capture.path("capture", "amount").asString())
                .isEqualTo(refunded.path("total_price").asString());

        var tooMuch = post(orders, "/orders/" + orderId + "/refund", "ref2-" + orderId, "{\"amount\": \"30.00\"}");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.path("code").asString()).isEqualTo("refund_exceeds_captured");
        var reused = post(orders, "/orders/" + orderId + "/refund", "ref-" + orderId, "{\"amount\": \"1.00\"}");
        assertThat(reused.path("code").asString()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void aCustomerReordersFromAnEarlierOrder() {
        String draftId = CompletionOverRestEndToEndTest.readyDraft(CompletionOverRestEndToEndTest.PHONE_SALE);
        drafts.post("/draft-orders/" + draftId + "/complete", "{}");
        String orderId = CompletionOverRestEndToEndTest.awaitDraft(
                        draftId, d -> d.path("status").asString().equals("completed"))
                .path("order_id")
                .asString();

        var reorder = Eventually.await(
                "re-order of " + orderId,
                SAGA,
                () -> drafts.post("/draft-orders/from-order/" + orderId, "{}"),
                r -> r.status() == 201);
        String newDraft = reorder.path("draft_order", "id").asString();

        JsonNode ready = CompletionOverRestEndToEndTest.awaitDraft(
                newDraft, d -> d.path("ready").asBoolean());
        assertThat(ready.path("status").asString()).isEqualTo("open");
        assertThat(ready.path("line_items")).hasSize(3);
        assertThat(ready.path("email").asString()).isEqualTo("ada@example.com");
        assertThat(ready.path("shipping_address").path("country_code").asString())
                .isEqualTo("DE");
    }

    @Test
    void calculatingADraftReturnsItsTotalsAndSavesNothing() {
        var calculated = drafts.post("/draft-orders/calculate", CompletionOverRestEndToEndTest.PHONE_SALE);

        assertThat(calculated.status()).as(calculated.body().toString()).isEqualTo(200);
        assertThat(calculated.path("draft_order", "total_price").asString()).isEqualTo("65.85");
        assertThat(calculated.path("draft_order", "total_tax").asString()).isEqualTo("10.52");
        assertThat(calculated.path("draft_order", "id").isNull()).isTrue();
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        CompletionOverRestEndToEndTest.close();
    }

    static Rest.Response post(Rest rest, String path, String key, String json) {
        return rest.send(HttpRequest.newBuilder(URI.create(baseUrl(rest) + path))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static String baseUrl(Rest rest) {
        return rest == orders
                ? TestStack.shared().service("order-service").url()
                : TestStack.shared().service("draft-service").url();
    }

    static JsonNode awaitOrder(String orderId, java.util.function.Predicate<JsonNode> condition) {
        return Eventually.await(
                "order " + orderId, SAGA, () -> orders.get("/orders/" + orderId).body(), condition);
    }
}
