package com.draftorders.messaging.work;

import com.draftorders.messaging.MessageFactory.Correlation;
import com.draftorders.messaging.OutboxRelay;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.TraceContext;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every service changes its aggregates, for a batch of Kafka records and for a REST call (a batch of
 * one) alike:
 *
 * <ol>
 *   <li>every aggregate the batch addresses is loaded at once (one query per collection and field);
 *   <li>the handlers run in the batch's order (partition order per aggregate) on the aggregates in memory; a message
 *       whose id the aggregate already holds is skipped; a handler that throws is undone (its aggregate is rebuilt
 *       from the messages before it) and reported failed — unless MongoDB failed under it (a handler that reads
 *       reference data), which fails the whole batch as a failed write does, so that it is run again, not
 *       dead-lettered;
 *   <li>every changed document is written in one bulk write per collection, each with its version check — state,
 *       outbox and processed ids in one single-document write;
 *   <li>a document another writer changed meanwhile is loaded again and its messages decided again on the fresh
 *       state ({@code attempts} rounds in all), the others are not written twice;
 *   <li>the writes are durable when the bulk write returns: the client's write concern ({@code w: majority, j:
 *       true}) makes the server answer only then; only now are the outboxes handed to the {@link OutboxRelay}, and
 *       only now may the caller commit offsets or answer 2xx.
 * </ol>
 *
 * A handler states only "load this aggregate, decide, emit": no Mongo, no retry, no outbox code in a service.
 */
public final class UnitOfWork {

    /** The field holding a document's version (optimistic locking). */
    public static final String VERSION = "version";

    /** The field holding the ids of the messages whose effects the document holds. */
    public static final String PROCESSED = "processed";

    /** How many processed message ids a document remembers; redeliveries arrive close behind the original. */
    public static final int PROCESSED_KEPT = 100;

    /** The collection of receipts: the outboxes of replies sent where there was no aggregate. */
    public static final String RECEIPTS = "receipts";

    private static final Logger log = LoggerFactory.getLogger(UnitOfWork.class);

    private final MongoDatabase database;
    private final OutboxRelay relay;
    private final Clock clock;
    private final int attempts;
    private final DocumentCache cache;
    private final List<Consumer<Written<?>>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param attempts rounds of writing a batch before a conflict that keeps recurring is given up (at least 1)
     */
    public UnitOfWork(MongoDatabase database, OutboxRelay relay, Clock clock, int attempts) {
        this(database, relay, clock, attempts, 0);
    }

    /**
     * @param cachedDocuments how many documents this instance keeps as it last wrote or read them, to start from
     *     without reading them again (0: none); see {@link DocumentCache}
     */
    public UnitOfWork(MongoDatabase database, OutboxRelay relay, Clock clock, int attempts, int cachedDocuments) {
        this.database = database;
        this.relay = relay;
        this.clock = clock;
        this.attempts = Math.max(1, attempts);
        this.cache = new DocumentCache(cachedDocuments);
    }

    /** An aggregate as it was durably written by a unit of work. */
    public record Written<A>(AggregateType<A> type, A aggregate) {}

    /** Called with every aggregate a unit of work wrote, after the write is durable (e.g. to track running sagas). */
    public void onWritten(Consumer<Written<?>> listener) {
        listeners.add(listener);
    }

    /** One piece of work: a handler on the aggregate at an address (null: no aggregate, replies only). */
    public record Work<A>(
            Address<A> address, String messageId, Correlation cause, TraceContext trace, Function<Target<A>, ?> step) {

        public static <A> Work<A> of(Address<A> address, Correlation cause, Function<Target<A>, ?> step) {
            return new Work<>(address, null, cause, null, step);
        }
    }

    /** What became of one piece of work: the handler's value, or why it failed (then nothing of it was written). */
    public record Outcome(Object value, RuntimeException failure, boolean skipped) {

        public boolean failed() {
            return failure != null;
        }
    }

    /**
     * Runs one handler now on the aggregate at {@code address} and returns its value once its effects are durable.
     *
     * @throws RuntimeException what the handler threw (nothing was written)
     * @throws ConcurrentChangeException when other writers changed the aggregate every time it was written
     */
    @SuppressWarnings("unchecked")
    public <A, R> R execute(Address<A> address, Correlation cause, Function<Target<A>, R> step) {
        Outcome outcome =
                run(List.of(new Work<>(address, null, cause, null, step))).get(0);
        if (outcome.failed()) {
            throw outcome.failure();
        }
        return (R) outcome.value();
    }

