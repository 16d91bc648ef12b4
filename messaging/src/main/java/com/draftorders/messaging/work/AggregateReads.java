package com.draftorders.messaging.work;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonReader;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

/**
 * Reads aggregates for REST views and lists, with the same codecs the unit of work writes with. Nothing read here is
 * written back: changes go through the {@link UnitOfWork}.
 */
public final class AggregateReads {

    private final MongoDatabase database;

    public AggregateReads(MongoDatabase database) {
        this.database = database;
    }

    /** The aggregate with this id in {@code storeId} (null: any store); another store's is not found. */
    public <A> Optional<A> byId(AggregateType<A> type, String id, String storeId) {
        return by(type, Address.ID, id, storeId);
    }

    /** The aggregate whose (uniquely indexed) {@code field} is {@code value}, in {@code storeId} (null: any store). */
    public <A> Optional<A> by(AggregateType<A> type, String field, String value, String storeId) {
        RawBsonDocument document =
                collection(type).find(Filters.eq(field, value)).first();
        if (document == null) {
            return Optional.empty();
        }
        A aggregate = read(type, document);
        if (storeId != null && !storeId.equals(type.storeIdOf(aggregate))) {
            return Optional.empty();
        }
        return Optional.of(aggregate);
    }

    /** Aggregates matching {@code filter}, in {@code sort} order (null: any), at most {@code limit} (0: all). */
    public <A> List<A> find(AggregateType<A> type, Bson filter, Bson sort, int limit) {
        FindIterable<RawBsonDocument> found = collection(type).find(filter);
        if (sort != null) {
            found = found.sort(sort);
        }
        if (limit > 0) {
            found = found.limit(limit);
        }
        List<A> aggregates = new ArrayList<>();
        for (RawBsonDocument document : found) {
            aggregates.add(read(type, document));
        }
        return aggregates;
    }

    private com.mongodb.client.MongoCollection<RawBsonDocument> collection(AggregateType<?> type) {
        return database.getCollection(type.collection(), RawBsonDocument.class);
    }

    private static <A> A read(AggregateType<A> type, RawBsonDocument document) {
        try (BsonReader reader = document.asBsonReader()) {
            return type.read(reader);
        }
    }
}
