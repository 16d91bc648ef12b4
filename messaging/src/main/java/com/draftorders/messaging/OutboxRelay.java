package com.draftorders.messaging;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Projections.include;

import com.draftorders.messaging.work.Outboxes;
import com.draftorders.schemas.EventHeaders;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes what aggregates wrote to their {@code outbox} array and then removes it (at-least-once: a crash between
 * the send and the removal sends again; consumers deduplicate on {@code event_id}). Messages of one document are
 * sent in order with an idempotent producer ({@code acks=all}).
 *
 * <p><b>Steady state, from memory.</b> {@link OutboxWriter} hands the relay the messages of each document it has
 * just saved ({@link #publishSoon(String, Object, List)}); nothing is read back from MongoDB. Each document is
 * relayed by one of {@code threads} lanes chosen by its collection and id, so everything about one document —
 * messages of successive saves, retries, sweeps — goes through one thread in the order it was handed over. A lane
 * takes everything queued at once (up to {@link #MAX_BATCH} documents; several saves of one document merge, in
 * order, without repeats), sends it all before waiting for the acknowledgements, then removes what was acknowledged
 * with one bulk {@code $pull} per collection. A document whose send failed (or was not acknowledged) keeps its
 * outbox, none of its later messages of that batch are sent, and it is retried from MongoDB every second.
 *
 * <p><b>Crashes and other instances: the sweep.</b> What the memory of this instance does not know about is found by
 * the sweep, which queries every relayed collection for documents with a pending outbox and relays them from
 * MongoDB: once at start, then every {@code sweepInterval}. It covers:
 *
 * <ul>
 *   <li>this instance crashing (or being stopped) between a save and its relay: the messages are in MongoDB, and the
 *       restarted instance's first sweep sends them;
 *   <li>another instance of the service crashing and not coming back: a surviving instance's sweep sends its
 *       leftovers, at most {@code sweepInterval} later;
 *   <li>a write whose relay failed and whose retries a crash interrupted.
 * </ul>
 *
 * <p>The relay remembers the ids the broker acknowledged lately ({@value #ACKNOWLEDGED_KEPT}), so a message handed
 * over twice — by successive saves whose outboxes overlap, by a save that loaded its document before the relay
 * removed a message and so wrote it back, by a sweep or retry racing the steady state — is removed but not sent
 * again. Several instances may still relay the same document at once (the sweep of one and the memory of
 * another), and a restarted instance remembers nothing: that can only duplicate a send, never lose one or reorder
 * one within an instance, and duplicates are what consumers already tolerate. A unit of work that rewrites a document
 * leaves acknowledged messages out of its outbox, so most removals happen in the next write of the document for
 * free. The sweep is a collection
 * scan on the embedded MongoDB server (it has no index for "outbox not empty"), which is why it is not run every
 * second: the steady state does not need it.
 */
public class OutboxRelay implements SmartLifecycle {

    public static final String OUTBOX_FIELD = Outboxes.FIELD;
    /** Most documents one lane relays in one go. */
    static final int MAX_BATCH = 500;
    /** Acknowledged message ids a lane remembers so that it does not send them again. */
    static final int ACKNOWLEDGED_KEPT = 20_000;

    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoDatabase mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final List<String> collections;
    private final Duration sweepInterval;
    private final int threads;
    private final Duration removalDelay;
    /** Documents whose relay failed; retried from MongoDB every {@link #RETRY_INTERVAL}. */
    private final Set<DocumentRef> failed = ConcurrentHashMap.newKeySet();
    /** Ids the broker acknowledged lately: not sent again, and left out when a unit of work rewrites an outbox. */
    private final RecentIds acknowledged = new RecentIds(ACKNOWLEDGED_KEPT);

    private volatile Lane[] lanes;
    private ScheduledExecutorService sweeper;
    private volatile boolean running;

    public OutboxRelay(
            MongoDatabase mongo,
            KafkaTemplate<String, byte[]> kafka,
            List<String> collections,
            Duration sweepInterval) {
        this(mongo, kafka, collections, sweepInterval, 1);
    }

    public OutboxRelay(
            MongoDatabase mongo,
            KafkaTemplate<String, byte[]> kafka,
            List<String> collections,
            Duration sweepInterval,
            int threads) {
        this(mongo, kafka, collections, sweepInterval, threads, Duration.ZERO);
    }

    /**
     * @param removalDelay how long acknowledged messages stay in their document before they are removed, unless a
     *     write of the document removes them first (which then costs nothing); a crash in between sends them again
     */
    public OutboxRelay(
            MongoDatabase mongo,
            KafkaTemplate<String, byte[]> kafka,
            List<String> collections,
            Duration sweepInterval,
            int threads,
            Duration removalDelay) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.sweepInterval = sweepInterval;
        this.threads = Math.max(1, threads);
        this.removalDelay = removalDelay;
    }

    /** Whether the broker acknowledged the message lately (then it is not sent again). */
    public boolean isAcknowledged(String messageId) {
        return acknowledged.contains(messageId);
    }

    /** Relays the outbox of one document soon, off the caller's thread, reading it from MongoDB. */
    public void publishSoon(String collection, Object id) {
        enqueue(new Pending(new DocumentRef(collection, id), null));
    }

    /**
     * Relays {@code messages}, the outbox of a document as just saved, soon and off the caller's thread, without
     * reading it back; they are removed from the document's outbox once the broker has acknowledged them.
     */
    public void publishSoon(String collection, Object id, List<OutgoingMessage> messages) {
        enqueue(new Pending(new DocumentRef(collection, id), List.copyOf(messages)));
    }

    /**
     * Sends the pending messages of one document now, on the caller's thread, and removes them from its outbox;
     * returns how many were sent.
     */
    public int publish(String collection, Object id) {
        Removals removals = new Removals(Duration.ZERO);
        int sent = relay(List.of(new Pending(new DocumentRef(collection, id), null)), removals);
        remove(removals.takeDue(Long.MAX_VALUE));
        return sent;
    }

    /**
     * Hands every document that still has pending messages to the relay (read from MongoDB when its lane gets to
     * it); returns how many documents that was. The query reads with read concern majority: it finds only durable
     * writes (on the embedded server: the store is committed before it answers), so a sweep never sends a message
     * whose write a crash could still lose.
     */
    public int sweep() {
        int found = 0;
        for (String collection : collections) {
            List<Object> ids = new ArrayList<>();
            mongo.getCollection(collection)
                    .withReadConcern(ReadConcern.MAJORITY)
                    .find(exists(OUTBOX_FIELD + ".0"))
                    .projection(include("_id"))
                    .forEach(d -> ids.add(d.get("_id")));
            for (Object id : ids) {
                publishSoon(collection, id);
            }
            found += ids.size();
        }
        return found;
    }

    /** Pending messages across all relayed collections (the outbox backlog). */
    public long backlog() {
        long pending = 0;
        for (String collection : collections) {
            pending += mongo.getCollection(collection).countDocuments(exists(OUTBOX_FIELD + ".0"));
        }
        return pending;
    }

    private void enqueue(Pending pending) {
        Lane[] current = lanes;
        if (running && current != null) {
            current[Math.floorMod(pending.document().hashCode(), current.length)].queue.add(pending);
        }
    }

    /**
     * Relays a batch: every document's messages in order, all sends before any wait, then one {@code $pull} per
     * document of what the broker acknowledged; returns how many messages were sent. It skips the send (not the removal) of messages the broker acknowledged recently: a write that
     * loaded its document before the relay removed a message writes it back, and successive writes hand the relay
     * overlapping outboxes; such a message is only removed, not sent twice.
     */
    int relay(List<Pending> batch) {
        Removals removals = new Removals(Duration.ZERO);
        int sent = relay(batch, removals);
        remove(removals.takeDue(Long.MAX_VALUE));
        return sent;
    }

    /**
     * {@link #relay(List)}, leaving the removal of what was acknowledged to {@code removals}, which does it later:
     * a document written again meanwhile no longer holds the acknowledged messages (the unit of work leaves them out),
     * so most removals cost nothing.
     */
    private int relay(List<Pending> batch, Removals removals) {
        Map<DocumentRef, Map<String, OutgoingMessage>> byDocument = new LinkedHashMap<>();
        for (Pending pending : batch) {
            List<OutgoingMessage> messages = pending.messages();
            if (messages == null) {
                try {
                    messages = load(pending.document());
                } catch (RuntimeException e) {
                    fail(pending.document(), e);
                    continue;
                }
            }
            Map<String, OutgoingMessage> outbox =
                    byDocument.computeIfAbsent(pending.document(), d -> new LinkedHashMap<>());
            for (OutgoingMessage message : messages) {
                outbox.putIfAbsent(message.messageId(), message);
            }
            // the document as now written holds these messages only: removals of others have happened for free
            removals.retain(pending.document(), messages);
        }
        Map<DocumentRef, List<CompletableFuture<?>>> sends = new LinkedHashMap<>();
        int sent = 0;
        for (var entry : byDocument.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            List<CompletableFuture<?>> documentSends = new ArrayList<>();
            try {
                for (OutgoingMessage message : entry.getValue().values()) {
                    if (acknowledged.contains(message.messageId())) {
                        continue;
                    }
                    CompletableFuture<?> send = kafka.send(record(message));
                    documentSends.add(send);
                    if (send.isCompletedExceptionally()) {
                        break; // refused at once: nothing after it, so that order holds
                    }
                }
            } catch (RuntimeException e) {
                // nothing after a message that could not be handed to the producer, so that order holds
                documentSends.add(CompletableFuture.failedFuture(e));
            }
            sends.put(entry.getKey(), documentSends);
        }
        for (var entry : sends.entrySet()) {
            try {
                CompletableFuture.allOf(entry.getValue().toArray(CompletableFuture[]::new))
                        .join();
            } catch (RuntimeException e) {
                fail(entry.getKey(), e);
                continue;
            }
            sent += entry.getValue().size();
            List<String> ids = List.copyOf(byDocument.get(entry.getKey()).keySet());
            ids.forEach(acknowledged::add);
            removals.add(entry.getKey(), ids);
        }
        return sent;
    }

    /** Removes acknowledged messages from their documents: one bulk {@code $pull} per collection. */
    private void remove(Map<DocumentRef, Set<String>> due) {
        Map<String, List<WriteModel<Document>>> byCollection = new LinkedHashMap<>();
        Map<String, List<DocumentRef>> documents = new LinkedHashMap<>();
        due.forEach((document, ids) -> {
            byCollection
                    .computeIfAbsent(document.collection(), c -> new ArrayList<>())
                    .add(new UpdateOneModel<>(
                            eq("_id", document.id()),
                            new Document(
                                    "$pull",
                                    new Document(
                                            OUTBOX_FIELD, new Document("id", new Document("$in", List.copyOf(ids)))))));
            documents
                    .computeIfAbsent(document.collection(), c -> new ArrayList<>())
                    .add(document);
        });
        for (var entry : byCollection.entrySet()) {
            try {
                // not waited on to be durable: a removal a crash loses only sends the message again
                mongo.getCollection(entry.getKey())
                        .withWriteConcern(WriteConcern.W1)
                        .bulkWrite(entry.getValue(), new BulkWriteOptions().ordered(false));
            } catch (RuntimeException e) {
                // sent but still in the outbox: the retry removes them (the relay remembers what was acknowledged);
                // after a restart the sweep sends them again (a duplicate, never a loss)
                documents.get(entry.getKey()).forEach(document -> fail(document, e));
            }
        }
    }

    /**
     * Acknowledged messages still to be removed from their documents, each removal due {@code delay} after the
     * acknowledgement. Only one lane's thread uses one.
     */
    static final class Removals {
        private final long delayNanos;
        private final Map<DocumentRef, Set<String>> ids = new LinkedHashMap<>();
        private final Map<DocumentRef, Long> due = new LinkedHashMap<>();

        Removals(Duration delay) {
            this.delayNanos = delay.toNanos();
        }

        void add(DocumentRef document, List<String> acknowledged) {
            ids.computeIfAbsent(document, d -> new java.util.LinkedHashSet<>()).addAll(acknowledged);
            due.putIfAbsent(document, System.nanoTime() + delayNanos);
        }

        /** The document now holds exactly {@code outbox}: what it no longer holds needs no removal. */
        void retain(DocumentRef document, List<OutgoingMessage> outbox) {
            Set<String> pending = ids.get(document);
            if (pending == null) {
                return;
            }
            Set<String> held = new java.util.HashSet<>();
            outbox.forEach(m -> held.add(m.messageId()));
            pending.retainAll(held);
            if (pending.isEmpty()) {
                ids.remove(document);
                due.remove(document);
            }
        }

        /** The removals due by {@code now} (nanoTime), taken out. */
        Map<DocumentRef, Set<String>> takeDue(long now) {
            Map<DocumentRef, Set<String>> taken = new LinkedHashMap<>();
            var it = due.entrySet().iterator();
            while (it.hasNext()) {
                var entry = it.next();
                if (entry.getValue() - now > 0 && now != Long.MAX_VALUE) {
                    break; // in order of the first acknowledgement: the rest are due later
                }
                taken.put(entry.getKey(), ids.remove(entry.getKey()));
                it.remove();
            }
            return taken;
        }

        /** Nanoseconds until the next removal is due (Long.MAX_VALUE: none). */
        long nanosToNext(long now) {
            return due.isEmpty()
                    ? Long.MAX_VALUE
                    : Math.max(0, due.values().iterator().next() - now);
        }

        boolean isEmpty() {
            return due.isEmpty();
        }
    }

    private List<OutgoingMessage> load(DocumentRef document) {
        RawBsonDocument found = mongo.getCollection(document.collection(), RawBsonDocument.class)
                .withReadConcern(ReadConcern.MAJORITY)
                .find(eq("_id", document.id()))
                .projection(include(OUTBOX_FIELD))
                .first();
        if (found == null) {
            return List.of();
        }
        try (BsonReader reader = found.asBsonReader()) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                if (reader.readName().equals(OUTBOX_FIELD)) {
                    return Outboxes.read(reader);
                }
                reader.skipValue();
            }
        }
        return List.of();
    }

    /** The record with the headers fixed when the message was built (only {@code event_id} for older messages). */
    private static ProducerRecord<String, byte[]> record(OutgoingMessage message) {
        var record = new ProducerRecord<>(message.topic(), message.key(), message.value());
        if (message.headers().isEmpty()) {
            record.headers().add(EventHeaders.EVENT_ID, message.messageId().getBytes(StandardCharsets.UTF_8));
        }
        message.headers().forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private void fail(DocumentRef document, RuntimeException e) {
        if (failed.add(document)) {
            log.warn("outbox relay of {}/{} failed, retrying: {}", document.collection(), document.id(), e.toString());
        }
    }

    private void retryFailed() {
        for (DocumentRef document : List.copyOf(failed)) {
            failed.remove(document);
            publishSoon(document.collection(), document.id());
        }
    }

    private void sweepQuietly() {
        try {
            int found = sweep();
            if (found > 0) {
                log.info("outbox sweep found {} document(s) with pending messages", found);
            }
        } catch (RuntimeException e) {
            log.warn("outbox sweep failed, retrying in {}: {}", sweepInterval, e.toString());
        }
    }

    @Override
    public void start() {
        Lane[] started = new Lane[threads];
        for (int i = 0; i < threads; i++) {
            started[i] = new Lane("outbox-relay-" + i);
        }
        lanes = started;
        running = true;
        for (Lane lane : started) {
            lane.thread.start();
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-sweep"));
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, 0, sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
        sweeper.scheduleWithFixedDelay(
                this::retryFailed, RETRY_INTERVAL.toMillis(), RETRY_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops taking work, gives the lanes a few seconds to send what they hold (the next start's sweep has the rest). */
    @Override
    public void stop() {
        running = false;
        sweeper.shutdownNow();
        Lane[] stopping = lanes;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Lane lane : stopping) {
            try {
                lane.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lane.thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A document with an outbox. */
    record DocumentRef(String collection, Object id) {}

    /** A bounded set of recent ids, safe for many threads; the oldest leave first. */
    static final class RecentIds {
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        private final ArrayBlockingQueue<String> order;

        RecentIds(int capacity) {
            this.order = new ArrayBlockingQueue<>(capacity);
        }

        void add(String id) {
            if (ids.add(id)) {
                while (!order.offer(id)) {
                    String oldest = order.poll();
                    if (oldest != null) {
                        ids.remove(oldest);
                    }
                }
            }
        }

        boolean contains(String id) {
            return ids.contains(id);
        }
    }

    /** A document to relay: with the messages it was saved with, or null to read its outbox from MongoDB. */
    record Pending(DocumentRef document, List<OutgoingMessage> messages) {}

    /** One relay thread, its queue and its removals to come. */
    private final class Lane implements Runnable {
        final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        final Thread thread;
        final Removals removals = new Removals(removalDelay);

        Lane(String name) {
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            List<Pending> batch = new ArrayList<>();
            while (running || !queue.isEmpty()) {
                try {
                    long wait = Math.min(TimeUnit.MILLISECONDS.toNanos(200), removals.nanosToNext(System.nanoTime()));
                    Pending first = queue.poll(wait, TimeUnit.NANOSECONDS);
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, MAX_BATCH - 1);
                        relay(batch, removals);
                    }
                    remove(removals.takeDue(running ? System.nanoTime() : Long.MAX_VALUE));
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("outbox relay batch failed, retrying: {}", e.toString());
                    batch.forEach(p -> fail(p.document(), e));
                } finally {
                    batch.clear();
                }
            }
        }
    }
}