    /**
     * Runs a batch: loads, decides, writes durably, hands the outboxes to the relay. One outcome per work, in order.
     *
     * @throws ConcurrentChangeException when a document kept changing under the batch (what could be written was)
     * @throws RuntimeException when MongoDB failed; nothing or part of the batch was written, and running it again is
     *     safe (what was written is recognised by its processed ids)
     */
    public List<Outcome> run(List<? extends Work<?>> works) {
        return new Batch(works).run();
    }

    /** The state of one run. */
    private final class Batch {

        private final List<? extends Work<?>> works;
        private final Outcome[] outcomes;
        private final Map<DocumentKey, Entry<?>> entries = new LinkedHashMap<>();
        private final Map<Address.Key, Entry<?>> addressed = new LinkedHashMap<>();
        /** Every entry of this batch once, loaded or not, in the order they came up. */
        private final List<Entry<?>> known = new ArrayList<>();

        private final List<Receipt> receipts = new ArrayList<>();
        /** Per work, what to run once it is durable (see {@link Target#afterWrite}). */
        private final List<List<Runnable>> afterWrite;

        Batch(List<? extends Work<?>> works) {
            this.works = works;
            this.outcomes = new Outcome[works.size()];
            this.afterWrite = new ArrayList<>(java.util.Collections.nCopies(works.size(), List.of()));
        }

        List<Outcome> run() {
            load(works);
            for (int i = 0; i < works.size(); i++) {
                decide(i);
            }
            write();
            for (int i = 0; i < outcomes.length; i++) {
                if (!outcomes[i].failed() && !outcomes[i].skipped()) {
                    for (Runnable action : afterWrite.get(i)) {
                        try {
                            action.run();
                        } catch (RuntimeException e) {
                            log.warn("an after-write action failed: {}", e.toString());
                        }
                    }
                }
            }
            return List.of(outcomes);
        }

        /** Loads every aggregate the works address and this batch does not know yet: one query per field. */
        private void load(List<? extends Work<?>> toLoad) {
            Map<Lookup, List<String>> lookups = new LinkedHashMap<>();
            for (Work<?> work : toLoad) {
                Address<?> address = work.address();
                if (address != null && !addressed.containsKey(address.key())) {
                    List<String> values = lookups.computeIfAbsent(
                            new Lookup(address.type(), address.field()), l -> new ArrayList<>());
                    if (!values.contains(address.value())) {
                        values.add(address.value());
                    }
                }
            }
            lookups.forEach((lookup, values) -> {
                List<String> toRead = values;
                if (lookup.field().equals(Address.ID)) {
                    toRead = new ArrayList<>();
                    for (String id : values) {
                        RawBsonDocument cached = cache.get(lookup.type().collection(), id);
                        if (cached == null) {
                            toRead.add(id);
                        } else {
                            addressed.put(
                                    new Address.Key(lookup.type().collection(), Address.ID, id),
                                    entryOf(lookup.type(), cached));
                        }
                    }
                    if (toRead.isEmpty()) {
                        return;
                    }
                }
                for (RawBsonDocument document :
                        collection(lookup.type().collection()).find(Filters.in(lookup.field(), toRead))) {
                    cache.put(lookup.type().collection(), document);
                    Entry<?> entry = entryOf(lookup.type(), document);
                    BsonValue value = document.get(lookup.field());
                    if (value != null && value.isString()) {
                        addressed.put(
                                new Address.Key(
                                        lookup.type().collection(),
                                        lookup.field(),
                                        value.asString().getValue()),
                                entry);
                    }
                }
                for (String value : toRead) {
                    var key = new Address.Key(lookup.type().collection(), lookup.field(), value);
                    addressed.computeIfAbsent(key, k -> new Entry<>(lookup.type()));
                }
            });
        }

