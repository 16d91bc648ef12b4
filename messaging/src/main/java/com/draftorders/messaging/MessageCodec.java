package com.draftorders.messaging;

import com.draftorders.schemas.AvroTrust;
import com.draftorders.schemas.Topic;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Encodes envelopes to the exact bytes that go on a topic and decodes them back, through the schema registry.
 * Services encode when they write the outbox, so the relay only moves bytes.
 */
public class MessageCodec implements AutoCloseable {

    private final AvroKafkaSerializer<SpecificRecordBase> serializer = new AvroKafkaSerializer<>();
    private final AvroKafkaDeserializer<SpecificRecordBase> deserializer = new AvroKafkaDeserializer<>();

    public MessageCodec(String registryUrl) {
        AvroTrust.trustGeneratedClasses();
        serializer.configure(AvroSerdes.serializerConfig(registryUrl), false);
        deserializer.configure(AvroSerdes.deserializerConfig(registryUrl), false);
    }

    public <V extends SpecificRecordBase> byte[] encode(Topic<String, V> topic, V envelope) {
        return serializer.serialize(topic.name(), envelope);
    }

    /**
     * Decodes a record of {@code topic}.
     *
     * @throws UndecodableMessageException when the bytes are not a record of this topic's schema
     */
    public <V extends SpecificRecordBase> V decode(Topic<String, V> topic, byte[] bytes) {
        if (bytes == null || bytes.length < 5 || bytes[0] != 0) {
            throw new UndecodableMessageException("not in the registry wire format (magic byte 0 + 4-byte id)");
        }
        Object value;
        try {
            value = deserializer.deserialize(topic.name(), bytes);
        } catch (RuntimeException e) {
            throw new UndecodableMessageException("cannot decode: " + e.getMessage(), e);
        }
        if (!topic.valueType().isInstance(value)) {
            throw new UndecodableMessageException(
                    "expected " + topic.valueType().getSimpleName() + " but got "
                            + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        return topic.valueType().cast(value);
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
