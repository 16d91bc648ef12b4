package com.draftorders.stack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.lang.reflect.Field;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend (same MVStore file layout, so existing data opens unchanged) with one fix: a query
 * that names one {@code _id} among other conditions reads that one document instead of scanning the collection.
 *
 * <p>The server uses an index only when the query's fields are exactly the index's fields, so {@code {_id, version}}
 * — every optimistic-locking save of Spring Data — scanned and deserialized the whole collection, a cost growing
 * with the data. Here, when {@code _id} is a plain string or ObjectId (stored under exactly that key), the candidate
 * is the document under that key, and the whole query (version included) is still matched against it, so results
 * are the same as the scan's.
 */
final class IdLookupH2Backend extends H2Backend {

    IdLookupH2Backend(String fileName) {
        super(fileName);
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
            MVStore store;
            try {
                store = (MVStore) MV_STORE.get(this);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            // the map names of H2Database.openOrCreateCollection
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> dataMap = store.openMap("databases." + fullName);
            MVMap<String, Object> metaMap = store.openMap("meta." + fullName);
            return new Collection(this, collectionName, options, dataMap, metaMap, cursorRegistry);
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
