package com.draftorders.cart.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** A throw-away in-memory MongoDB wire-protocol server (mongo-java-server) and the {@code carts} database on it. */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;

    public InMemoryMongo() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoDatabase database() {
        return client.getDatabase("carts");
    }

    /** The database as Spring's configuration gets it. */
    public MongoDatabaseFactory databaseFactory() {
        return new SimpleMongoClientDatabaseFactory(client, "carts");
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
