package com.draftorders.cart.persistence;

import com.draftorders.cart.domain.DiscountCode;
import com.draftorders.cart.domain.DiscountCodes;
import com.draftorders.cart.domain.DiscountType;
import com.draftorders.messaging.work.Bson;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.BsonReader;
import org.bson.BsonString;
import org.bson.RawBsonDocument;

/**
 * The stores' discount rules (collection {@value #COLLECTION}), always read and written within one store. They are
 * reference data that causes no events, so they are written with plain driver writes (the client's write concern) and
 * not through the unit of work. One document per rule:
 *
 * <pre>{@code
 * {_id: "store_a:SUMMER10", storeId: "store_a", codeKey: "SUMMER10", code: "Summer10", title, description,
 *  valueType: "PERCENTAGE", percentage: "10", fixedAmount, currency, startsAt, endsAt, minimumSubtotal,
 *  createdAt, updatedAt}
 * }</pre>
 *
 * The id and the unique (store, code key) index make a code unique per store ignoring case; every query also names
 * the store, so a code can never reach another store's rule.
 *
 * <p><b>Cache.</b> Cart calculations look their codes up through {@link #forStore}: not at all when the content names
 * no code or the calculation never asks (a stale or locked cart), else from a short-lived per-store cache that
 * remembers found and missing codes alike for {@code cacheTtl} and asks MongoDB once, for all missing codes together.
 * A rule written or deleted through this instance is seen by its next calculation (the write drops the store's
 * cache). <b>Staleness across instances:</b> a rule created, changed or deleted through another instance of
 * cart-service reaches this instance's calculations up to {@code cacheTtl} later; a cart calculated meanwhile keeps
 * what it resolved until its draft changes again, as any cart does after a rule changes. A {@code cacheTtl} of zero
 * reads every rule from MongoDB.
 */
public final class DiscountCodeStore {

    public static final String COLLECTION = "discount_codes";

    /** The rule fields a write sets, or removes when the rule has no value for them. */
    private static final List<String> RULE_FIELDS = List.of(
            "code",
            "title",
            "description",
            "valueType",
            "percentage",
            "fixedAmount",
            "currency",
            "startsAt",
            "endsAt",
            "minimumSubtotal");

    /** More stores than this in the cache: the expired ones are dropped. */
    private static final int MAX_CACHED_STORES = 10_000;

    /** More codes than this in one store's cache: further ones are read but not remembered. */
    private static final int MAX_CACHED_CODES = 1_000;

    /** A rule as stored. */
    public record StoredDiscountCode(DiscountCode rule, Instant createdAt, Instant updatedAt) {}

    /** What a {@link #put} did: the rule as stored, and whether it was new. */
    public record Put(StoredDiscountCode stored, boolean created) {}

    private final MongoCollection<RawBsonDocument> codes;
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final Map<String, StoreRules> cache = new ConcurrentHashMap<>();

    public DiscountCodeStore(MongoDatabase database, Duration cacheTtl) {
        this(database, cacheTtl, System::nanoTime);
    }

    DiscountCodeStore(MongoDatabase database, Duration cacheTtl, LongSupplier nanoTime) {
        this.codes = database.getCollection(COLLECTION, RawBsonDocument.class);
        this.ttlNanos = cacheTtl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Creates the unique (store, code key) index, which also serves listing a store's codes in order. */
    public void createIndexes() {
        codes.createIndex(
                Indexes.ascending("storeId", "codeKey"),
                new IndexOptions().name("store_code").unique(true));
    }

    /** Every rule of {@code storeId}, by code. */
    public List<StoredDiscountCode> list(String storeId) {
        List<StoredDiscountCode> rules = new ArrayList<>();
        for (RawBsonDocument document :
                codes.find(Filters.eq("storeId", storeId)).sort(Sorts.ascending("codeKey"))) {
            rules.add(read(document));
        }
        return rules;
    }

    /** The rule of {@code storeId} with {@code code} (any case). */
    public Optional<StoredDiscountCode> find(String storeId, String code) {
        return Optional.ofNullable(codes.find(inStore(storeId, code)).first()).map(DiscountCodeStore::read);
    }

    /** Creates or replaces the rule of {@code storeId} for {@code rule.code()}, in one atomic write. */
    public Put put(String storeId, DiscountCode rule, Instant now) {
        String key = DiscountCode.normalize(rule.code());
        BsonDocument set = new BsonDocument();
        try (BsonDocumentWriter writer = new BsonDocumentWriter(set)) {
            writer.writeStartDocument();
            write(rule, Bson.fields(writer).string("storeId", storeId).string("codeKey", key));
            writer.writeEndDocument();
        }
        set.append("updatedAt", new BsonDateTime(now.toEpochMilli()));
        BsonDocument update = new BsonDocument("$set", set)
                .append("$setOnInsert", new BsonDocument("createdAt", new BsonDateTime(now.toEpochMilli())));
        BsonDocument unset = new BsonDocument();
        RULE_FIELDS.stream().filter(field -> !set.containsKey(field)).forEach(f -> unset.append(f, new BsonString("")));
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        RawBsonDocument before = upsert(Filters.eq("_id", id(storeId, key)), update);
        cache.remove(storeId);
        Instant stamp = Instant.ofEpochMilli(now.toEpochMilli());
        Instant createdAt = before == null ? null : read(before).createdAt();
        return new Put(new StoredDiscountCode(rule, createdAt == null ? stamp : createdAt, stamp), before == null);
    }

    /** The document before the update, null when the update created it. */
    private RawBsonDocument upsert(org.bson.conversions.Bson filter, BsonDocument update) {
        FindOneAndUpdateOptions options =
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
        try {
            return codes.findOneAndUpdate(filter, update, options);
        } catch (MongoCommandException e) {
            // two writers creating one new code at once: the upsert that lost to the other is an update now
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return codes.findOneAndUpdate(filter, update, options);
        }
    }

    /** Deletes the rule; true when there was one. */
    public boolean delete(String storeId, String code) {
        boolean deleted = codes.deleteOne(inStore(storeId, code)).getDeletedCount() > 0;
        cache.remove(storeId);
        return deleted;
    }

    /**
     * The rules of {@code storeId} among {@code codes}, for a cart calculation: read on the calculation's first
     * question (none when it asks none), then from the cache (see the class comment).
     */
    public DiscountCodes forStore(String storeId, Collection<String> codes) {
        List<String> keys = codes.stream()
                .map(DiscountCode::normalize)
                .filter(key -> key != null && !key.isEmpty())
                .distinct()
                .toList();
        if (keys.isEmpty()) {
            return DiscountCodes.NONE;
        }
        return new DiscountCodes() {
            private Map<String, DiscountCode> rules;

            @Override
            public Optional<DiscountCode> find(String normalizedCode) {
                if (rules == null) {
                    rules = rules(storeId, keys);
                }
                return Optional.ofNullable(rules.get(normalizedCode));
            }
        };
    }

    private Map<String, DiscountCode> rules(String storeId, List<String> keys) {
        if (ttlNanos <= 0) {
            return load(storeId, keys);
        }
        long now = nanoTime.getAsLong();
        StoreRules cached = cache.get(storeId);
        if (cached == null || now - cached.loadedAt >= ttlNanos) {
            if (cache.size() >= MAX_CACHED_STORES) {
                cache.values().removeIf(rules -> now - rules.loadedAt >= ttlNanos);
            }
            cached = new StoreRules(now);
            cache.put(storeId, cached);
        }
        Map<String, DiscountCode> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Optional<DiscountCode> rule = cached.rules.get(key);
            if (rule == null) {
                missing.add(key);
            } else {
                rule.ifPresent(r -> found.put(key, r));
            }
        }
        if (!missing.isEmpty()) {
            Map<String, DiscountCode> loaded = load(storeId, missing);
            found.putAll(loaded);
            // remembered in the cache as it was before the query: a write meanwhile has dropped it for a new one
            for (String key : missing) {
                if (cached.rules.size() < MAX_CACHED_CODES) {
                    cached.rules.putIfAbsent(key, Optional.ofNullable(loaded.get(key)));
                }
            }
        }
        return found;
    }

