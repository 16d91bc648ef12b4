package com.draftorders.stack;

import com.draftorders.avro.common.Metadata;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An upstream sales channel as the tests play it: requests on {@code draft-order-requests} in the registry's wire
 * format, keyed by the channel's reference, with metadata the test may adjust (store, correlation) and headers.
 */
final class Channel implements AutoCloseable {

    private final String source;
    private final MessageCodec codec;
    private final KafkaProducer<String, byte[]> producer;

    Channel(EmbeddedStack stack, String source) {
        this.source = source;
        this.codec = new MessageCodec(stack.settings().registryUrl());
        this.producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.settings().kafkaBootstrap()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** Metadata of a request from store {@code dev} sent by this channel. */
    Metadata metadata(String reference) {
        var metadata = SampleMessages.metadata(reference);
        metadata.setSource(source);
        return metadata;
    }

    /** A request of store {@code dev}, keyed by {@code reference}. */
    void send(String reference, Object payload) throws Exception {
        send(reference, metadata(reference), payload, Map.of());
    }

    /** A request of {@code store}, keyed by {@code reference}. */
    void send(String store, String reference, Object payload) throws Exception {
        var metadata = metadata(reference);
        metadata.setStoreId(store);
        send(reference, metadata, payload, Map.of());
    }

    /** A request with the given metadata and record headers. */
    void send(String key, Metadata metadata, Object payload, Map<String, String> headers) throws Exception {
        var topic = Topics.DRAFT_ORDER_REQUESTS;
        var record = new ProducerRecord<>(topic.name(), key, codec.encode(topic, topic.wrap(metadata, payload)));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get();
    }

    /** Raw bytes on any topic, e.g. a poison record. */
    void sendRaw(String topic, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    @Override
    public void close() {
        producer.close();
        codec.close();
    }
}
