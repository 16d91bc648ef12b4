package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topics;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected on purpose into the whole stack, with every service in a JVM of its own so it can be killed
 * abruptly (SIGKILL). Whatever dies, every draft ends completed with exactly one order and exactly one capture.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("e2e")
class FaultToleranceTest {

    static final Duration PATIENCE = Duration.ofSeconds(120);
    static final List<String> SERVICES = List.of("cart-service", "payment-service", "order-service", "draft-service");

    static EmbeddedStack stack;
    static Rest drafts;
    static Rest orders;
    static MessageCodec codec;
    static KafkaProducer<String, byte[]> producer;
    static MongoClient mongo;

    @BeforeAll
    static void startStackWithServicesInTheirOwnProcesses() {
        var starting = new EmbeddedStack(
                StackSettings.randomPorts(TestStack.tempDir()),
                List.of(
                        "--draftorders.drafts.saga.step-timeout=10s",
                        "--draftorders.drafts.saga.max-tries=8",
                        "--draftorders.messaging.outbox-sweep-interval=500ms"),
                true);
        stack = starting;
        starting.start();
        drafts = new Rest(stack.service("draft-service").url());
        orders = new Rest(stack.service("order-service").url());
        codec = new MessageCodec(stack.settings().registryUrl());
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.settings().kafkaBootstrap(), "acks", "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        mongo = MongoClients.create(stack.settings().mongoUri());
    }

