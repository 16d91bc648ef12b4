package com.draftorders.messaging.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutboxRelay;
import com.draftorders.messaging.testing.RecordingKafka;
import com.draftorders.messaging.work.UnitOfWork.Outcome;
import com.draftorders.messaging.work.UnitOfWork.Work;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnitOfWorkTest {

    private static final Tally.Type TALLIES = new Tally.Type();
    private static final Correlation FLOW = new Correlation("corr_1", null);

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final RecordingKafka kafka = new RecordingKafka();
    private MongoClient client;
    private MongoDatabase database;
    private OutboxRelay relay;
    private UnitOfWork work;

    @BeforeEach
    void start() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("work");
        new AggregateIndexes(database, List.of(TALLIES)).afterSingletonsInstantiated();
        relay = new OutboxRelay(
                database, kafka, List.of(TALLIES.collection(), UnitOfWork.RECEIPTS), Duration.ofHours(1));
        work = new UnitOfWork(database, relay, Clock.systemUTC(), 4);
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
    void aBatchAppliesItsMessagesInOrderAndWritesEachDocumentOnceWithItsOutbox() {
        open("t1");
        List<Outcome> outcomes = work.run(List.of(add("t1", "m1", 2), add("t1", "m2", 3), add("t1", "m3", 5)));

        assertThat(outcomes).noneMatch(Outcome::failed);
        Document stored = stored("t1");
        assertThat(stored.getLong("total")).isEqualTo(10);
        assertThat(stored.getLong(UnitOfWork.VERSION))
                .as("one write for the batch after the opening one")
                .isEqualTo(2);
        assertThat(stored.getList(UnitOfWork.PROCESSED, String.class)).containsExactly("m1", "m2", "m3");
        assertThat(outboxValues("t1")).containsExactly("opened:t1", "added:2", "added:3", "added:5");
    }

    @Test
    void aMessageTheDocumentHoldsAlreadyChangesNothing() {
        open("t1");
        work.run(List.of(add("t1", "m1", 2)));

        List<Outcome> again = work.run(List.of(add("t1", "m1", 2), add("t1", "m1", 2)));

        assertThat(again).allMatch(Outcome::skipped);
        assertThat(stored("t1").getLong("total")).isEqualTo(2);
        assertThat(stored("t1").getLong(UnitOfWork.VERSION)).isEqualTo(2);
    }

    @Test
    void aFailingHandlerIsUndoneAloneAndTheMessagesAroundItStillApply() {
        open("t1");
        List<Outcome> outcomes = work.run(List.of(add("t1", "m1", 2), add("t1", "m2", -1), add("t1", "m3", 5)));

        assertThat(outcomes.get(1).failure()).isInstanceOf(IllegalArgumentException.class);
        assertThat(outcomes.get(0).failed()).isFalse();
        assertThat(outcomes.get(2).failed()).isFalse();
        assertThat(stored("t1").getLong("total")).isEqualTo(7);
        assertThat(stored("t1").getList(UnitOfWork.PROCESSED, String.class)).containsExactly("m1", "m3");
    }

    @Test
    void aHandlerThatFailsBecauseMongoDbDidFailsTheWholeBatchSoThatItIsRunAgainNotDeadLettered() {
        open("t1");
        Work<Tally> readsReferenceData = new Work<>(Address.byId(TALLIES, "t1", "s1"), "m2", FLOW, null, target -> {
            throw new MongoTimeoutException("reference data unreachable");
        });

        assertThatThrownBy(() -> work.run(List.of(add("t1", "m1", 2), readsReferenceData)))
                .isInstanceOf(MongoTimeoutException.class);
        assertThat(stored("t1").getLong("total")).isZero();
        assertThat(stored("t1").getList(UnitOfWork.PROCESSED, String.class, List.of()))
                .isEmpty();
    }

    @Test
    void aDocumentAnotherWriterChangedIsDecidedAgainOnTheFreshState() {
        open("t1");
        AtomicInteger runs = new AtomicInteger();
        Function<Target<Tally>, Object> step = target -> {
            if (runs.getAndIncrement() == 0) {
                // another instance writes between this unit's load and its write
                database.getCollection("tallies")
                        .updateOne(
                                Filters.eq("_id", "t1"),
                                Updates.combine(Updates.inc("total", 100L), Updates.inc(UnitOfWork.VERSION, 1L)));
            }
            target.current().orElseThrow().add(1);
            return target.current().orElseThrow().total;
        };

        Object total = work.execute(Address.byId(TALLIES, "t1", "s1"), FLOW, step);

        assertThat(runs).hasValue(2);
        assertThat(total).isEqualTo(101L);
        assertThat(stored("t1").getLong("total")).isEqualTo(101);
    }

    @Test
    void aCachedDocumentThatAnotherWriterChangedIsReadAgainAndDecidedOnTheFreshState() {
        UnitOfWork cached = new UnitOfWork(database, relay, Clock.systemUTC(), 4, 100);
        cached.execute(Address.byId(TALLIES, "t5", "s1"), FLOW, t -> t.create(Tally.open("t5", "s1", null)));
        cached.run(List.of(add("t5", "m1", 1)));
        // another instance writes meanwhile: this one's cached copy is now stale
        database.getCollection("tallies")
                .updateOne(
                        Filters.eq("_id", "t5"),
                        Updates.combine(Updates.inc("total", 100L), Updates.inc(UnitOfWork.VERSION, 1L)));

        List<Outcome> outcomes = cached.run(List.of(add("t5", "m2", 10)));

        assertThat(outcomes).noneMatch(Outcome::failed);
        assertThat(stored("t5").getLong("total")).isEqualTo(111);
        assertThat(stored("t5").getList(UnitOfWork.PROCESSED, String.class)).containsExactly("m1", "m2");
    }

    @Test
    void aCachedDocumentIsNotReadAgainForTheNextMessage() {
        java.util.concurrent.atomic.AtomicInteger finds = new java.util.concurrent.atomic.AtomicInteger();
        var listener = new com.mongodb.event.CommandListener() {
            @Override
            public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                if (event.getCommandName().equals("find")) {
                    finds.incrementAndGet();
                }
            }
        };
        InetSocketAddress address = server.getLocalAddress();
        try (MongoClient counted = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .addCommandListener(listener)
                .build())) {
            UnitOfWork cached = new UnitOfWork(counted.getDatabase("work"), relay, Clock.systemUTC(), 4, 100);
            cached.execute(Address.byId(TALLIES, "t6", "s1"), FLOW, t -> t.create(Tally.open("t6", "s1", null)));
            int before = finds.get();

            cached.run(List.of(add("t6", "m1", 1)));
            cached.run(List.of(add("t6", "m2", 2)));

            assertThat(finds.get() - before).as("finds after the creation").isZero();
            assertThat(stored("t6").getLong("total")).isEqualTo(3);
        }
    }

    @Test
    void aDocumentThatKeepsChangingIsGivenUpAfterTheAttempts() {
        open("t1");
        Function<Target<Tally>, Object> step = target -> {
            database.getCollection("tallies").updateOne(Filters.eq("_id", "t1"), Updates.inc(UnitOfWork.VERSION, 1L));
            target.current().orElseThrow().add(1);
            return null;
        };

        assertThatThrownBy(() -> work.execute(Address.byId(TALLIES, "t1", "s1"), FLOW, step))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(stored("t1").getLong("total")).isZero();
    }

    @Test
    void anAggregateCreatedAtAUniqueAddressIsFoundThereByTheNextMessagesOfTheBatch() {
        Address<Tally> byReference = Address.by(TALLIES, "reference", "ref-1", "s1");
        Function<Target<Tally>, Object> openOnce =
                target -> target.current().orElseGet(() -> target.create(Tally.open("t9", "s1", "ref-1"))).id;

        List<Outcome> outcomes = work.run(List.of(
                new Work<>(byReference, "m1", FLOW, null, openOnce),
                new Work<>(byReference, "m2", FLOW, null, openOnce),
                new Work<>(byReference, "m3", FLOW, null, target -> {
                    target.current().orElseThrow().add(4);
                    return null;
                })));

        assertThat(outcomes).extracting(Outcome::value).containsExactly("t9", "t9", null);
        assertThat(stored("t9").getLong("total")).isEqualTo(4);
        assertThat(database.getCollection("tallies").countDocuments()).isEqualTo(1);
    }

    @Test
    void twoUnitsCreatingAtOneUniqueAddressMakeOneAggregate() {
        Address<Tally> byReference = Address.by(TALLIES, "reference", "ref-2", "s1");
        List<String> created = new ArrayList<>();
        Function<Target<Tally>, Object> openOnce =
                target -> target.current().map(t -> t.id).orElseGet(() -> {
                    if (created.isEmpty()) {
                        // the other unit wins the race after this one looked
                        work.execute(byReference, FLOW, t -> t.create(Tally.open("first", "s1", "ref-2")));
                    }
                    String id = "second-" + created.size();
                    created.add(id);
                    return target.create(Tally.open(id, "s1", "ref-2")).id;
                });

        Object id = work.execute(byReference, FLOW, openOnce);

        assertThat(id).isEqualTo("first");
        assertThat(database.getCollection("tallies").countDocuments()).isEqualTo(1);
    }

    @Test
    void aNewAggregateRefusedByAnotherUniqueIndexFailsAloneWithoutRetrying() {
        work.execute(
                Address.byId(TALLIES, "t1", "s1"), FLOW, target -> target.create(Tally.open("t1", "s1", "ref-dup")));
        AtomicInteger runs = new AtomicInteger();

        List<Outcome> outcomes = work.run(List.of(
                new Work<>(Address.byId(TALLIES, "t2", "s1"), "m1", FLOW, null, target -> {
                    runs.incrementAndGet();
                    return target.create(Tally.open("t2", "s1", "ref-dup"));
                }),
                add("t1", "m2", 5)));

        assertThat(outcomes.get(0).failure()).isInstanceOf(DuplicateKeyException.class);
        assertThat(runs).as("decided once: a retry cannot help").hasValue(1);
        assertThat(outcomes.get(1).failed()).isFalse();
        assertThat(stored("t1").getLong("total")).isEqualTo(5);
        assertThat(stored("t2")).isNull();
    }

    @Test
    void anAddressOfAnotherStoreFindsNothingAndCannotCreateThere() {
        open("t1");
        Object seen = work.execute(Address.byId(TALLIES, "t1", "other-store"), FLOW, target -> {
            assertThat(target.taken()).isTrue();
            return target.current().isPresent();
        });

        assertThat(seen).isEqualTo(false);
    }

    @Test
    void aReplyWithoutAnAggregateIsSentOnceFromAReceipt() {
        relay.start();
        Function<Target<Tally>, Object> reject = target -> {
            target.send(Tally.message("reply-" + target.cause().causationId(), "t404", "no such tally"));
            return null;
        };
        Address<Tally> missing = Address.byId(TALLIES, "t404", "s1");
        Correlation cause = new Correlation("corr", "m1");

        work.run(List.of(new Work<>(missing, "m1", cause, null, reject)));
        work.run(List.of(new Work<>(missing, "m1", cause, null, reject)));

        Eventually.await(() -> database.getCollection(UnitOfWork.RECEIPTS)
                        .find(Filters.exists("outbox.0"))
                        .first()
                == null);
        assertThat(kafka.sentValues()).containsExactly("no such tally");
        assertThat(database.getCollection(UnitOfWork.RECEIPTS).countDocuments()).isEqualTo(1);
    }

    @Test
    void outboxesReachTheRelayAfterTheWriteAndLeaveTheDocumentOnceAcknowledged() {
        relay.start();
        open("t1");
        work.run(List.of(add("t1", "m1", 2)));

        Eventually.await(() -> outboxValues("t1").isEmpty());
        assertThat(kafka.sentValues()).containsExactly("opened:t1", "added:2");

        work.run(List.of(add("t1", "m2", 3)));
        Eventually.await(() -> outboxValues("t1").isEmpty());
        assertThat(kafka.sentValues()).containsExactly("opened:t1", "added:2", "added:3");
    }

    private void open(String id) {
        work.execute(Address.byId(TALLIES, id, "s1"), FLOW, target -> target.create(Tally.open(id, "s1", null)));
    }

    private static Work<Tally> add(String id, String messageId, long amount) {
        return new Work<>(Address.byId(TALLIES, id, "s1"), messageId, FLOW, null, target -> {
            target.current().orElseThrow().add(amount);
            return null;
        });
    }

    private Document stored(String id) {
        return database.getCollection("tallies").find(Filters.eq("_id", id)).first();
    }

    private List<String> outboxValues(String id) {
        return stored(id).getList("outbox", Document.class, List.of()).stream()
                .map(m -> new String(m.get("value", org.bson.types.Binary.class).getData()))
                .toList();
    }

    /** Waits (at most 10 s) for a condition. */
    static final class Eventually {
        static void await(java.util.function.BooleanSupplier condition) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not met in 10 s");
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
