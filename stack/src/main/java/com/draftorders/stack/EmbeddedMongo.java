package com.draftorders.stack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB wire protocol served by mongo-java-server, its data in an H2 MVStore file so it survives a restart.
 * Services talk to it with the real MongoDB driver; no multi-document transactions, TTL or change streams here.
 * {@link EmbeddedMongoBackend} makes writes durable on request and serves queries by {@code _id} without scanning.
 */
final class EmbeddedMongo {

    private final StackSettings settings;
    private MongoServer server;

    EmbeddedMongo(StackSettings settings) {
        this.settings = settings;
    }

    void start() {
        try {
            Path dir = Files.createDirectories(settings.dataDir().resolve("mongo"));
            server = new MongoServer(
                    new EmbeddedMongoBackend(dir.resolve("mongo.mv").toString(), settings.mongoFsync()));
            server.bind(StackSettings.HOST, settings.mongoPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void stop() {
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }
}