        private <A> Entry<A> entryOf(AggregateType<A> type, RawBsonDocument document) {
            String id = document.getString("_id").getValue();
            @SuppressWarnings("unchecked")
            Entry<A> existing = (Entry<A>) entries.get(new DocumentKey(type.collection(), id));
            if (existing != null) {
                return existing;
            }
            Entry<A> entry = new Entry<>(type);
            entry.load(document);
            entries.put(new DocumentKey(type.collection(), id), entry);
            return entry;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void decide(int index) {
            Work work = works.get(index);
            Entry entry =
                    work.address() == null ? null : addressed.get(work.address().key());
            if (entry != null
                    && work.messageId() != null
                    && entry.exists()
                    && entry.processed.contains(work.messageId())) {
                outcomes[index] = new Outcome(null, null, true);
                return;
            }
            try {
                outcomes[index] = new Outcome(apply(index, work, entry), null, false);
            } catch (MongoException e) {
                throw e;
            } catch (RuntimeException e) {
                outcomes[index] = new Outcome(null, e, false);
                if (entry != null) {
                    entry.rebuild();
                }
                receipts.removeIf(r -> r.work == index);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Object apply(int index, Work work, Entry entry) {
            TargetImpl target = new TargetImpl(index, work, entry);
            TraceContext trace = work.trace();
            afterWrite.set(index, List.of());
            try (var scope = trace == null ? null : trace.activate()) {
                long before = entry == null || entry.aggregate == null ? -1 : entry.type.versionOf(entry.aggregate);
                Object value = work.step().apply(target);
                if (entry != null) {
                    entry.afterStep(index, work, target, before);
                }
                afterWrite.set(index, target.afterWrite);
                return value;
            }
        }

        /** Writes what changed; documents that others changed meanwhile are decided again on fresh state. */
        private void write() {
            List<Entry<?>> pending = dirtyEntries();
            for (int round = 1; ; round++) {
                List<Entry<?>> conflicts;
                try {
                    conflicts = writeOnce(pending, round == 1);
                } catch (RuntimeException e) {
                    // what was written before the failure is durable: its messages go out now, not at the next sweep
                    handOver();
                    throw e;
                }
                if (conflicts.isEmpty()) {
                    break;
                }
                if (round >= attempts) {
                    handOver();
                    throw new ConcurrentChangeException(conflicts.size() + " document(s) of "
                            + conflicts.get(0).type.collection() + " kept changing under this unit of work ("
                            + attempts + " attempts)");
                }
                log.debug("{} document(s) changed concurrently, deciding again (round {})", conflicts.size(), round);
                backOff(round);
                pending = retry(conflicts);
            }
            handOver();
        }

        private List<Entry<?>> dirtyEntries() {
            List<Entry<?>> dirty = new ArrayList<>();
            for (Entry<?> entry : known) {
                if (entry.dirty) {
                    dirty.add(entry);
                }
            }
            return dirty;
        }

        /** One bulk write per collection; returns the entries whose write lost to another writer. */
        private List<Entry<?>> writeOnce(List<Entry<?>> pending, boolean withReceipts) {
            Map<String, List<WriteModel<RawBsonDocument>>> models = new LinkedHashMap<>();
            Map<String, List<Object>> owners = new LinkedHashMap<>();
            for (Entry<?> entry : pending) {
                RawBsonDocument document = entry.encode();
                WriteModel<RawBsonDocument> model = entry.loaded
                        ? new ReplaceOneModel<>(
                                new BsonDocument("_id", new BsonString(entry.id))
                                        .append(VERSION, new BsonInt64(entry.version)),
                                document,
                                new ReplaceOptions().upsert(true))
                        : new InsertOneModel<>(document);
                models.computeIfAbsent(entry.type.collection(), c -> new ArrayList<>())
                        .add(model);
                owners.computeIfAbsent(entry.type.collection(), c -> new ArrayList<>())
                        .add(entry);
            }
            if (withReceipts) {
                for (Receipt receipt : receipts) {
                    models.computeIfAbsent(RECEIPTS, c -> new ArrayList<>())
                            .add(new InsertOneModel<>(receipt.encode()));
                    owners.computeIfAbsent(RECEIPTS, c -> new ArrayList<>()).add(receipt);
                }
            }
            List<Entry<?>> conflicts = new ArrayList<>();
            models.forEach((collectionName, writes) -> {
                List<Object> owned = owners.get(collectionName);
                List<Integer> refused = new ArrayList<>();
                try {
                    collection(collectionName).bulkWrite(writes, new BulkWriteOptions().ordered(false));
                } catch (MongoBulkWriteException e) {
                    if (e.getWriteConcernError() != null) {
                        throw e;
                    }
                    for (BulkWriteError error : e.getWriteErrors()) {
                        if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                            throw e;
                        }
                        refused.add(error.getIndex());
                    }
                }
                for (int i = 0; i < owned.size(); i++) {
                    Object owner = owned.get(i);
                    boolean written = !refused.contains(i);
                    if (owner instanceof Entry<?> entry) {
                        if (written) {
                            entry.written();
                        } else {
                            conflicts.add(entry);
                        }
                    } else if (owner instanceof Receipt receipt) {
                        // a receipt that exists already was written (and relayed) by an earlier delivery
                        receipt.written = written;
                    }
                }
            });
            return conflicts;
        }

        /** Loads the conflicting documents again and replays their works on them; returns what is to be written. */
        private List<Entry<?>> retry(List<Entry<?>> conflicts) {
            List<Entry<?>> pending = new ArrayList<>();
            for (Entry<?> entry : conflicts) {
                boolean inserted = !entry.loaded;
                entry.reload();
                if (inserted && !entry.loaded) {
                    // the address is still free: another unique index refused the new document, and trying again
                    // cannot change that; its works fail (their messages go to the dead-letter topic)
                    entry.refuse(new DuplicateKeyException("a new " + entry.type.collection()
                            + " document was refused by a unique index other than its address"));
                    continue;
                }
                entry.rebuild();
                if (entry.dirty) {
                    pending.add(entry);
                }
            }
            return pending;
        }

        private void handOver() {
            for (Entry<?> entry : known) {
                entry.handOver();
            }
            for (Receipt receipt : receipts) {
                if (receipt.written) {
                    relay.publishSoon(RECEIPTS, receipt.key, receipt.messages);
                }
            }
        }

        /** An aggregate in this batch: as loaded, as decided, and the works that decided it. */
        private final class Entry<A> {

            final AggregateType<A> type;
            /** The document's id; null for an address where nothing was found and nothing created (yet). */
            String id;
            /** Whether the document exists in MongoDB (as of the load or this batch's write). */
            boolean loaded;

            RawBsonDocument stored;
            long version;
            List<OutgoingMessage> storedOutbox = List.of();
            List<String> storedProcessed = List.of();
            A aggregate;
            List<String> processed = new ArrayList<>();
            List<OutgoingMessage> messages = new ArrayList<>();
            final List<Integer> applied = new ArrayList<>();
            boolean dirty;
            boolean handedOver = true;

            Entry(AggregateType<A> type) {
                this.type = type;
                known.add(this);
            }

            boolean exists() {
                return aggregate != null;
            }

            void load(RawBsonDocument document) {
                this.stored = document;
                this.id = document.getString("_id").getValue();
                this.loaded = true;
                this.version = 0;
                this.storedOutbox = List.of();
                this.storedProcessed = List.of();
                try (BsonReader reader = document.asBsonReader()) {
                    reader.readStartDocument();
                    while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                        switch (reader.readName()) {
                            case VERSION -> this.version = Bson.readLong(reader);
                            case Outboxes.FIELD -> this.storedOutbox = Outboxes.read(reader);
                            case PROCESSED -> this.storedProcessed = Bson.readStrings(reader);
                            default -> reader.skipValue();
                        }
                    }
                }
                reset();
            }

            /** Back to the state as stored (or absent), before any work of this batch. */
            void reset() {
                if (stored == null) {
                    aggregate = null;
                } else {
                    try (BsonReader reader = stored.asBsonReader()) {
                        aggregate = type.read(reader);
                    }
                }
                processed = new ArrayList<>(storedProcessed);
                messages = new ArrayList<>();
                dirty = false;
            }

            /** Reads the document again: by id, or by the address that found nothing before. */
            void reload() {
                RawBsonDocument fresh = null;
                if (id != null && loaded) {
                    fresh = collection(type.collection())
                            .find(Filters.eq("_id", id))
                            .first();
                } else {
                    for (var e : addressed.entrySet()) {
                        if (e.getValue() == this) {
                            fresh = collection(type.collection())
                                    .find(Filters.eq(
                                            e.getKey().field(), e.getKey().value()))
                                    .first();
                            break;
                        }
                    }
                }
                if (fresh == null) {
                    if (id != null) {
                        cache.remove(type.collection(), id);
                    }
                    stored = null;
                    loaded = false;
                    storedOutbox = List.of();
                    storedProcessed = List.of();
                    version = 0;
                    if (aggregate != null) {
                        id = type.idOf(aggregate);
                    }
                } else {
                    cache.put(type.collection(), fresh);
                    load(fresh);
                    entries.put(new DocumentKey(type.collection(), id), this);
                }
            }

            /** Replays this entry's works that did not fail, from the state as stored. */
            @SuppressWarnings({"unchecked", "rawtypes"})
            void rebuild() {
                if (!loaded) {
                    id = null;
                }
                reset();
                List<Integer> replay = new ArrayList<>(applied);
                applied.clear();
                for (int index : replay) {
                    Work work = works.get(index);
                    if (work.messageId() != null && exists() && processed.contains(work.messageId())) {
                        outcomes[index] = new Outcome(null, null, true);
                        continue;
                    }
                    try {
                        outcomes[index] = new Outcome(apply(index, work, this), null, false);
                    } catch (MongoException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        // it went through before on other state; now it fails: report it, keep the rest
                        outcomes[index] = new Outcome(null, e, false);
                        receipts.removeIf(r -> r.work == index);
                        rebuildWithout(index);
                        return;
                    }
                }
            }

            /** Fails every work of this entry with {@code failure}: nothing of them is written. */
            void refuse(RuntimeException failure) {
                for (int index : applied) {
                    outcomes[index] = new Outcome(null, failure, false);
                    receipts.removeIf(r -> r.work == index);
                }
                applied.clear();
                if (!loaded) {
                    id = null;
                }
                reset();
            }

            private void rebuildWithout(int failed) {
                applied.remove(Integer.valueOf(failed));
                rebuild();
            }

            void afterStep(int index, Work<A> work, TargetImpl target, long versionBefore) {
                if (aggregate == null) {
                    return;
                }
                applied.add(index);
                List<OutgoingMessage> caused = type.messages(aggregate, work.cause());
                boolean changed = target.created
                        || versionBefore != type.versionOf(aggregate)
                        || !caused.isEmpty()
                        || !target.sent.isEmpty()
                        || target.marked;
                if (!changed) {
                    return;
                }
                dirty = true;
                messages.addAll(caused);
                messages.addAll(target.sent);
                if (work.messageId() != null && !processed.contains(work.messageId())) {
                    processed.add(work.messageId());
                }
            }

            RawBsonDocument encode() {
                List<OutgoingMessage> outbox = new ArrayList<>();
                for (OutgoingMessage message : storedOutbox) {
                    if (!relay.isAcknowledged(message.messageId())) {
                        outbox.add(message);
                    }
                }
                outbox.addAll(messages);
                List<String> kept = processed.size() > PROCESSED_KEPT
                        ? processed.subList(processed.size() - PROCESSED_KEPT, processed.size())
                        : processed;
                BasicOutputBuffer buffer = new BasicOutputBuffer(2048);
                try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
                    writer.writeStartDocument();
                    writer.writeString("_id", id);
                    writer.writeInt64(VERSION, version + 1);
                    Outboxes.write(writer, outbox);
                    Bson.fields(writer).strings(PROCESSED, kept);
                    type.write(aggregate, writer);
                    writer.writeEndDocument();
                }
                pendingOutbox = outbox;
                pendingDocument = new RawBsonDocument(buffer.toByteArray());
                return pendingDocument;
            }

            private List<OutgoingMessage> pendingOutbox = List.of();
            private RawBsonDocument pendingDocument;

            /** The write went through: this is now the stored state. */
            void written() {
                loaded = true;
                version = version + 1;
                storedOutbox = pendingOutbox;
                storedProcessed = new ArrayList<>(processed);
                stored = pendingDocument;
                cache.put(type.collection(), pendingDocument);
                messages = new ArrayList<>();
                dirty = false;
                handedOver = false;
                entries.putIfAbsent(new DocumentKey(type.collection(), id), this);
            }

            void handOver() {
                if (handedOver) {
                    return;
                }
                handedOver = true;
                if (!storedOutbox.isEmpty()) {
                    relay.publishSoon(type.collection(), id, storedOutbox);
                }
                Written<A> written = new Written<>(type, aggregate);
                for (Consumer<Written<?>> listener : listeners) {
                    try {
                        listener.accept(written);
                    } catch (RuntimeException e) {
                        log.warn("a listener of written {} failed: {}", type.collection(), e.toString());
                    }
                }
            }
        }

