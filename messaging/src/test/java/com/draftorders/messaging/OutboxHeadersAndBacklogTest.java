package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.testing.StoredOutboxes;
import com.draftorders.schemas.EventHeaders;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

/** The outbox keeps each message's headers with it, the relay sends them, and the backlog gauges see what waits. */
class OutboxHeadersAndBacklogTest {

    static final Instant NOW = Instant.parse("2025-03-04T05:06:07.089Z");

    final MongoServer server = new MongoServer(new MemoryBackend());
    final MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
    final MongoTemplate mongo = new MongoTemplate(client, "test");
    final MongoDatabase database = mongo.getDb();
    final MockProducer<String, byte[]> producer =
            new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    final OutboxRelay relay = new OutboxRelay(
            database,
            new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
            List.of("things"),
            Duration.ofHours(1));

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    static OutgoingMessage message(String id, Instant createdAt, Map<String, String> headers) {
        return new OutgoingMessage(id, "cart-commands", "cart_1", new byte[] {0, 1}, createdAt, headers);
    }

    static Map<String, String> headers(String eventId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EventHeaders.EVENT_ID, eventId);
        headers.put(EventHeaders.CE_TYPE, "com.draftorders.avro.cart.UnlockCart");
        headers.put(EventHeaders.CONTENT_TYPE, EventHeaders.AVRO_CONTENT_TYPE);
        headers.put(EventHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        return headers;
    }

    static Map<String, String> sentHeaders(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Test
    void theRelaySendsTheHeadersStoredWithTheMessageInTheirOrder() {
        StoredOutboxes.store(database, "things", "t1", List.of(message("evt_1", NOW, headers("evt_1"))));

        assertThat(relay.publish("things", "t1")).isEqualTo(1);

        assertThat(producer.history())
                .singleElement()
                .satisfies(record -> assertThat(sentHeaders(record)).containsExactlyEntriesOf(headers("evt_1")));
        assertThat(StoredOutboxes.outboxOf(database, "things", "t1")).isEmpty();
    }

    @Test
    void theBacklogCountsPendingMessagesAndTheAgeOfTheOldestPerCollection() {
        StoredOutboxes.store(
                database,
                "things",
                "t3",
                List.of(
                        message("evt_a", NOW.minusSeconds(30), headers("evt_a")),
                        message("evt_b", NOW.minusSeconds(5), headers("evt_b"))));
        StoredOutboxes.store(
                database, "things", "t4", List.of(message("evt_c", NOW.minusSeconds(12), headers("evt_c"))));
        StoredOutboxes.store(database, "things", "t5", List.of());
        var metrics = new OutboxMetrics(
                mongo, List.of("things", "empty"), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(5));
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        metrics.bindTo(registry);

        assertThat(metrics.backlog("things")).isEqualTo(new OutboxMetrics.Backlog(3, NOW.minusSeconds(30)));
        assertThat(registry.get(OutboxMetrics.PENDING)
                        .tag("collection", "things")
                        .gauge()
                        .value())
                .isEqualTo(3.0);
        assertThat(registry.get(OutboxMetrics.OLDEST_AGE)
                        .tag("collection", "things")
                        .gauge()
                        .value())
                .isEqualTo(30.0);
        assertThat(registry.get(OutboxMetrics.PENDING)
                        .tag("collection", "empty")
                        .gauge()
                        .value())
                .isZero();
        assertThat(registry.get(OutboxMetrics.OLDEST_AGE)
                        .tag("collection", "empty")
                        .gauge()
                        .value())
                .isZero();
    }

    @Test
    void theBacklogIsMeasuredAgainOnlyAfterTheRefreshInterval() {
        var clock = new MutableClock(NOW);
        var metrics = new OutboxMetrics(mongo, List.of("things"), clock, Duration.ofSeconds(5));
        assertThat(metrics.backlog("things").pending()).isZero();

        StoredOutboxes.store(database, "things", "t6", List.of(message("evt_d", NOW, headers("evt_d"))));

        assertThat(metrics.backlog("things").pending()).isZero();
        clock.now = NOW.plusSeconds(6);
        assertThat(metrics.backlog("things").pending()).isEqualTo(1);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
