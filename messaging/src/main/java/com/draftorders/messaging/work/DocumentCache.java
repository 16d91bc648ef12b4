package com.draftorders.messaging.work;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.RawBsonDocument;

/**
 * The documents this instance last wrote or read, as their bytes, so that the next message about the same aggregate
 * starts from them instead of reading the document again: a saga step usually finds its draft where the previous step
 * left it. Nothing relies on a cached document being current: the unit of work writes it back with its version check,
 * and a document someone else changed meanwhile (another instance, a REST call) fails that check and is read again.
 * The least recently used documents leave first.
 */
final class DocumentCache {

    private final int capacity;
    private final Map<Key, RawBsonDocument> documents;

    DocumentCache(int capacity) {
        this.capacity = capacity;
        this.documents = new LinkedHashMap<>(Math.max(16, Math.min(capacity, 1 << 16)), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, RawBsonDocument> eldest) {
                return size() > DocumentCache.this.capacity;
            }
        };
    }

    synchronized RawBsonDocument get(String collection, String id) {
        return capacity == 0 ? null : documents.get(new Key(collection, id));
    }

    synchronized void put(String collection, RawBsonDocument document) {
        if (capacity > 0) {
            documents.put(new Key(collection, document.getString("_id").getValue()), document);
        }
    }

    synchronized void remove(String collection, String id) {
        documents.remove(new Key(collection, id));
    }

    private record Key(String collection, String id) {}
}