        /** What one handler sees; records what it did for {@link Entry#afterStep}. */
        private final class TargetImpl<A> implements Target<A> {

            final int index;
            final Work<A> work;
            final Entry<A> entry;
            final List<OutgoingMessage> sent = new ArrayList<>();
            final List<Runnable> afterWrite = new ArrayList<>();
            boolean created;
            boolean marked;

            TargetImpl(int index, Work<A> work, Entry<A> entry) {
                this.index = index;
                this.work = work;
                this.entry = entry;
            }

            @Override
            public Optional<A> current() {
                if (entry == null || entry.aggregate == null) {
                    return Optional.empty();
                }
                String store = work.address().storeId();
                if (store != null && !store.equals(entry.type.storeIdOf(entry.aggregate))) {
                    return Optional.empty();
                }
                return Optional.of(entry.aggregate);
            }

            @Override
            public boolean taken() {
                return entry != null && entry.aggregate != null;
            }

            @Override
            public A create(A aggregate) {
                if (entry == null) {
                    throw new IllegalStateException("this work addresses no aggregate");
                }
                if (entry.aggregate != null) {
                    throw new IllegalStateException(work.address() + " is taken");
                }
                entry.aggregate = aggregate;
                entry.id = entry.type.idOf(aggregate);
                if (work.address().field().equals(Address.ID)
                        && !work.address().value().equals(entry.id)) {
                    throw new IllegalStateException("a new aggregate's id must be its address's id");
                }
                created = true;
                addressed.put(new Address.Key(entry.type.collection(), Address.ID, entry.id), entry);
                return aggregate;
            }

