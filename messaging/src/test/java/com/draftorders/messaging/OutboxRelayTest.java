package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.testing.RecordingKafka;
import com.draftorders.messaging.testing.StoredOutboxes;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final RecordingKafka kafka = new RecordingKafka();
    private static final String THINGS = "things";

    private MongoClient client;
    private MongoDatabase mongo;
    private OutboxRelay relay;

    @BeforeEach
    void start() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = client.getDatabase("relay");
        relay = new OutboxRelay(mongo, kafka, List.of(THINGS), Duration.ofMinutes(10), 2);
    }

    /** Stores the document with its whole outbox and hands that to the relay, as a unit of work does. */
    private void save(String id, List<OutgoingMessage> outbox) {
        StoredOutboxes.store(mongo, THINGS, id, outbox);
        relay.publishSoon(THINGS, id, outbox);
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

        save("thing_1", List.of(message("m1"), message("m2"), message("m3")));

        await(() -> outboxOf("thing_1").isEmpty());
        assertThat(kafka.sentValues()).containsExactly("m1", "m2", "m3");
        assertThat(kafka.sent.get(0).headers().lastHeader("event_id").value())
                .isEqualTo("m1".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void successiveSavesOfOneDocumentInOneBatchAreSentInSaveOrderEachMessageOnce() {
        StoredOutboxes.store(mongo, THINGS, "thing_2", List.of(message("m1"), message("m2")));
        var document = new OutboxRelay.DocumentRef(THINGS, "thing_2");

        int sent = relay.relay(List.of(
                new OutboxRelay.Pending(document, List.of(message("m1"))),
                new OutboxRelay.Pending(document, List.of(message("m1"), message("m2")))));

        assertThat(sent).isEqualTo(2);
        assertThat(kafka.sentValues()).containsExactly("m1", "m2");
        assertThat(outboxOf("thing_2")).isEmpty();
    }

    @Test
    void aSaveThatWritesBackAnAlreadySentMessageGetsItRemovedButNotSentAgain() {
        relay.start();
        save("thing_6", List.of(message("first")));
        await(() -> outboxOf("thing_6").isEmpty());

        // loaded before the relay removed "first": the next write puts it back along with the new message
        save("thing_6", List.of(message("first"), message("second")));

        await(() -> outboxOf("thing_6").isEmpty());
        assertThat(kafka.sentValues()).containsExactly("first", "second");
    }

    @Test
    void whatACrashLeftInAnOutboxIsSentByTheSweepAtStart() {
        // written, relay never told: as if the instance died right after the write
        StoredOutboxes.store(mongo, THINGS, "thing_3", List.of(message("left")));

        relay.start();

        await(() -> outboxOf("thing_3").isEmpty());
        assertThat(kafka.sentValues()).containsExactly("left");
    }

    @Test
    void aFailedSendKeepsTheDocumentsOutboxAndIsRetriedUntilItGoesThrough() {
        kafka.failuresLeft = 2; // the broker does not acknowledge either message
        relay.start();

        save("thing_4", List.of(message("a"), message("b")));

        await(() -> outboxOf("thing_4").isEmpty());
        // nothing was acknowledged at first; the retry, from MongoDB, sent both in order
        assertThat(kafka.sentValues()).containsExactly("a", "b");
    }

    @Test
    void aSynchronousPublishSendsWhatTheDocumentHoldsAndReportsHowMany() {
        StoredOutboxes.store(mongo, THINGS, "thing_5", List.of(message("x"), message("y")));

        assertThat(relay.publish(THINGS, "thing_5")).isEqualTo(2);
        assertThat(relay.publish(THINGS, "thing_5")).isZero();
        assertThat(outboxOf("thing_5")).isEmpty();
        assertThat(kafka.sentValues()).containsExactly("x", "y");
    }

    @Test
    void aDocumentWrittenAgainBeforeItsRemovalIsDueNeedsNoRemovalOfItsOwn() {
        java.util.concurrent.atomic.AtomicInteger pulls = new java.util.concurrent.atomic.AtomicInteger();
        var listener = new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                if (event.getCommandName().equals("update")
                        && event.getCommand().toJson().contains("$pull")) {
                    pulls.incrementAndGet();
                }
            }
        };
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient counted = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(listener)
                .build())) {
            MongoDatabase database = counted.getDatabase("relay");
            OutboxRelay delayed =
                    new OutboxRelay(database, kafka, List.of(THINGS), Duration.ofMinutes(10), 1, Duration.ofSeconds(2));
            delayed.start();
            try {
                StoredOutboxes.store(database, THINGS, "thing_7", List.of(message("a")));
                delayed.publishSoon(THINGS, "thing_7", List.of(message("a")));
                await(() -> kafka.sentValues().contains("a"));
                // the next write leaves the acknowledged message out, as a unit of work does
                StoredOutboxes.store(database, THINGS, "thing_7", List.of(message("b")));
                delayed.publishSoon(THINGS, "thing_7", List.of(message("b")));

                await(() -> outboxOf("thing_7").isEmpty());
                assertThat(kafka.sentValues()).containsExactly("a", "b");
                assertThat(pulls).as("one removal, for b only").hasValue(1);
            } finally {
                delayed.stop();
            }
        }
    }

    private List<OutgoingMessage> outboxOf(String id) {
        return StoredOutboxes.outboxOf(mongo, THINGS, id);
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
}
