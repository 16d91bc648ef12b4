package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.tools.Events;
import com.draftorders.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * What the README's operator guide promises: one draft followed through its saga, and the topics with their lag (after
 * the completion, so every consumer group has committed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("e2e")
class OperatorToolsEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static EmbeddedStack stack;
    static Rest drafts;
    static Rest orders;
    static Events events;

    @BeforeAll
    static void stack() {
        stack = TestStack.shared();
        drafts = new Rest(stack.service("draft-service").url());
        orders = new Rest(stack.service("order-service").url());
        events = new Events(stack.settings().kafkaBootstrap(), stack.settings().registryCcompatUrl());
    }

    @Test
    @Order(1)
    void followingADraftShowsEverySagaMessageInOrderStampedByTheServiceThatWroteIt() {
        var created = drafts.post("/draft-orders", """
                {"draft_order": {"currency": "EUR", "email": "ops@example.com",
                  "line_items": [{"title": "Support plan", "price": "30.00", "quantity": 1}]}}
                """);
        String id = created.path("draft_order", "id").asString();
        Eventually.await(
                "ready",
                SAGA,
                () -> drafts.get("/draft-orders/" + id).path("draft_order"),
                d -> d.path("ready").asBoolean());
        assertThat(drafts.post("/draft-orders/" + id + "/complete", "{}").status())
                .isEqualTo(202);
        String orderId = Eventually.await(
                        "completed",
                        SAGA,
                        () -> drafts.get("/draft-orders/" + id).path("draft_order"),
                        d -> d.path("status").asString().equals("completed"))
                .path("order_id")
                .asString();
        Eventually.await(
                "captured",
                SAGA,
                () -> orders.get("/orders/" + orderId).body(),
                (JsonNode o) -> o.path("payment_status").asString().equals("captured"));

        List<Events.Event> saga = Eventually.await(
                "the capture on the topics",
                SAGA,
                () -> events.follow(id),
                list -> list.stream().anyMatch(e -> e.type().equals("OrderPaymentCaptured")));

        List<String> types = saga.stream().map(Events.Event::type).toList();
        assertThat(types)
                .containsSubsequence(
                        "DraftOrderCreated",
                        "CreateCart",
                        "CartTotalsCalculated",
                        "DraftOrderCompletionStarted",
                        "LockCart",
                        "CartLocked",
                        "AuthorizePayment",
                        "PaymentAuthorized",
                        "CreateOrderFromCart",
                        "OrderCreated",
                        "DraftOrderCompleted")
                .containsSubsequence("OrderCreated", "CapturePayment", "PaymentCaptured", "OrderPaymentCaptured");
        Map<String, String> sourceByType =
                saga.stream().collect(Collectors.toMap(Events.Event::type, e -> e.metadata("source"), (a, b) -> a));
        assertThat(sourceByType)
                .containsEntry("DraftOrderCreated", "draft-service")
                .containsEntry("LockCart", "draft-service")
                .containsEntry("CartLocked", "cart-service")
                .containsEntry("PaymentAuthorized", "payment-service")
                .containsEntry("OrderCreated", "order-service")
                .containsEntry("CapturePayment", "order-service");
        assertThat(saga).allSatisfy(e -> assertThat(e.error()).isNull());
    }

    @Test
    @Order(2)
    void theTopicListingShowsEveryCatalogTopicItsDeadLetterTopicAndTheConsumerGroupsLag() {
        var summaries = Eventually.await(
                "consumer groups committed",
                SAGA,
                () -> events.topics(),
                list -> list.stream()
                        .anyMatch(t -> t.topic().equals("cart-commands")
                                && t.lagByGroup().containsKey("cart-service")));

        var names = summaries.stream().map(Events.TopicSummary::topic).toList();
        for (var topic : Topics.ALL) {
            assertThat(names).contains(topic.name(), topic.deadLetterTopic());
        }
        var paymentEvents = summaries.stream()
                .filter(t -> t.topic().equals("payment-events"))
                .findFirst()
                .orElseThrow();
        assertThat(paymentEvents.partitions()).isEqualTo(Topics.PAYMENT_EVENTS.partitions());
        assertThat(paymentEvents.lagByGroup()).containsKeys("draft-service", "order-service");
    }

    @Test
    @Order(3)
    void aChannelsCreateAndCompleteFromTheCommandLineMakeACompletedDraft() {
        String reference = "call-" + java.util.UUID.randomUUID();
        String email = reference + "@example.com";
        String[] common = {
            "--bootstrap=" + stack.settings().kafkaBootstrap(),
            "--registry=" + stack.settings().registryCcompatUrl(),
            "--channel=phone",
            "--reference=" + reference
        };
        var out = new java.io.ByteArrayOutputStream();
        var print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(com.draftorders.messaging.tools.Requests.run(
                        concat(common, "create", "--email=" + email, "--line=Mug:19.99:2", "--line=Coaster:5.00:3"),
                        print,
                        print))
                .as(out.toString())
                .isZero();
        assertThat(com.draftorders.messaging.tools.Requests.run(concat(common, "complete"), print, print))
                .as(out.toString())
                .isZero();
        assertThat(out.toString()).contains("sent CreateDraftOrder phone:" + reference, "sent CompleteDraftOrder");

        JsonNode completed = Eventually.await(
                "the channel's draft completed",
                SAGA,
                () -> drafts.get("/draft-orders?email=" + email)
                        .path("draft_orders")
                        .path(0),
                d -> d.path("status").asString().equals("completed"));
        assertThat(completed.path("total_price").asString()).isEqualTo("54.98");
    }

    static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
