package com.draftorders.schemas;

import com.draftorders.avro.common.Metadata;
import java.util.function.BiFunction;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One Kafka topic with its key and value types. Every producer and consumer goes through a {@code Topic}, so a
 * topic's name, partitioning and contract live in exactly one place: {@link Topics}.
 *
 * @param name the topic name
 * @param keyType the record key type (the aggregate id as a string)
 * @param valueType the envelope record: common {@link Metadata} plus a {@code payload} union
 * @param partitions partitions the topic is created with
 * @param envelope builds an envelope from metadata and a payload
 */
public record Topic<K, V extends SpecificRecordBase>(
        String name, Class<K> keyType, Class<V> valueType, int partitions, BiFunction<Metadata, Object, V> envelope) {

    /** The registry subject of the value schema (TopicNameStrategy), e.g. {@code cart-events-value}. */
    public String valueSubject() {
        return name + "-value";
    }

    /** The dead-letter topic of this topic. */
    public String deadLetterTopic() {
        return name + "-dlt";
    }

    public Schema valueSchema() {
        return SpecificDataHolder.schemaOf(valueType);
    }

    public V wrap(Metadata metadata, Object payload) {
        if (!acceptsPayload(payload)) {
            throw new IllegalArgumentException(
                    payload.getClass().getSimpleName() + " is not a payload of topic " + name);
        }
        return envelope.apply(metadata, payload);
    }

    /** Whether {@code payload} is one of the types in this topic's payload union. */
    public boolean acceptsPayload(Object payload) {
        return acceptsPayloadType(payload.getClass());
    }

    /** Whether {@code type} is one of the types in this topic's payload union. */
    public boolean acceptsPayloadType(Class<?> type) {
        Schema union = valueSchema().getField("payload").schema();
        return union.getTypes().stream().anyMatch(member -> member.getFullName().equals(type.getName()));
    }

    public static Metadata metadataOf(SpecificRecordBase envelope) {
        return (Metadata) envelope.get("metadata");
    }

    public static Object payloadOf(SpecificRecordBase envelope) {
        return envelope.get("payload");
    }

    /** Keeps the reflective schema lookup out of the record's public surface. */
    private static final class SpecificDataHolder {
        static Schema schemaOf(Class<?> type) {
            return org.apache.avro.specific.SpecificData.get().getSchema(type);
        }
    }
}
