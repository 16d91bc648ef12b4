package com.draftorders.messaging.testing;

import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.OutboxRelay;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.TraceContext;
import com.draftorders.messaging.work.AggregateIndexes;
import com.draftorders.messaging.work.AggregateReads;
import com.draftorders.messaging.work.AggregateType;
import com.draftorders.messaging.work.Bson;
import com.draftorders.messaging.work.Outboxes;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.messaging.work.UnitOfWork.Outcome;
import com.draftorders.messaging.work.UnitOfWork.Work;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.RawBsonDocument;

/**
 * A unit of work on the embedded MongoDB-protocol server (in memory) for handler tests: deliver messages through a
 * service's real {@link Subscription}, then read what was stored and what waits in the outboxes. No relay runs, so
 * every message a change caused stays in its document's outbox for the test to read.
 */
public final class WorkTestbed implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    public final MongoDatabase database;
    public final UnitOfWork work;
    public final AggregateReads reads;
    private final List<AggregateType<?>> types;

    public WorkTestbed(String database, AggregateType<?>... types) {
        InetSocketAddress address = server.bind();
        this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        this.database = client.getDatabase(database);
        this.types = List.of(types);
        OutboxRelay relay = new OutboxRelay(this.database, null, List.of(), Duration.ofHours(1));
        this.work = new UnitOfWork(this.database, relay, Clock.systemUTC(), 4);
        this.reads = new AggregateReads(this.database);
        createIndexes();
    }

    private void createIndexes() {
        new AggregateIndexes(database, types).afterSingletonsInstantiated();
    }

    /** Drops every collection (between tests) and creates the indexes again. */
    public void clear() {
        for (String name : database.listCollectionNames()) {
            database.getCollection(name).drop();
        }
        createIndexes();
    }

    /**
     * Delivers the messages as one poll's batch and returns what became of each; a message the subscription cannot
     * even address (invalid) throws, as it would go to the dead-letter topic before the unit of work runs.
     */
    public List<Outcome> deliverBatch(Subscription subscription, List<? extends IncomingMessage<?>> messages) {
        List<Work<?>> works = new ArrayList<>();
        for (IncomingMessage<?> message : messages) {
            works.addAll(subscription.worksFor(message, TraceContext.newTrace()));
        }
        return work.run(works);
    }

    /** Delivers one message as its own batch; rethrows what its handler threw (it would be dead-lettered). */
    public void deliver(Subscription subscription, IncomingMessage<?> message) {
        for (Outcome outcome : deliverBatch(subscription, List.of(message))) {
            if (outcome.failed()) {
                throw outcome.failure();
            }
        }
    }

    /** An aggregate as stored, with the unit of work's bookkeeping beside it; null when there is none. */
    public <A> Stored<A> stored(AggregateType<A> type, String id) {
        RawBsonDocument document = database.getCollection(type.collection(), RawBsonDocument.class)
                .find(Filters.eq("_id", id))
                .first();
        if (document == null) {
            return null;
        }
        A aggregate;
        try (BsonReader reader = document.asBsonReader()) {
            aggregate = type.read(reader);
        }
        return new Stored<>(aggregate, outboxOf(document), processedOf(document), versionOf(document), document);
    }

    /** The receipts: outboxes of replies sent where there was no aggregate. */
    public List<Stored<String>> receipts() {
        List<Stored<String>> receipts = new ArrayList<>();
        for (RawBsonDocument document : database.getCollection(UnitOfWork.RECEIPTS, RawBsonDocument.class)
                .find()) {
            receipts.add(
                    new Stored<>(document.getString("_id").getValue(), outboxOf(document), List.of(), 0, document));
        }
        return receipts;
    }

    /** What is stored for one aggregate. */
    public record Stored<A>(
            A aggregate, List<OutgoingMessage> outbox, List<String> processed, long version, RawBsonDocument raw) {}

    private static List<OutgoingMessage> outboxOf(RawBsonDocument document) {
        try (BsonReader reader = document.asBsonReader()) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                if (reader.readName().equals(Outboxes.FIELD)) {
                    return Outboxes.read(reader);
                }
                reader.skipValue();
            }
        }
        return List.of();
    }

    private static List<String> processedOf(RawBsonDocument document) {
        try (BsonReader reader = document.asBsonReader()) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                if (reader.readName().equals(UnitOfWork.PROCESSED)) {
                    return Bson.readStrings(reader);
                }
                reader.skipValue();
            }
        }
        return List.of();
    }

    private static long versionOf(RawBsonDocument document) {
        return document.containsKey(UnitOfWork.VERSION)
                ? document.getInt64(UnitOfWork.VERSION).getValue()
                : 0;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