            @Override
            public void send(String receiptKey, OutgoingMessage message) {
                if (current().isPresent()) {
                    sent.add(message);
                    return;
                }
                for (Receipt receipt : receipts) {
                    if (receipt.key.equals(receiptKey)) {
                        receipt.messages.add(message);
                        return;
                    }
                }
                receipts.add(new Receipt(index, receiptKey, storeOf(), message));
            }

            @Override
            public void send(OutgoingMessage message) {
                send(work.messageId() != null ? work.messageId() : message.messageId(), message);
            }

            private String storeOf() {
                return work.address() == null ? null : work.address().storeId();
            }

            @Override
            public boolean hasProcessed(String key) {
                return current().isPresent() && entry.processed.contains(key);
            }

            @Override
            public void markProcessed(String key) {
                if (current().isEmpty()) {
                    throw new IllegalStateException("there is no aggregate to record " + key + " on");
                }
                if (!entry.processed.contains(key)) {
                    entry.processed.add(key);
                    marked = true;
                }
            }

            @Override
            public void afterWrite(Runnable action) {
                afterWrite.add(action);
            }

            @Override
            public Correlation cause() {
                return work.cause();
            }
        }

        /** Replies sent where there was no aggregate, written once under their key. */
        private final class Receipt {
            final int work;
            final String key;
            final String storeId;
            final List<OutgoingMessage> messages = new ArrayList<>();
            boolean written;

            Receipt(int work, String key, String storeId, OutgoingMessage first) {
                this.work = work;
                this.key = key;
                this.storeId = storeId;
                messages.add(first);
            }

            RawBsonDocument encode() {
                BasicOutputBuffer buffer = new BasicOutputBuffer(1024);
                try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
                    writer.writeStartDocument();
                    writer.writeString("_id", key);
                    Bson.fields(writer).string("storeId", storeId).instant("at", clock.instant());
                    Outboxes.write(writer, messages);
                    writer.writeEndDocument();
                }
                return new RawBsonDocument(buffer.toByteArray());
            }
        }
    }

    private MongoCollection<RawBsonDocument> collection(String name) {
        return database.getCollection(name, RawBsonDocument.class);
    }

    private static void backOff(int round) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(1, 1 + 5 * round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private record Lookup(AggregateType<?> type, String field) {}

    private record DocumentKey(String collection, String id) {}
}