    /** Null-safe: a stack that failed to start still has its processes stopped. */
    @AfterAll
    static void stop() {
        if (producer != null) {
            producer.close();
        }
        if (codec != null) {
            codec.close();
        }
        if (mongo != null) {
            mongo.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void eachServiceKilledWhileDraftsWaitOnItsStepLetsEveryDraftCompleteExactlyOnce() {
        for (String victim : SERVICES) {
            List<String> ids = readyDrafts(4);
            var service = stack.service(victim);
            if (victim.equals("draft-service")) {
                // The orchestrator itself dies right after accepting the completions, mid-saga.
                ids.forEach(id -> assertThat(complete(id)).isEqualTo(202));
                service.kill();
            } else {
                // Sagas run up to the step the dead service owns and wait there.
                service.kill();
                ids.forEach(id -> assertThat(complete(id)).isEqualTo(202));
                sleep(Duration.ofSeconds(2));
            }
            service.start();
            service.awaitHealthy(PATIENCE);

            assertEveryDraftCompletedOnceAndCaptured(ids);
            System.out.printf("killed %s: %d drafts completed, one order and one capture each%n", victim, ids.size());
        }
    }

    @Test
    @Order(2)
    void theBrokerStoppedAndRestartedMidRunLosesNoCompletion() {
        List<String> ids = readyDrafts(6);
        ids.forEach(id -> assertThat(complete(id)).isEqualTo(202));

        stack.killKafka();
        sleep(Duration.ofSeconds(3));
        stack.startKafka();

        assertEveryDraftCompletedOnceAndCaptured(ids);
        System.out.printf("broker killed and restarted: %d drafts completed once%n", ids.size());
    }

    @Test
    @Order(3)
    void everyMessageDeliveredTwiceAndOutOfOrderHasNoSecondEffect() throws Exception {
        List<String> ids = readyDrafts(3);
        ids.forEach(id -> assertThat(complete(id)).isEqualTo(202));
        assertEveryDraftCompletedOnceAndCaptured(ids);
        sleep(Duration.ofSeconds(2));

        List<String> sagaTopics = List.of(
                "cart-commands", "cart-events", "payment-commands", "payment-events", "order-commands", "order-events");
        Map<String, Long> endBefore = endOffsets(sagaTopics);
        int republished = 0;
        for (String topic : sagaTopics) {
            // Everything again, newest first: duplicates and stale messages after fresh ones.
            List<ConsumerRecord<String, byte[]>> records = readAll(topic);
            for (int i = records.size() - 1; i >= 0; i--) {
                var record = records.get(i);
                producer.send(new ProducerRecord<>(topic, record.partition(), record.key(), record.value()))
                        .get();
                republished++;
            }
        }
        Map<String, Long> expected = new HashMap<>();
        for (String topic : sagaTopics) {
            expected.put(topic, endBefore.get(topic) * 2);
        }
        sleep(Duration.ofSeconds(8)); // long enough for every consumer to work through the replays

        assertThat(endOffsets(sagaTopics))
                .as("services wrote nothing in reply to %d redelivered messages", republished)
                .isEqualTo(expected);
        assertEveryDraftCompletedOnceAndCaptured(ids);
        System.out.printf(
                "redelivered %d saga messages (reversed per topic): no new message, no second effect%n", republished);
    }

    @Test
    @Order(4)
    void aSoakOfFiveHundredCompletionsWithRandomKillsReconciles() throws Exception {
        int total = 500;
        String run = UUID.randomUUID().toString().substring(0, 8);
        var random = new Random(42);
        long started = System.nanoTime();
        int kills = 0;
        List<String> killed = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            String reference = "soak-" + run + "-" + i;
            send(
                    reference,
                    CreateDraftOrder.newBuilder()
                            .setRequestId("create-" + reference)
                            .setChannel("soak")
                            .setExternalReference(reference)
                            .setContent(content(1 + random.nextInt(3), 100 + random.nextInt(10_000)))
                            .build());
            send(
                    reference,
                    CompleteDraftOrder.newBuilder()
                            .setRequestId("complete-" + reference)
                            .setChannel("soak")
                            .setExternalReference(reference)
                            .setPaymentPending(i % 10 == 0)
                            .build());
            if (i % 125 == 60) {
                String victim = SERVICES.get(random.nextInt(SERVICES.size()));
                stack.service(victim).kill();
                killed.add(victim);
                kills++;
                sleep(Duration.ofMillis(500));
                stack.service(victim).start();
            }
        }
        for (String victim : SERVICES) {
            stack.service(victim).awaitHealthy(PATIENCE);
        }

        var draftsDb = mongo.getDatabase("drafts").getCollection("draft_orders");
        var soak = Filters.regex("channelReference", ":soak:soak-" + run + "-");
        Eventually.await(
                "all soak drafts completed",
                Duration.ofSeconds(240),
                () -> draftsDb.countDocuments(Filters.and(soak, Filters.eq("status", "COMPLETED"))),
                completed -> completed == total);
        long completing = draftsDb.countDocuments(Filters.eq("status", "COMPLETING"));
        Set<String> draftIds = new java.util.HashSet<>();
        draftsDb.find(soak).forEach(d -> draftIds.add(d.getString("_id")));

        var ordersDb = mongo.getDatabase("orders").getCollection("orders");
        Map<String, Long> ordersPerDraft = new HashMap<>();
        ordersDb.find(Filters.in("draftOrderId", draftIds))
                .forEach(o -> ordersPerDraft.merge(o.getString("draftOrderId"), 1L, Long::sum));
        Eventually.await(
                "captures",
                PATIENCE,
                () -> ordersDb.countDocuments(
                        Filters.and(Filters.in("draftOrderId", draftIds), Filters.eq("paymentStatus", "CAPTURED"))),
                captured -> captured == total - total / 10);
        long captured = ordersDb.countDocuments(
                Filters.and(Filters.in("draftOrderId", draftIds), Filters.eq("paymentStatus", "CAPTURED")));
        long pending = ordersDb.countDocuments(
                Filters.and(Filters.in("draftOrderId", draftIds), Filters.eq("paymentStatus", "AUTHORIZED")));
        var capturedPayments = mongo.getDatabase("payments")
                .getCollection("payments")
                .countDocuments(Filters.and(Filters.in("draftOrderId", draftIds), Filters.eq("status", "CAPTURED")));

        Set<String> soakOrderIds = new java.util.HashSet<>();
        ordersDb.find(Filters.in("draftOrderId", draftIds)).forEach(o -> soakOrderIds.add(o.getString("_id")));
        List<ConsumerRecord<String, byte[]>> orderEvents = readAll("order-events");
        Map<String, Long> eventIds = new HashMap<>();
        Set<String> ordersWithCreatedEvent = new java.util.HashSet<>();
        for (var record : orderEvents) {
            var envelope = codec.decode(Topics.ORDER_EVENTS, record.value());
            Object payload = envelope.getPayload();
            String orderId = payload instanceof com.draftorders.avro.order.OrderCreated created
                    ? created.getOrder().getId()
                    : payload instanceof com.draftorders.avro.order.OrderPaymentCaptured paid
                            ? paid.getOrderId()
                            : null;
            if (orderId == null || !soakOrderIds.contains(orderId)) {
                continue;
            }
            eventIds.merge(envelope.getMetadata().getEventId(), 1L, Long::sum);
            if (payload instanceof com.draftorders.avro.order.OrderCreated created) {
                ordersWithCreatedEvent.add(created.getOrder().getDraftOrderId());
            }
        }
        long duplicatedEvents = eventIds.values().stream().filter(n -> n > 1).count();
        long ordersMissingEvent = draftIds.stream()
                .filter(id -> !ordersWithCreatedEvent.contains(id))
                .count();

        System.out.printf(
                "soak: %d completions in %.0f s with %d kills %s: completed drafts=%d, orders=%d (max per draft %d),"
                        + " captured=%d (payments captured=%d) + pending=%d, drafts left completing=%d,"
                        + " orders without OrderCreated=%d, duplicated order-events ids=%d%n",
                total,
                (System.nanoTime() - started) / 1e9,
                kills,
                killed,
                draftIds.size(),
                ordersPerDraft.size(),
                ordersPerDraft.values().stream()
                        .mapToLong(Long::longValue)
                        .max()
                        .orElse(0),
                captured,
                capturedPayments,
                pending,
                completing,
                ordersMissingEvent,
                duplicatedEvents);
        assertThat(draftIds).hasSize(total);
        assertThat(ordersPerDraft)
                .hasSize(total)
                .allSatisfy((draft, count) -> assertThat(count).isEqualTo(1L));
        assertThat(captured + pending).isEqualTo(total);
        assertThat(capturedPayments).isEqualTo(captured);
        assertThat(completing).isZero();
        assertThat(ordersMissingEvent).isZero();
        assertThat(duplicatedEvents).isZero();
    }

    // --- helpers

    static List<String> readyDrafts(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var created = drafts.post("/draft-orders", CompletionOverRestEndToEndTest.simpleDraft((10 + i) + ".00"));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            ids.add(created.path("draft_order", "id").asString());
        }
        for (String id : ids) {
            Eventually.await(
                    "draft " + id + " ready",
                    PATIENCE,
                    () -> drafts.get("/draft-orders/" + id)
                            .path("draft_order", "ready")
                            .asBoolean(),
                    ready -> ready);
        }
        return ids;
    }