    private Map<String, DiscountCode> load(String storeId, List<String> keys) {
        Map<String, DiscountCode> found = new HashMap<>();
        for (RawBsonDocument document :
                codes.find(Filters.and(Filters.eq("storeId", storeId), Filters.in("codeKey", keys)))) {
            DiscountCode rule = read(document).rule();
            found.put(DiscountCode.normalize(rule.code()), rule);
        }
        return found;
    }

    /** One store's cached answers: a rule, or empty for a code the store does not have. */
    private static final class StoreRules {
        final long loadedAt;
        final Map<String, Optional<DiscountCode>> rules = new ConcurrentHashMap<>();

        StoreRules(long loadedAt) {
            this.loadedAt = loadedAt;
        }
    }

    private static org.bson.conversions.Bson inStore(String storeId, String code) {
        return Filters.and(
                Filters.eq("_id", id(storeId, DiscountCode.normalize(code))), Filters.eq("storeId", storeId));
    }

    private static String id(String storeId, String codeKey) {
        return storeId + ":" + codeKey;
    }

    private static void write(DiscountCode rule, Bson.Fields out) {
        out.string("code", rule.code())
                .string("title", rule.title())
                .string("description", rule.description())
                .string("valueType", rule.valueType().name())
                .decimal("percentage", rule.percentage())
                .int64("fixedAmount", rule.fixedAmount())
                .string("currency", rule.currency())
                .instant("startsAt", rule.startsAt())
                .instant("endsAt", rule.endsAt())
                .int64("minimumSubtotal", rule.minimumSubtotal());
    }

    private static StoredDiscountCode read(RawBsonDocument document) {
        var d = new Object() {
            String code;
            String title;
            String description;
            DiscountType valueType;
            BigDecimal percentage;
            Long fixedAmount;
            String currency;
            Instant startsAt;
            Instant endsAt;
            Long minimumSubtotal;
            Instant createdAt;
            Instant updatedAt;
        };
        try (BsonReader reader = document.asBsonReader()) {
            Bson.readDocument(reader, (name, in) -> {
                switch (name) {
                    case "code" -> d.code = in.readString();
                    case "title" -> d.title = in.readString();
                    case "description" -> d.description = in.readString();
                    case "valueType" -> d.valueType = DiscountType.valueOf(in.readString());
                    case "percentage" -> d.percentage = Bson.readDecimal(in);
                    case "fixedAmount" -> d.fixedAmount = Bson.readLong(in);
                    case "currency" -> d.currency = in.readString();
                    case "startsAt" -> d.startsAt = Bson.readInstant(in);
                    case "endsAt" -> d.endsAt = Bson.readInstant(in);
                    case "minimumSubtotal" -> d.minimumSubtotal = Bson.readLong(in);
                    case "createdAt" -> d.createdAt = Bson.readInstant(in);
                    case "updatedAt" -> d.updatedAt = Bson.readInstant(in);
                    default -> in.skipValue();
                }
            });
        }
        return new StoredDiscountCode(
                new DiscountCode(
                        d.code,
                        d.title,
                        d.description,
                        d.valueType,
                        d.percentage,
                        d.fixedAmount,
                        d.currency,
                        d.startsAt,
                        d.endsAt,
                        d.minimumSubtotal),
                d.createdAt,
                d.updatedAt);
    }
}
