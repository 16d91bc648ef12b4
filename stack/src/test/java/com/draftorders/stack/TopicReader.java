package com.draftorders.stack;

import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads and decodes everything on a topic, from the beginning, as a subscriber would see it. */
final class TopicReader<V extends SpecificRecordBase> implements AutoCloseable {

    /** One decoded record with its position and its headers (the last value of each, as UTF-8 text). */
    record Decoded<V>(String key, V envelope, int partition, long offset, Map<String, String> headers) {
        Object payload() {
            return Topic.payloadOf((SpecificRecordBase) envelope);
        }

        String eventId() {
            return Topic.metadataOf((SpecificRecordBase) envelope).getEventId();
        }

        com.draftorders.avro.common.Metadata metadata() {
            return Topic.metadataOf((SpecificRecordBase) envelope);
        }
    }

    private final Topic<String, V> topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final MessageCodec codec;
    private final List<Decoded<V>> seen = new ArrayList<>();

    TopicReader(EmbeddedStack stack, Topic<String, V> topic) {
        this.topic = topic;
        this.codec = new MessageCodec(stack.settings().registryUrl());
        this.consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", stack.settings().kafkaBootstrap()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < topic.partitions(); p++) {
            partitions.add(new TopicPartition(topic.name(), p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls until a payload matching {@code condition} has been seen, and returns all matching payloads. */
    <P> List<P> awaitPayloads(Class<P> type, Predicate<P> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<P> matching = payloads(type, condition);
            if (!matching.isEmpty() || System.nanoTime() > deadline) {
                return matching;
            }
            poll();
        }
    }

    <P> List<P> payloads(Class<P> type, Predicate<P> condition) {
        poll();
        return seen.stream()
                .map(Decoded::payload)
                .filter(type::isInstance)
                .map(type::cast)
                .filter(condition)
                .toList();
    }

    List<Decoded<V>> all() {
        poll();
        return List.copyOf(seen);
    }

    private void poll() {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
            try {
                Map<String, String> headers = new java.util.LinkedHashMap<>();
                record.headers()
                        .forEach(h -> headers.put(
                                h.key(),
                                h.value() == null
                                        ? null
                                        : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
                seen.add(new Decoded<>(
                        record.key(),
                        codec.decode(topic, record.value()),
                        record.partition(),
                        record.offset(),
                        headers));
            } catch (com.draftorders.messaging.UndecodableMessageException poison) {
                // poison records other tests put on the topic on purpose: a subscriber skips them too
            }
        }
    }

    @Override
    public void close() {
        consumer.close();
        codec.close();
    }
}