    static int complete(String id) {
        return drafts.post("/draft-orders/" + id + "/complete", "{}").status();
    }

    static void assertEveryDraftCompletedOnceAndCaptured(List<String> ids) {
        for (String id : ids) {
            var draft = Eventually.await(
                    "draft " + id + " completed",
                    PATIENCE,
                    () -> drafts.get("/draft-orders/" + id),
                    r -> r.status() == 200
                            && r.path("draft_order", "status").asString().equals("completed"));
            String orderId = draft.path("draft_order", "order_id").asString();
            Eventually.await(
                    "order " + orderId + " captured",
                    PATIENCE,
                    () -> orders.get("/orders/" + orderId)
                            .path("payment_status")
                            .asString(),
                    "captured"::equals);
            assertThat(orders.get("/orders?draft_order_id=" + id).path("orders"))
                    .hasSize(1);
        }
        long capturedPayments = mongo.getDatabase("payments")
                .getCollection("payments")
                .countDocuments(Filters.and(Filters.in("draftOrderId", ids), Filters.eq("status", "CAPTURED")));
        assertThat(capturedPayments).as("one captured payment per draft").isEqualTo(ids.size());
    }

    static CartContent content(int quantity, long price) {
        return CompletionOverKafkaEndToEndTest.content(quantity, price);
    }

    static void send(String reference, Object payload) throws Exception {
        var metadata = SampleMessages.metadata(reference);
        var envelope = Topics.DRAFT_ORDER_REQUESTS.wrap(metadata, payload);
        producer.send(new ProducerRecord<>(
                        Topics.DRAFT_ORDER_REQUESTS.name(),
                        reference,
                        codec.encode(Topics.DRAFT_ORDER_REQUESTS, envelope)))
                .get();
    }

    static Map<String, Long> endOffsets(List<String> topics) {
        try (var consumer = rawConsumer()) {
            Map<String, Long> ends = new HashMap<>();
            for (String topic : topics) {
                var partitions = partitions(consumer, topic);
                ends.put(
                        topic,
                        consumer.endOffsets(partitions).values().stream()
                                .mapToLong(Long::longValue)
                                .sum());
            }
            return ends;
        }
    }

    static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (var consumer = rawConsumer()) {
            var partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .collect(Collectors.toList());
    }

    static KafkaConsumer<String, byte[]> rawConsumer() {
        return new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.settings().kafkaBootstrap()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
