package com.draftorders.messaging.work;

import com.draftorders.messaging.OutgoingMessage;
import java.util.List;
import org.bson.BsonReader;
import org.bson.BsonWriter;

/**
 * The outbox entries of a stored document, in BSON: {@code {id, topic, key, value: <bytes>, at, headers: [[name,
 * value], ...]}} per message, in the order they are to be sent.
 */
public final class Outboxes {

    /** The field holding a document's outbox. */
    public static final String FIELD = "outbox";

    private Outboxes() {}

    public static void write(BsonWriter writer, List<OutgoingMessage> messages) {
        Bson.fields(writer).documents(FIELD, messages, Outboxes::writeMessage);
    }

    private static void writeMessage(OutgoingMessage message, Bson.Fields out) {
        out.string("id", message.messageId())
                .string("topic", message.topic())
                .string("key", message.key())
                .bytes("value", message.value())
                .instant("at", message.createdAt())
                .stringMap("headers", message.headers());
    }

    /** The messages of an {@code outbox} array, the reader at its value. */
    public static List<OutgoingMessage> read(BsonReader reader) {
        return Bson.readList(reader, Outboxes::readMessage);
    }

    private static OutgoingMessage readMessage(BsonReader reader) {
        var m = new Object() {
            String id;
            String topic;
            String key;
            byte[] value;
            java.time.Instant at;
            java.util.Map<String, String> headers;
        };
        Bson.readDocument(reader, (name, in) -> {
            switch (name) {
                case "id" -> m.id = in.readString();
                case "topic" -> m.topic = in.readString();
                case "key" -> m.key = in.readString();
                case "value" -> m.value = Bson.readBytes(in);
                case "at" -> m.at = Bson.readInstant(in);
                case "headers" -> m.headers = Bson.readStringMap(in);
                default -> in.skipValue();
            }
        });
        return new OutgoingMessage(m.id, m.topic, m.key, m.value, m.at, m.headers);
    }
}
