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
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map.Entry;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 backend (same MVStore file layout for documents, so existing data opens unchanged) with
 * three fixes of costs that grew with the data:
 *
 * <ul>
 *   <li>A query that names one {@code _id} among other conditions reads that one document instead of scanning the
 *       collection. The server uses an index only when the query's fields are exactly the index's fields, so {@code
 *       {_id, version}} — every optimistic-locking save of Spring Data — scanned and matched the whole collection.
 *       Here, when {@code _id} is a plain string or ObjectId (stored under exactly that key), the candidate is the
 *       document under that key, and the whole query (version included) is still matched against it, so results are
 *       the same as the scan's.
 *   <li>Unique indexes order their keys without Java serialization. H2 stores mongo-java-server's index keys with its
 *       generic {@link ObjectDataType}, which compares objects it does not know by serializing both for every
 *       comparison of every B-tree search (13 % of the stack's CPU). {@link KeyOrder} compares them in MongoDB's
 *       value order instead (the same bytes on disk). As that order differs from the old one, these indexes live in
 *       maps of a new name ({@value #INDEX_MAP_SUFFIX}), built from the documents when first opened.
 *   <li>A page cache of {@value #CACHE_MB} MB instead of H2's 16 MB.
 * </ul>
 */
class IdLookupH2Backend extends H2Backend { // not final: the compose test makes it a replica set member

    /** MB of MVStore page cache (H2's default is 16): a page missing from it is read and deserialized again. */
    static final int CACHE_MB = 128;

    /** Appended to H2Database's index map names: maps ordered by {@link KeyOrder}. */
    static final String INDEX_MAP_SUFFIX = ".mongo-order";

    IdLookupH2Backend(String fileName) {
        super(new MVStore.Builder().fileName(fileName).cacheSize(CACHE_MB).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getMvStore(), getCursorRegistry());
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
            // the map names of H2Database.openOrCreateCollection
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap("databases." + fullName);
            MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVMap<KeyValue, Object> map = store().openMap(
                            indexMapName(collectionName, indexName),
                            new MVMap.Builder<KeyValue, Object>().keyType(new KeyOrder()));
            return new UniqueIndex(map, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = indexMapName(collection.getCollectionName(), indexName);
            if (store().hasMap(name)) {
                store().removeMap(name);
            }
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

    private static final class Collection extends H2Collection {

        Collection(
                MongoDatabase database,
                String collectionName,
                CollectionOptions options,
                MVMap<Object, Document> dataMap,
                MVMap<String, Object> metaMap,
                CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        @Override
        protected QueryResult queryDocuments(
                Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
            Object id = query.get("_id");
            if (query.size() > 1 && "_id".equals(getIdField()) && (id instanceof String || id instanceof ObjectId)) {
                Document candidate = getDocument(id);
                return matchDocumentsFromStream(
                        candidate == null ? Stream.empty() : Stream.of(candidate),
                        query,
                        orderBy,
                        numberToSkip,
                        limit,
                        batchSize,
                        fieldSelector);
            }
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
