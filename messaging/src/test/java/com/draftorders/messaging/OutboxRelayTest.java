package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class OutboxRelayTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final RecordingKafka kafka = new RecordingKafka();
    private MongoClient client;
    private MongoTemplate mongo;
    private OutboxRelay relay;
    private OutboxWriter writer;

    @BeforeEach
    void start() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "relay");
        relay = new OutboxRelay(mongo, kafka, List.of(Thing.COLLECTION), Duration.ofMinutes(10), 2);
        writer = new OutboxWriter(mongo, relay);
    }

    @AfterEach
    void stop() {
        if (relay.isRunning()) {
            relay.stop();
        }
        client.close();
        server.shutdownNow();
    }

    @Test
    void savedMessagesAreSentInOrderWithTheirEventIdAndThenLeaveTheOutbox() {
        relay.start();
        Thing thing = new Thing("thing_1");
        thing.enqueue(message("m1"));
        thing.enqueue(message("m2"));
        thing.enqueue(message("m3"));

        writer.save(thing);

        await(() -> outboxOf("thing_1").isEmpty());
        assertThat(kafka.sentIds()).containsExactly("m1", "m2", "m3");
        assertThat(kafka.sent.get(0).headers().lastHeader("event_id").value())
                .isEqualTo("m1".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void successiveSavesOfOneDocumentInOneBatchAreSentInSaveOrderEachMessageOnce() {
        Thing thing = new Thing("thing_2");
        thing.enqueue(message("m1"));
        writer.save(thing);
        thing.enqueue(message("m2"));
        writer.save(thing);
        var document = new OutboxRelay.DocumentRef(Thing.COLLECTION, "thing_2");

        int sent = relay.relay(List.of(
                new OutboxRelay.Pending(document, List.of(message("m1"))),
                new OutboxRelay.Pending(document, List.of(message("m1"), message("m2")))));

        assertThat(sent).isEqualTo(2);
        assertThat(kafka.sentIds()).containsExactly("m1", "m2");
        assertThat(outboxOf("thing_2")).isEmpty();
    }

    @Test
    void aSaveThatWritesBackAnAlreadySentMessageGetsItRemovedButNotSentAgain() {
        relay.start();
        Thing thing = new Thing("thing_6");
        thing.enqueue(message("first"));
        writer.save(thing);
        await(() -> outboxOf("thing_6").isEmpty());

        // loaded before the relay removed "first": the next save writes it back along with the new message
        thing.enqueue(message("second"));
        writer.save(thing);

        await(() -> outboxOf("thing_6").isEmpty());
        assertThat(kafka.sentIds()).containsExactly("first", "second");
    }

    @Test
    void whatACrashLeftInAnOutboxIsSentByTheSweepAtStart() {
        Thing thing = new Thing("thing_3");
        thing.enqueue(message("left"));
        mongo.save(thing); // saved, relay never told: as if the instance died right after the write

        relay.start();

        await(() -> outboxOf("thing_3").isEmpty());
        assertThat(kafka.sentIds()).containsExactly("left");
    }

    @Test
    void aFailedSendKeepsTheDocumentsOutboxAndIsRetriedUntilItGoesThrough() {
        kafka.failuresLeft = 2; // the broker does not acknowledge either message
        relay.start();
        Thing thing = new Thing("thing_4");
        thing.enqueue(message("a"));
        thing.enqueue(message("b"));

        writer.save(thing);

        await(() -> outboxOf("thing_4").isEmpty());
        // nothing was acknowledged at first; the retry, from MongoDB, sent both in order
        assertThat(kafka.sentIds()).containsExactly("a", "b");
    }

    @Test
    void aSynchronousPublishSendsWhatTheDocumentHoldsAndReportsHowMany() {
        Thing thing = new Thing("thing_5");
        thing.enqueue(message("x"));
        thing.enqueue(message("y"));
        mongo.save(thing);

        assertThat(relay.publish(Thing.COLLECTION, "thing_5")).isEqualTo(2);
        assertThat(relay.publish(Thing.COLLECTION, "thing_5")).isZero();
        assertThat(outboxOf("thing_5")).isEmpty();
        assertThat(kafka.sentIds()).containsExactly("x", "y");
    }

    private List<OutgoingMessage> outboxOf(String id) {
        return mongo.findById(id, Thing.class).getOutbox();
    }

    private static OutgoingMessage message(String id) {
        return new OutgoingMessage(
                id, "things", "thing", id.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-11-23T10:00:00Z"));
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Document(Thing.COLLECTION)
    static class Thing extends OutboxDocument {
        static final String COLLECTION = "things";

        @Id
        private String id;

        Thing(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }
    }

    /** Records what is sent; fails the next {@code failuresLeft} sends, as a broker that does not acknowledge. */
    private static final class RecordingKafka extends KafkaTemplate<String, byte[]> {
        final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();
        volatile int failuresLeft;

        RecordingKafka() {
            super(() -> null);
        }

        @Override
        public synchronized CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
            if (failuresLeft > 0) {
                failuresLeft--;
                return CompletableFuture.failedFuture(new IllegalStateException("not acknowledged"));
            }
            sent.add(record);
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        }

        synchronized List<String> sentIds() {
            return sent.stream()
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .toList();
        }
    }
}
