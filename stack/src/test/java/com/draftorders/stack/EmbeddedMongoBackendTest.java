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

/** The embedded server's backend answers like mongo-java-server's H2 backend, across restarts. */
class EmbeddedMongoBackendTest {

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
