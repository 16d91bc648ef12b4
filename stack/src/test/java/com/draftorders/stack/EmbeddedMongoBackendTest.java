package com.draftorders.stack;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's backend answers like mongo-java-server's H2 backend, across restarts, and a write acknowledged
 * under a journaled write concern is on disk when the client hears of it.
 */
class EmbeddedMongoBackendTest {

    @Test
    void secondaryIndexesAreAcceptedWithoutAWarningEachAndQueriesOnThemStillAnswer() throws Exception {
        var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        logs.start();
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        Path file = Files.createTempDirectory("h2-backend").resolve("mongo.mv");
        MongoServer server = new MongoServer(new EmbeddedMongoBackend(file.toString(), false));
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("indexed");
            things.createIndex(Indexes.ascending("store_id", "updated_at"));
            things.createIndex(Indexes.ascending("email"));
            things.insertOne(new Document("_id", "a").append("email", "ada@example.com"));

            assertThat(things.find(eq("email", "ada@example.com")).first()).isNotNull();
        } finally {
            server.shutdownNow();
            root.detachAppender(logs);
        }
        assertThat(logs.list)
                .noneMatch(e -> e.getFormattedMessage().contains("not yet implemented"))
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN)
                        && e.getLoggerName().startsWith("de.bwaldvogel"));
    }

    @Test
    void aJournaledWriteIsInTheFileWhenItIsAcknowledged() throws Exception {
        Path file = Files.createTempDirectory("h2-backend").resolve("mongo.mv");
        MongoServer server = new MongoServer(new EmbeddedMongoBackend(file.toString(), false));
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/?w=majority&journal=true")) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            for (int i = 0; i < 20; i++) {
                things.insertOne(new Document("_id", "t" + i).append("n", i));
                // what a crash right now would leave: the file as it is on disk
                Path copy = Files.createTempDirectory("h2-crash").resolve("mongo.mv");
                Files.copy(file, copy);
                assertThat(countIn(copy))
                        .as("documents on disk after write " + i)
                        .isEqualTo(i + 1);
            }
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void concurrentJournaledWritesShareCommits() throws Exception {
        Path file = Files.createTempDirectory("h2-backend").resolve("mongo.mv");
        EmbeddedMongoBackend backend = new EmbeddedMongoBackend(file.toString(), false);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/?w=majority&journal=true")) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            things.insertOne(new Document("_id", "warm-up"));
            long before = backend.durableCommits();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
            List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                writes.add(pool.submit(() -> things.insertOne(new Document("_id", "c" + n))));
            }
            for (var write : writes) {
                write.get();
            }
            pool.shutdown();
            long commits = backend.durableCommits() - before;
            assertThat(commits)
                    .as("one commit covers the writes that waited for it")
                    .isLessThan(400);
            assertThat(things.countDocuments()).isEqualTo(401);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void updatesWhileCommitsWriteTheSameDocumentsNeitherFailNorCorruptTheStore() throws Exception {
        Path file = Files.createTempDirectory("h2-backend").resolve("mongo.mv");
        EmbeddedMongoBackend backend = new EmbeddedMongoBackend(file.toString(), false);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/?w=majority&journal=true")) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            for (int i = 0; i < 8; i++) {
                Document thing = new Document("_id", "t" + i).append("n", 0);
                for (int f = 0; f < 300; f++) {
                    thing.append("f" + f, "value " + f);
                }
                things.insertOne(thing);
            }
            var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            List<java.util.concurrent.Future<?>> writers = new ArrayList<>();
            long until = System.nanoTime() + java.time.Duration.ofSeconds(4).toNanos();
            for (int w = 0; w < 6; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int k = 0; System.nanoTime() < until; k++) {
                        // fields come and go: the stored document's structure changes with every update
                        String id = "t" + ((writer + k) % 8);
                        things.updateOne(
                                eq("_id", id),
                                k % 2 == 0
                                        ? Updates.combine(Updates.inc("n", 1), Updates.set("extra" + k % 10, k))
                                        : Updates.combine(Updates.inc("n", 1), Updates.unset("extra" + (k - 1) % 10)));
                    }
                }));
            }
            for (var writer : writers) {
                writer.get();
            }
            pool.shutdown();
            long total = 0;
            for (Document thing : things.find()) {
                total += thing.getInteger("n");
            }
            assertThat(backend.getMvStore().isClosed())
                    .as("the store is still open")
                    .isFalse();
            Path copy = Files.createTempDirectory("h2-crash").resolve("mongo.mv");
            Files.copy(file, copy);
            assertThat(countIn(copy)).isEqualTo(8);
            assertThat(total).isPositive();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aMajorityReadAnswersOnlyWhatIsOnDisk() throws Exception {
        Path file = Files.createTempDirectory("h2-backend").resolve("mongo.mv");
        MongoServer server = new MongoServer(new EmbeddedMongoBackend(file.toString(), false));
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort() + "/?w=1")) {
            MongoCollection<Document> things = client.getDatabase("test").getCollection("things");
            things.insertOne(new Document("_id", "unjournaled"));

            assertThat(things.withReadConcern(com.mongodb.ReadConcern.MAJORITY)
                            .find(eq("_id", "unjournaled"))
                            .first())
                    .isNotNull();
            Path copy = Files.createTempDirectory("h2-crash").resolve("mongo.mv");
            Files.copy(file, copy);
            assertThat(countIn(copy))
                    .as("what the majority read returned is on disk")
                    .isEqualTo(1);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void documentsOfAnOlderDataDirectoryAreConvertedToBsonStorageOnce() throws Exception {
        Path file = Files.createTempDirectory("h2-backend").resolve("mongo.mv");
        MongoServer legacy = new MongoServer(new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString()));
        InetSocketAddress legacyAddress = legacy.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + legacyAddress.getHostString() + ":" + legacyAddress.getPort())) {
            client.getDatabase("test")
                    .getCollection("things")
                    .insertOne(new Document("_id", "old").append("nested", new Document("list", List.of(1, 2))));
        } finally {
            legacy.shutdownNow();
        }

        withServer(file, things -> {
            assertThat(things.find(eq("_id", "old")).first())
                    .isEqualTo(new Document("_id", "old").append("nested", new Document("list", List.of(1, 2))));
            things.insertOne(new Document("_id", "new"));
        });
        withServer(file, things -> assertThat(things.countDocuments()).isEqualTo(2));
    }

    /** How many documents collection test.things holds in the MVStore file {@code copy}, opened as a restart would. */
    @Test
    void theFileStaysNearTheSizeOfItsDataWhileDocumentsAreRewrittenOneCommitAtATime() throws Exception {
        Path file = Files.createTempDirectory("h2-backend").resolve("mongo.mv");
        MongoServer server = new MongoServer(new EmbeddedMongoBackend(file.toString(), false));
        InetSocketAddress address = server.bind();
        String body = "x".repeat(3000);
        try (MongoClient client = MongoClients.create(
                "mongodb://" + address.getHostString() + ":" + address.getPort() + "/?w=majority&journal=true")) {
            MongoCollection<Document> drafts = client.getDatabase("test").getCollection("drafts");
            // a saga's pattern: each document written a few times, every write journaled (one commit each)
            for (int i = 0; i < 1500; i++) {
                String id = "d" + i;
                drafts.insertOne(new Document("_id", id).append("version", 0).append("body", body));
                for (int version = 1; version < 4; version++) {
                    drafts.replaceOne(
                            and(eq("_id", id), eq("version", version - 1)),
                            new Document("_id", id).append("version", version).append("body", body));
                }
            }
            long data = 1500L * body.length();
            // with H2's default 45 s retention of dead chunks: 150 MB; with one second: 32-41 MB
            assertThat(Files.size(file))
                    .as("file size for %d bytes of documents after 6,000 commits", data)
                    .isLessThan(12 * data);
        } finally {
            server.shutdownNow();
        }
    }

    private static long countIn(Path copy) {
        MongoServer server = new MongoServer(new EmbeddedMongoBackend(copy.toString(), false));
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            return client.getDatabase("test").getCollection("things").countDocuments();
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void aQueryByIdAndVersionMatchesTheWholeQueryAgainstTheOneDocument() throws Exception {
        Path file = Files.createTempDirectory("h2-backend").resolve("mongo.mv");
        withServer(file, things -> {
            things.insertOne(new Document("_id", "a").append("version", 1L).append("n", 1));
            things.insertOne(new Document("_id", "b").append("version", 1L).append("n", 2));

            assertThat(things.updateOne(and(eq("_id", "a"), eq("version", 1L)), Updates.set("version", 2L))
                            .getModifiedCount())
                    .isEqualTo(1);
            assertThat(things.updateOne(and(eq("_id", "a"), eq("version", 1L)), Updates.set("version", 3L))
                            .getMatchedCount())
                    .as("a stale version matches nothing")
                    .isZero();
            assertThat(things.find(and(eq("_id", "b"), eq("n", 2))).into(new ArrayList<>()))
                    .extracting(d -> d.get("_id"))
                    .containsExactly("b");
            assertThat(things.find(and(eq("_id", "zzz"), eq("n", 2))).first()).isNull();
        });
    }

    @Test
    void uniqueIndexesFindAndRefuseKeysBeforeAndAfterARestart() throws Exception {
        Path file = Files.createTempDirectory("h2-backend").resolve("mongo.mv");
        withServer(file, things -> {
            things.createIndex(
                    Indexes.ascending("ref"), new IndexOptions().unique(true).sparse(true));
            for (int i = 0; i < 500; i++) {
                things.insertOne(new Document("_id", "t" + i).append("ref", "r" + (i * 7919 % 500)));
            }
            things.insertOne(new Document("_id", "no-ref"));

            assertThat(things.find(eq("ref", "r123")).first()).isNotNull();
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "dup").append("ref", "r123")))
                    .isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "t3")))
                    .isInstanceOf(MongoWriteException.class);
            things.updateOne(eq("_id", "t1"), Updates.set("ref", "moved"));
        });

        withServer(file, things -> {
            assertThat(things.countDocuments()).isEqualTo(501);
            List<String> found = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                Document d = things.find(eq("_id", "t" + i)).first();
                found.add(d.getString("ref"));
                assertThat(things.find(eq("ref", d.getString("ref"))).first()).isEqualTo(d);
            }
            assertThat(found).contains("moved").doesNotHaveDuplicates();
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "dup").append("ref", "moved")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(things.find(eq("ref", "r7919")).first()).isNull();
        });
    }

    private static void withServer(Path file, Consumer<MongoCollection<Document>> test) {
        MongoServer server = new MongoServer(new EmbeddedMongoBackend(file.toString(), false));
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            test.accept(client.getDatabase("test").getCollection("things"));
        } finally {
            server.shutdownNow();
        }
    }
}
