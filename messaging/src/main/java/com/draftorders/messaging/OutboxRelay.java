package com.draftorders.messaging;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Projections.include;

import com.draftorders.schemas.EventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes what aggregates wrote to their {@code outbox} array and then removes it (at-least-once: a crash between
 * the send and the removal sends again; consumers deduplicate on {@code event_id}). Documents are relayed right
 * after a service saves them, and a periodic sweep picks up anything a crash left behind. Messages of one document
 * are sent in order with an idempotent producer ({@code acks=all}).
 *
 * <p>Several instances of a service may relay the same document at once; that can only duplicate a send, never
 * lose or reorder one within an instance, and duplicates are what consumers already tolerate.
 */
public class OutboxRelay implements SmartLifecycle {

    public static final String OUTBOX_FIELD = "outbox";
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final Duration sweepInterval;
    private ExecutorService publisher;
    private ScheduledExecutorService sweeper;
    private volatile boolean running;

    public OutboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> kafka,
            List<String> collections,
            Duration sweepInterval) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.sweepInterval = sweepInterval;
    }

    /** Relays the outbox of one document soon, off the caller's thread. */
    public void publishSoon(String collection, Object id) {
        if (running) {
            publisher.execute(() -> publishQuietly(collection, id));
        }
    }

    /** Sends the pending messages of one document and removes them from its outbox; returns how many were sent. */
    public int publish(String collection, Object id) {
        var documents = mongo.getCollection(collection);
        Document document =
                documents.find(eq("_id", id)).projection(include(OUTBOX_FIELD)).first();
        if (document == null) {
            return 0;
        }
        List<Document> outbox = document.getList(OUTBOX_FIELD, Document.class, List.of());
        if (outbox.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        for (Document message : outbox) {
            byte[] value = message.get("value", Binary.class).getData();
            var record = new ProducerRecord<>(message.getString("topic"), message.getString("key"), value);
            Document headers = message.get("headers", Document.class);
            if (headers == null || headers.isEmpty()) {
                // stored before messages kept their headers
                record.headers()
                        .add(
                                EventHeaders.EVENT_ID,
                                message.getString("messageId").getBytes(StandardCharsets.UTF_8));
            } else {
                headers.forEach((name, header) ->
                        record.headers().add(name, String.valueOf(header).getBytes(StandardCharsets.UTF_8)));
            }
            sends.add(kafka.send(record));
            sent.add(message.getString("messageId"));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        documents.updateOne(
                eq("_id", id),
                new Document(
                        "$pull", new Document(OUTBOX_FIELD, new Document("messageId", new Document("$in", sent)))));
        return sent.size();
    }

    /** Relays every document that still has pending messages; returns how many messages were sent. */
    public int sweep() {
        int sent = 0;
        for (String collection : collections) {
            List<Object> ids = new ArrayList<>();
            mongo.getCollection(collection)
                    .find(exists(OUTBOX_FIELD + ".0"))
                    .projection(include("_id"))
                    .limit(1000)
                    .forEach(d -> ids.add(d.get("_id")));
            for (Object id : ids) {
                sent += publish(collection, id);
            }
        }
        return sent;
    }

    /** Pending messages across all relayed collections (the outbox backlog). */
    public long backlog() {
        long pending = 0;
        for (String collection : collections) {
            pending += mongo.getCollection(collection).countDocuments(exists(OUTBOX_FIELD + ".0"));
        }
        return pending;
    }

    private void publishQuietly(String collection, Object id) {
        try {
            publish(collection, id);
        } catch (RuntimeException e) {
            log.warn("outbox relay of {}/{} failed, the sweep retries: {}", collection, id, e.toString());
        }
    }

    private void sweepQuietly() {
        try {
            int sent = sweep();
            if (sent > 0) {
                log.info("outbox sweep relayed {} message(s)", sent);
            }
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed, retrying in {}: {}", sweepInterval, e.toString());
        }
    }

    @Override
    public void start() {
        publisher = Executors.newSingleThreadExecutor(r -> new Thread(r, "outbox-relay"));
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-sweep"));
        sweeper.scheduleWithFixedDelay(
                () -> publisher.execute(this::sweepQuietly), 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        sweeper.shutdownNow();
        publisher.shutdownNow();
        try {
            publisher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
