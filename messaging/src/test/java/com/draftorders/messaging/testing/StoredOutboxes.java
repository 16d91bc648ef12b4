package com.draftorders.messaging.testing;

import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.work.Outboxes;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.List;
import org.bson.BsonBinaryWriter;
import org.bson.BsonReader;
import org.bson.BsonType;
import org.bson.RawBsonDocument;
import org.bson.io.BasicOutputBuffer;

/** Documents with an outbox, written and read the way the unit of work stores them, for relay tests. */
public final class StoredOutboxes {

    private StoredOutboxes() {}

    /** Stores (or replaces) document {@code id} of {@code collection} with exactly these outbox messages. */
    public static void store(MongoDatabase database, String collection, String id, List<OutgoingMessage> outbox) {
        BasicOutputBuffer buffer = new BasicOutputBuffer();
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeString("_id", id);
            writer.writeInt64("version", 1);
            Outboxes.write(writer, outbox);
            writer.writeEndDocument();
        }
        database.getCollection(collection, RawBsonDocument.class)
                .replaceOne(
                        Filters.eq("_id", id),
                        new RawBsonDocument(buffer.toByteArray()),
                        new ReplaceOptions().upsert(true));
    }

    /** The outbox of document {@code id}, empty when it has none. */
    public static List<OutgoingMessage> outboxOf(MongoDatabase database, String collection, String id) {
        RawBsonDocument document = database.getCollection(collection, RawBsonDocument.class)
                .find(Filters.eq("_id", id))
                .first();
        if (document == null) {
            return List.of();
        }
        try (BsonReader reader = document.asBsonReader()) {
            reader.readStartDocument();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                if (reader.readName().equals(Outboxes.FIELD)) {
                    return Outboxes.read(reader);
                }
                reader.skipValue();
            }
        }
        return List.of();
    }
}
