package com.draftorders.messaging.work;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.bson.Document;

/**
 * Numbers per key (a store's draft or order numbers: 1, 2, 3, ...) from one counter document per key, safe with any
 * number of instances: each instance reserves a block with one atomic {@code $inc} and hands its numbers out from
 * memory. The block adapts: one number at a time while numbers are taken slowly (no gaps), up to {@code maxBlock} at
 * a time under load (one round trip per block instead of per number). A number is never handed out twice; numbers a
 * stopped or crashed instance had reserved and not used are skipped, and with several instances numbers rise per
 * instance, not across them.
 */
public final class Sequences {

    /** A reservation used up within this many ms makes the next one twice as big. */
    private static final long BUSY_MS = 1_000;

    private final MongoCollection<Document> counters;
    private final int maxBlock;
    private final LongSupplier clock;
    private final Map<String, Block> blocks = new HashMap<>();

    public Sequences(MongoDatabase database, String collection, int maxBlock) {
        this(database, collection, maxBlock, System::currentTimeMillis);
    }

    Sequences(MongoDatabase database, String collection, int maxBlock, LongSupplier clock) {
        this.counters = database.getCollection(collection);
        this.maxBlock = Math.max(1, maxBlock);
        this.clock = clock;
    }

    /** The next number for {@code key}, starting at 1. */
    public synchronized long next(String key) {
        Block block = blocks.computeIfAbsent(key, k -> new Block());
        if (block.next > block.last) {
            long now = clock.getAsLong();
            int size = block.reservedAt != 0 && now - block.reservedAt < BUSY_MS
                    ? Math.min(maxBlock, block.size * 2)
                    : Math.max(1, block.size / 2);
            long last = reserve(key, size);
            block.size = size;
            block.next = last - size + 1;
            block.last = last;
            block.reservedAt = now;
        }
        return block.next++;
    }

    private long reserve(String key, int size) {
        for (int attempt = 1; ; attempt++) {
            try {
                Document counter = counters.findOneAndUpdate(
                        Filters.eq("_id", key),
                        Updates.inc("seq", (long) size),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                return ((Number) counter.get("seq")).longValue();
            } catch (MongoCommandException | MongoWriteException e) {
                // two instances creating a key's very first counter at once: one upsert loses with a duplicate key
                int code =
                        e instanceof MongoCommandException c ? c.getErrorCode() : ((MongoWriteException) e).getCode();
                if (ErrorCategory.fromErrorCode(code) != ErrorCategory.DUPLICATE_KEY || attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private static final class Block {
        long next = 1;
        long last = 0;
        int size = 1;
        long reservedAt;
    }
}
