package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderCompleted;
import com.draftorders.avro.order.OrderPaymentCaptured;
import com.draftorders.messaging.TraceContext;
import com.draftorders.schemas.EventHeaders;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One trace id follows a completion through every topic of the saga, whether the merchant starts it over REST or a
 * channel over Kafka; every record carries CloudEvents headers that agree with its envelope; and draft-service
 * shows its saga, outbox and dead-letter metrics on the Prometheus scrape.
 */
@Tag("e2e")
class TracingAndMetricsEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);

    /** The saga's topics and which services produce on each. */
    static final Map<Topic<String, ?>, Set<String>> SAGA_TOPICS = sagaTopics();

    static EmbeddedStack stack;
    static Rest drafts;
    static Rest orders;
    static Channel channel;
    static Map<Topic<String, ?>, TopicReader<?>> readers = new LinkedHashMap<>();

    static Map<Topic<String, ?>, Set<String>> sagaTopics() {
        Map<Topic<String, ?>, Set<String>> topics = new LinkedHashMap<>();
        topics.put(Topics.CART_COMMANDS, Set.of("draft-service"));
        topics.put(Topics.CART_EVENTS, Set.of("cart-service"));
        topics.put(Topics.PAYMENT_COMMANDS, Set.of("draft-service", "order-service"));
        topics.put(Topics.PAYMENT_EVENTS, Set.of("payment-service"));
        topics.put(Topics.ORDER_COMMANDS, Set.of("draft-service"));
        topics.put(Topics.ORDER_EVENTS, Set.of("order-service"));
        topics.put(Topics.DRAFT_ORDER_EVENTS, Set.of("draft-service"));
        return topics;
    }

    @BeforeAll
    static void stack() {
        stack = TestStack.shared();
        drafts = new Rest(stack.service("draft-service").url());
        orders = new Rest(stack.service("order-service").url());
        channel = new Channel(stack, "phone-channel");
        for (Topic<String, ?> topic : SAGA_TOPICS.keySet()) {
            readers.put(topic, new TopicReader<>(stack, topic));
        }
    }

    @AfterAll
    static void close() {
        readers.values().forEach(TopicReader::close);
        channel.close();
    }

    @Test
    void aRestCallersTraceFollowsTheCompletionThroughEveryTopicOfTheSaga() {
        var trace = TraceContext.newTrace();

        var created = post("/draft-orders", CompletionOverRestEndToEndTest.simpleDraft("21.00"), trace.child());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue(EventHeaders.TRACEPARENT))
                .hasValueSatisfying(
                        t -> assertThat(TraceContext.parse(t).orElseThrow().traceId())
                                .isEqualTo(trace.traceId()));
        String id = created.path("draft_order", "id").asString();
        awaitDraft(id, d -> d.path("ready").asBoolean());
        assertThat(post("/draft-orders/" + id + "/complete", "{}", trace.child())
                        .status())
                .isEqualTo(202);
        String orderId = awaitDraft(id, d -> d.path("status").asString().equals("completed"))
                .path("order_id")
                .asString();
        Eventually.await(
                "order " + orderId + " captured",
                SAGA,
                () -> orders.get("/orders/" + orderId).body(),
                o -> o.path("payment_status").asString().equals("captured"));

        Set<String> flows = flowsOfDraft(id, orderId);
        assertThat(flows).as("the create and the complete flows").hasSize(2);
        assertOneTraceOnEveryTopic(
                trace.traceId(), r -> flows.contains(r.metadata().getCorrelationId()));
    }

    @Test
    void aChannelsTraceFollowsTheCompletionFromItsKafkaRequests() throws Exception {
        var trace = TraceContext.newTrace();
        String reference = "traced-" + UUID.randomUUID();
        String correlation = "corr_" + reference;
        send(
                reference,
                correlation,
                trace.child(),
                CreateDraftOrder.newBuilder()
                        .setRequestId("req-" + reference)
                        .setChannel("phone")
                        .setExternalReference(reference)
                        .setEmail("ada@example.com")
                        .setContent(CartContent.newBuilder()
                                .setCurrency("EUR")
                                .setLineItems(List.of(LineItem.newBuilder()
                                        .setLineItemId("li_1")
                                        .setTitle("Phone case")
                                        .setQuantity(1)
                                        .setPrice(1900)
                                        .build()))
                                .build())
                        .build());
        send(
                reference,
                correlation,
                trace.child(),
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-" + reference)
                        .setChannel("phone")
                        .setExternalReference(reference)
                        .build());

        var completed = reader(Topics.DRAFT_ORDER_EVENTS)
                .awaitPayloads(
                        DraftOrderCompleted.class,
                        e -> reference.equals(e.getDraftOrder().getExternalReference()),
                        SAGA);
        assertThat(completed).singleElement();
        String orderId = completed.get(0).getDraftOrder().getOrderId();
        assertThat(reader(Topics.ORDER_EVENTS)
                        .awaitPayloads(
                                OrderPaymentCaptured.class, e -> e.getOrderId().equals(orderId), SAGA))
                .singleElement();

        assertOneTraceOnEveryTopic(
                trace.traceId(), r -> correlation.equals(r.metadata().getCorrelationId()));
    }

    @Test
    void draftServiceShowsSagaOutboxAndDeadLetterMetricsOnThePrometheusScrape() throws Exception {
        var created = drafts.post("/draft-orders", CompletionOverRestEndToEndTest.simpleDraft("17.00"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.path("draft_order", "id").asString();
        awaitDraft(id, d -> d.path("ready").asBoolean());
        assertThat(drafts.post("/draft-orders/" + id + "/complete", "{}").status())
                .isEqualTo(202);
        awaitDraft(id, d -> d.path("status").asString().equals("completed"));
        // A poison record on a topic draft-service consumes goes straight to the dead-letter topic.
        channel.sendRaw(
                Topics.CART_EVENTS.name(),
                "poison-metrics",
                "\u0000\u0000\u0000\u0000\u0007not avro".getBytes(StandardCharsets.UTF_8));

        String scrape = Eventually.await(
                "draft-service metrics",
                SAGA,
                () -> scrape("draft-service"),
                s -> value(
                                s,
                                "draftorders_messages_dead_lettered_total",
                                "topic=\"cart-events\"",
                                "reason=\"undecodable\"")
                        >= 1);

        assertThat(value(scrape, "draftorders_saga_completions_total", "outcome=\"completed\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "draftorders_saga_completions_total", "outcome=\"compensated\""))
                .isNotNegative();
        for (String step : List.of("lock_cart", "authorize_payment", "create_order")) {
            assertThat(value(
                            scrape,
                            "draftorders_saga_step_seconds_count",
                            "step=\"" + step + "\"",
                            "outcome=\"succeeded\""))
                    .as(step)
                    .isGreaterThanOrEqualTo(1);
        }
        assertThat(value(scrape, "draftorders_saga_duration_seconds_count", "outcome=\"completed\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "draftorders_outbox_pending", "collection=\"draft_orders\""))
                .isNotNegative();
        assertThat(value(scrape, "draftorders_outbox_oldest_age_seconds", "collection=\"draft_orders\""))
                .isNotNegative();
        assertThat(value(scrape, "draftorders_messages_handled_total", "topic=\"cart-events\"", "type=\"CartLocked\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "draftorders_messages_sent_total", "topic=\"cart-commands\"", "type=\"LockCart\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "kafka_consumer_fetch_manager_records_lag_max"))
                .isNotNegative();
        for (String service : List.of("cart-service", "order-service", "payment-service")) {
            assertThat(scrape(service)).as(service).contains("draftorders_outbox_pending");
        }
    }

    @Test
    void theConsumerLagOfEveryServiceOnEveryTopicItConsumesIsANumberEvenAtIdle() {
        Map<String, List<String>> consumed = Map.of(
                "draft-service", List.of("draft-order-requests", "cart-events", "payment-events", "order-events"),
                "cart-service", List.of("cart-commands"),
                "payment-service", List.of("payment-commands"),
                "order-service", List.of("order-commands", "payment-events"));
        consumed.forEach((service, topics) -> {
            String scrape = scrape(service);
            for (String topic : topics) {
                assertThat(value(
                                scrape,
                                "draftorders_consumer_lag_records",
                                "group=\"" + service + "\"",
                                "topic=\"" + topic + "\""))
                        .as(service + " on " + topic)
                        .isFinite()
                        .isGreaterThanOrEqualTo(0);
            }
        });
    }

    /**
     * Every record of the flows {@code ofTheDraft} selects, on every saga topic, continues trace {@code traceId} in
     * a span of its own, and its CloudEvents headers agree with its envelope.
     */
    static void assertOneTraceOnEveryTopic(String traceId, Predicate<TopicReader.Decoded<?>> ofTheDraft) {
        Set<String> events = new HashSet<>();
        Set<String> spans = new HashSet<>();
        for (var entry : SAGA_TOPICS.entrySet()) {
            Topic<String, ?> topic = entry.getKey();
            List<TopicReader.Decoded<?>> records = new ArrayList<>();
            for (var record : readToTheEnd(topic)) {
                if (ofTheDraft.test(record)) {
                    records.add(record);
                }
            }
            assertThat(records).as("records of the draft on " + topic.name()).isNotEmpty();
            for (var record : records) {
                Metadata metadata = record.metadata();
                Map<String, String> headers = record.headers();
                String what = topic.name() + " " + record.payload().getClass().getSimpleName();
                assertThat(headers.keySet()).as(what).containsAll(EventHeaders.ALL);
                var span = TraceContext.parse(headers.get(EventHeaders.TRACEPARENT));
                assertThat(span).as(what + " traceparent").isPresent();
                assertThat(span.get().traceId()).as(what + " trace id").isEqualTo(traceId);
                assertThat(headers)
                        .as(what)
                        .containsEntry(EventHeaders.EVENT_ID, metadata.getEventId())
                        .containsEntry(EventHeaders.CE_ID, metadata.getEventId())
                        .containsEntry(
                                EventHeaders.CE_TYPE,
                                record.payload().getClass().getName())
                        .containsEntry(EventHeaders.CE_SOURCE, "/" + metadata.getSource())
                        .containsEntry(
                                EventHeaders.CE_TIME, DateTimeFormatter.ISO_INSTANT.format(metadata.getOccurredAt()))
                        .containsEntry(EventHeaders.CE_SPECVERSION, "1.0")
                        .containsEntry(EventHeaders.CE_SUBJECT, metadata.getAggregateId())
                        .containsEntry(EventHeaders.CONTENT_TYPE, "application/avro");
                assertThat(entry.getValue()).as(what + " source").contains(metadata.getSource());
                if (events.add(metadata.getEventId())) {
                    assertThat(spans.add(span.get().spanId()))
                            .as(what + " has a span of its own")
                            .isTrue();
                }
            }
        }
    }

    /** The correlation ids of the flows that made, changed and completed the draft and captured its order. */
    static Set<String> flowsOfDraft(String draftId, String orderId) {
        Set<String> flows = new HashSet<>();
        for (var record : readToTheEnd(Topics.DRAFT_ORDER_EVENTS)) {
            if (record.metadata().getAggregateId().equals(draftId)) {
                flows.add(record.metadata().getCorrelationId());
            }
        }
        for (var record : readToTheEnd(Topics.ORDER_EVENTS)) {
            if (record.metadata().getAggregateId().equals(orderId)) {
                flows.add(record.metadata().getCorrelationId());
            }
        }
        return flows;
    }

    /** Everything on {@code topic} so far: polls until a poll brings nothing new. */
    static List<? extends TopicReader.Decoded<?>> readToTheEnd(Topic<String, ?> topic) {
        var records = reader(topic).all();
        while (true) {
            var more = reader(topic).all();
            if (more.size() == records.size()) {
                return more;
            }
            records = more;
        }
    }

    static TopicReader<?> reader(Topic<String, ?> topic) {
        return readers.get(topic);
    }

    static Rest.Response post(String path, String json, TraceContext span) {
        return drafts.send(
                HttpRequest.newBuilder(URI.create(stack.service("draft-service").url() + path))
                        .header("Content-Type", "application/json")
                        .header(EventHeaders.TRACEPARENT, span.traceparent())
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static JsonNode awaitDraft(String id, Predicate<JsonNode> condition) {
        return Eventually.await(
                "draft " + id, SAGA, () -> drafts.get("/draft-orders/" + id).path("draft_order"), condition);
    }

    static void send(String key, String correlation, TraceContext span, Object payload) throws Exception {
        var metadata = channel.metadata(key);
        metadata.setCorrelationId(correlation);
        channel.send(key, metadata, payload, Map.of(EventHeaders.TRACEPARENT, span.traceparent()));
    }

    /** The Prometheus scrape of a service, read without a token as a scraper would. */
    static String scrape(String service) {
        try {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create(stack.service(service).url() + "/actuator/prometheus"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(service + " scrape").isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of the samples of {@code metric} whose labels include all of {@code labels}; -1 when there is none. */
    static double value(String scrape, String metric, String... labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "(\\{[^}]*\\})?\\s+(\\S+).*$");
        double sum = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            var m = sample.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String labelSet = m.group(1) == null ? "" : m.group(1);
            if (List.of(labels).stream().allMatch(labelSet::contains)) {
                found = true;
                sum += Double.parseDouble(m.group(2));
            }
        }
        return found ? sum : -1;
    }
}
