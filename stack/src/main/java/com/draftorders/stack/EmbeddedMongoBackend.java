package com.draftorders.stack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Set;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend, made durable on request and cheaper per operation. The embedded stack's MongoDB.
 *
 * <ul>
 *   <li><b>Durable when the client asks for it.</b> A write command whose write concern asks for the journal ({@code
 *       j: true}) or a majority ({@code w: "majority"}, which implies the journal on MongoDB) is answered only after
 *       the H2 store holding it has been written to its file ({@link GroupCommit}: one store commit for every write
 *       that arrived meanwhile, not one per write). H2's own background auto-commit is off — it stores at its own
 *       pace and would let a client hear "ok" a second before a crash loses the write. The services ask for {@code
 *       w: majority, j: true} on every write, exactly as they do on a real replica set, so no 2xx, offset commit or
 *       outbox send can overtake a write that is not on disk. The admin command {@code fsync} commits too, and a
 *       read with read concern {@code majority} is answered only once what it read is on disk (the relay's sweep
 *       reads so: it never sends a message whose write a crash could still lose).
 *   <li><b>Documents stored as BSON</b> ({@link BsonDocuments}). H2's generic value type Java-serializes
 *       mongo-java-server's documents, which made every commit and every page read from the file the biggest cost
 *       of the server. Collections open under map names ending in {@value #DATA_MAP_SUFFIX}; a data directory written
 *       before is converted the first time a collection is opened.
 *   <li>A query that names one {@code _id} (or {@code _id: {$in: [...]}}) among other conditions reads those
 *       documents instead of scanning the collection (the server uses an index only when the query's fields are
 *       exactly the index's). The whole query is still matched against each candidate, so results are the same as
 *       the scan's.
 *   <li>Unique indexes order their keys without Java serialization ({@link KeyOrder}); these indexes live in maps
 *       named with {@value #INDEX_MAP_SUFFIX} and are built from the documents when first opened.
 *   <li>A page cache of {@value #CACHE_MB} MB instead of H2's 16 MB.
 * </ul>
 */
class EmbeddedMongoBackend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoBackend.class);

    /** Whether the missing secondary indexes were explained already (once per JVM). */
    private static final java.util.concurrent.atomic.AtomicBoolean SECONDARY_INDEXES_EXPLAINED =
            new java.util.concurrent.atomic.AtomicBoolean();

    /** MB of MVStore page cache (H2's default is 16): a page missing from it is read and decoded again. */
    static final int CACHE_MB = 128;

    /** Appended to H2Database's index map names: maps ordered by {@link KeyOrder}. */
    static final String INDEX_MAP_SUFFIX = ".mongo-order";

    /** Appended to H2Database's document map names: documents stored as BSON. */
    static final String DATA_MAP_SUFFIX = ".bson";

    /** The write commands whose write concern is honoured. */
    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify");

    /** The read commands whose read concern {@code majority} is honoured. */
    private static final Set<String> READ_COMMANDS = Set.of("find", "aggregate", "count");

    /**
     * How long a chunk no longer used by the latest commit is kept before its space is reused (H2's default is
     * 45 s, which at hundreds of commits a second keeps hundreds of MB of dead chunks). A process crash never loses
     * what the operating system was given, so a second is enough there; with {@code --mongo-fsync} every commit is
     * forced to the disk before a write is acknowledged.
     */
    static final int RETENTION_MILLIS = 1000;

    private final GroupCommit commits;

    /**
     * @param fileName the MVStore file
     * @param fsync whether a commit also forces the file to the disk (survives a power loss, not only a crash of
     *     any process)
     */
    EmbeddedMongoBackend(String fileName, boolean fsync) {
        this(
                new MVStore.Builder()
                        .fileName(fileName)
                        .cacheSize(CACHE_MB)
                        .autoCommitDisabled()
                        .open(),
                fsync);
    }

    private EmbeddedMongoBackend(MVStore store, boolean fsync) {
        super(store);
        store.setRetentionTime(RETENTION_MILLIS);
        this.commits = new GroupCommit(store, fsync);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (name.equals("fsync")) {
            commits.awaitDurable();
            Document response = new Document("numFiles", 1);
            response.put("ok", 1.0);
            return response;
        }
        Document response = super.handleCommand(channel, databaseName, command, query);
        if ((WRITE_COMMANDS.contains(name) && asksForDurability(query.get("writeConcern")))
                || (READ_COMMANDS.contains(name) && readsMajority(query.get("readConcern")))) {
            commits.awaitDurable();
        }
        return response;
    }

    /**
     * {@code readConcern: {level: "majority"}}: what the read saw must be durable before it is answered (on MongoDB:
     * majority-committed, which is journaled). A commit that starts after the read covers every write it could see.
     */
    static boolean readsMajority(Object readConcern) {
        return readConcern instanceof Document concern && "majority".equals(concern.get("level"));
    }

    /** {@code j: true}, or {@code w: "majority"} (journaled on MongoDB unless the server is told otherwise). */
    static boolean asksForDurability(Object writeConcern) {
        if (!(writeConcern instanceof Document concern)) {
            return false;
        }
        return Boolean.TRUE.equals(concern.get("j")) || "majority".equals(concern.get("w"));
    }

    /** How many store commits made writes durable so far (each covering every write that waited for it). */
    long durableCommits() {
        return commits.count();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public void close() {
        commits.close();
        super.close();
    }

    /**
     * Commits the store for writes that wait to be durable: a writer takes a ticket after its write is applied, and a
     * commit that starts afterwards releases every ticket taken before it started. While one commit runs, the writes
     * that arrive wait for the next, which then covers all of them (group commit). Also commits whatever is unsaved
     * once a second, as H2's auto-commit did.
     */
    static final class GroupCommit implements AutoCloseable {

        /*
         * Every commit writes a chunk of the pages it changed; a chunk is freed only when none of its pages is live
         * (and RETENTION_MILLIS later), so the file grows many times the data and every commit gets slower (more
         * chunks to track, longer free-space searches). H2's background thread, which would compact, is off here so
         * that only this committer writes the file; it compacts instead, a little at a time, once a second.
         */
        private static final long COMPACTION_INTERVAL_NANOS = 1_000_000_000L;
        private static final int COMPACTION_FILL_RATE = 90;
        private static final int COMPACTION_WRITE_BYTES = 1 << 20;

        private final MVStore store;
        private final boolean fsync;
        private final Thread committer;
        private long requested;
        private long committed;
        private long count;
        private boolean closed;
        private int failures;

        GroupCommit(MVStore store, boolean fsync) {
            this.store = store;
            this.fsync = fsync;
            this.committer = new Thread(this::run, "mongo-group-commit");
            committer.setDaemon(true);
            committer.start();
        }

        void awaitDurable() {
            synchronized (this) {
                long ticket = ++requested;
                notifyAll();
                while (committed < ticket) {
                    if (closed) {
                        throw new IllegalStateException("the store is closing; the write may not be durable");
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted before the write was durable", e);
                    }
                }
            }
        }

        synchronized long count() {
            return count;
        }

        private void run() {
            while (true) {
                long target;
                synchronized (this) {
                    if (requested == committed && !closed) {
                        try {
                            wait(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    if (closed) {
                        return;
                    }
                    target = requested;
                }
                try {
                    store.commit();
                    if (fsync) {
                        store.sync();
                    }
                } catch (RuntimeException e) {
                    if (store.isClosed()) {
                        // H2 closes a store whose commit failed unexpectedly: no write can become durable any more
                        log.error("the MongoDB store failed and closed; writes fail until the stack restarts", e);
                        synchronized (this) {
                            closed = true;
                            notifyAll();
                        }
                        return;
                    }
                    // nothing is released: the writers keep waiting (a write whose store cannot commit is not durable)
                    if (failures++ == 0) {
                        log.error("committing the MongoDB store failed, retrying", e);
                    } else {
                        log.error("committing the MongoDB store failed, retrying: {}", e.toString());
                    }
                    sleepQuietly();
                    continue;
                }
                synchronized (this) {
                    committed = target;
                    count++;
                    notifyAll();
                }
                compactNowAndThen();
            }
        }

        private long lastCompaction = System.nanoTime();

        private void compactNowAndThen() {
            long now = System.nanoTime();
            if (now - lastCompaction < COMPACTION_INTERVAL_NANOS) {
                return;
            }
            lastCompaction = now;
            try {
                store.compact(COMPACTION_FILL_RATE, COMPACTION_WRITE_BYTES);
            } catch (RuntimeException e) {
                log.warn("compacting the MongoDB store failed: {}", e.toString());
            }
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            synchronized (this) {
                closed = true;
                notifyAll();
            }
            try {
                committer.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static final class Database extends H2Database {

        /** H2Database keeps its store private and opens collections from its constructor, before a subclass's. */
        private static final Field MV_STORE;

        static {
            try {
                MV_STORE = H2Database.class.getDeclaredField("mvStore");
                MV_STORE.setAccessible(true);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("unexpected mongo-java-server H2Database", e);
            }
        }

        Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
            super(databaseName, mvStore, cursorRegistry);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = store();
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = dataMap(store, fullName);
            MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
            return new Documents(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        /** The collection's documents as BSON; documents of an older data directory are converted once. */
        private static MVMap<Object, Document> dataMap(MVStore store, String fullName) {
            String legacyName = "databases." + fullName;
            String name = legacyName + DATA_MAP_SUFFIX;
            boolean convert = !store.hasMap(name) && store.hasMap(legacyName);
            MVMap<Object, Document> map =
                    store.openMap(name, new MVMap.Builder<Object, Document>().valueType(BsonDocuments.INSTANCE));
            if (convert) {
                MVMap<Object, Document> legacy = store.openMap(legacyName);
                legacy.forEach(map::put);
                store.removeMap(legacy);
                store.commit();
                log.info("converted {} document(s) of {} to BSON storage", map.sizeAsLong(), fullName);
            }
            return map;
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> map = store().openMap(
                            indexMapName(collectionName, indexName),
                            new MVMap.Builder<KeyValue, Object>().keyType(new KeyOrder()));
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        /**
         * mongo-java-server keeps no secondary (non-unique) indexes and warns about each one a service declares; a
         * query on such fields scans the collection here (a real MongoDB builds them). Said once, not per index.
         */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            if (SECONDARY_INDEXES_EXPLAINED.compareAndSet(false, true)) {
                log.info("The embedded MongoDB server keeps no secondary (non-unique) indexes: the services' are"
                        + " accepted and not built, so queries on them scan (_id and unique indexes are served;"
                        + " a real MongoDB builds them)");
            }
            return new de.bwaldvogel.mongo.backend.EmptyIndex<>(indexName, keys);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = indexMapName(collection.getCollectionName(), indexName);
            if (store().hasMap(name)) {
                store().removeMap(name);
            }
        }

        @Override
        public void dropCollection(String collectionName, Oplog oplog) {
            super.dropCollection(collectionName, oplog);
            String name = "databases." + getFullCollectionNamespace(collectionName) + DATA_MAP_SUFFIX;
            if (store().hasMap(name)) {
                store().removeMap(name);
            }
        }

        @Override
        public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
            throw new UnsupportedOperationException("renaming collections is not supported by the embedded server");
        }

        private String indexMapName(String collectionName, String indexName) {
            // H2Database's own name, which the drop of a database still covers, plus ours
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName + INDEX_MAP_SUFFIX;
        }

        private MVStore store() {
            try {
                return (MVStore) MV_STORE.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * mongo-java-server's documents in BSON, written and read with its own encoder and decoder (the same values come
     * back). The memory estimate, which drives H2's page splits and cache, follows the document's content.
     */
    static final class BsonDocuments extends BasicDataType<Document> {

        static final BsonDocuments INSTANCE = new BsonDocuments();

        @Override
        public int getMemory(Document document) {
            return 64 + estimate(document);
        }

        private static int estimate(Object value) {
            if (value instanceof Map<?, ?> map) {
                int size = 48;
                for (Entry<?, ?> entry : map.entrySet()) {
                    size += 40 + 2 * ((String) entry.getKey()).length() + estimate(entry.getValue());
                }
                return size;
            }
            if (value instanceof Collection<?> list) {
                int size = 40;
                for (Object element : list) {
                    size += 8 + estimate(element);
                }
                return size;
            }
            if (value instanceof String text) {
                return 48 + text.length();
            }
            if (value instanceof byte[] bytes) {
                return 16 + bytes.length;
            }
            return 24;
        }

        @Override
        public void write(WriteBuffer buff, Document document) {
            ByteBuf out = Unpooled.buffer(512);
            try {
                BsonEncoder.encodeDocument(document, out);
                buff.put(out.array(), out.arrayOffset() + out.readerIndex(), out.readableBytes());
            } finally {
                out.release();
            }
        }

        @Override
        public Document read(ByteBuffer buff) {
            int start = buff.position();
            int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
            ByteBuf in = Unpooled.wrappedBuffer(buff.slice(start, length));
            buff.position(start + length);
            return BsonDecoder.decodeBson(in);
        }

        @Override
        public Document[] createStorage(int size) {
            return new Document[size];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BsonDocuments;
        }

        @Override
        public int hashCode() {
            return BsonDocuments.class.hashCode();
        }
    }

    /** H2UniqueIndex (whose constructor is not public) on a map ordered by {@link KeyOrder}. */
    private static final class UniqueIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        UniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue keyValue) {
            return map.remove(keyValue);
        }

        @Override
        protected boolean putKeyPosition(KeyValue keyValue, Object position) {
            return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue keyValue) {
            return map.get(keyValue);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * Index keys in MongoDB's value order, element by element, then by length; keys that order the same without being
     * equal (not expected: keys are normalized) fall back to H2's serialized comparison, so the order is total and
     * consistent with {@code equals}. Reading and writing are H2's own.
     */
    static final class KeyOrder extends ObjectDataType {

        private static final ValueComparator VALUES = ValueComparator.asc();

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue && b instanceof KeyValue) {
                KeyValue x = (KeyValue) a;
                KeyValue y = (KeyValue) b;
                int common = Math.min(x.size(), y.size());
                for (int i = 0; i < common; i++) {
                    int order = VALUES.compare(x.get(i), y.get(i));
                    if (order != 0) {
                        return order;
                    }
                }
                if (x.size() != y.size()) {
                    return Integer.compare(x.size(), y.size());
                }
                if (x.equals(y)) {
                    return 0;
                }
            }
            return super.compare(a, b);
        }
    }

    private static final class Documents extends H2Collection {

        Documents(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> dataMap,
                MVMap<String, Object> metaMap,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        /** Not tracked: it encodes every document once more per write, for a statistic no one here reads. */
        @Override
        protected boolean tracksDataSize() {
            return false;
        }

        /** Whether this thread is in an update, whose documents mongo-java-server changes in place. */
        private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> Boolean.FALSE);

        @Override
        public Document updateDocuments(
                Document selector,
                Document updateQuery,
                de.bwaldvogel.mongo.backend.ArrayFilters arrayFilters,
                boolean isMulti,
                boolean isUpsert,
                de.bwaldvogel.mongo.oplog.Oplog oplog) {
            UPDATING.set(Boolean.TRUE);
            try {
                return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
            } finally {
                UPDATING.set(Boolean.FALSE);
            }
        }

        @Override
        public Document findAndModify(Document query) {
            UPDATING.set(Boolean.TRUE);
            try {
                return super.findAndModify(query);
            } finally {
                UPDATING.set(Boolean.FALSE);
            }
        }

        /**
         * Documents matching {@code query}. An update changes the documents it finds in place, but the stored document
         * belongs to the store's pages, which a commit may be writing at that moment (a concurrent change there fails
         * the commit): an update therefore gets copies, and the changed copy replaces the stored one.
         */
        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            QueryResult result = find(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
            if (!UPDATING.get()) {
                return result;
            }
            List<Document> copies = new ArrayList<>();
            for (Document document : result) {
                copies.add(document.cloneDeeply());
            }
            return new QueryResult(copies, result.getCursorId());
        }

        private QueryResult find(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            if ("_id".equals(getIdField()) && query.size() > 1) {
                List<Object> ids = plainIds(query.get("_id"));
                if (ids != null) {
                    List<Document> candidates = new ArrayList<>(ids.size());
                    for (Object id : ids) {
                        Document candidate = getDocument(id);
                        if (candidate != null) {
                            candidates.add(candidate);
                        }
                    }
                    return matchDocumentsFromStream(
                            candidates.stream(), query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
                }
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        /**
         * The ids an {@code _id} condition names when each is a plain string or ObjectId (stored under exactly that
         * key): {@code "x"} or {@code {$in: ["x", "y"]}}; null for any other condition.
         */
        private static List<Object> plainIds(Object condition) {
            if (isPlainId(condition)) {
                return List.of(condition);
            }
            if (condition instanceof Document expression
                    && expression.size() == 1
                    && expression.get("$in") instanceof Collection<?> values) {
                Set<Object> ids = new LinkedHashSet<>();
                for (Object value : values) {
                    if (!isPlainId(value)) {
                        return null;
                    }
                    ids.add(value);
                }
                return new ArrayList<>(ids);
            }
            return null;
        }

        private static boolean isPlainId(Object value) {
            return value instanceof String || value instanceof ObjectId;
        }
    }
}
