package com.draftorders.benchmark;

import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An upstream sales channel: {@code CreateDraftOrder} and right after it {@code CompleteDraftOrder} on
 * draft-order-requests (same key, so in order); draft-service completes the draft as soon as it is ready.
 */
final class KafkaChannel implements Channel {

    static final String CHANNEL = "bench";
    private final KafkaProducer<String, byte[]> producer;
    private final MessageCodec codec;
    private final Tracker tracker;
    private final String store;

    KafkaChannel(Target target, Tracker tracker, String store) {
        this.tracker = tracker;
        this.store = store;
        this.codec = new MessageCodec(target.registryUrl);
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        target.kafka,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "bench-requests",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        1),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void begin(Completion c) {
        String key = CHANNEL + ":" + c.ref;
        send(
                c,
                key,
                "c",
                CreateDraftOrder.newBuilder()
                        .setRequestId("create-" + c.ref)
                        .setChannel(CHANNEL)
                        .setExternalReference(c.ref)
                        .setEmail(Drafts.EMAIL)
                        .setContent(Drafts.CONTENT)
                        .setNote(c.ref)
                        .setTags(List.of("benchmark"))
                        .build());
        send(
                c,
                key,
                "k",
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-" + c.ref)
                        .setChannel(CHANNEL)
                        .setExternalReference(c.ref)
                        .build());
    }

    private void send(Completion c, String key, String suffix, Object payload) {
        var envelope = Topics.DRAFT_ORDER_REQUESTS.wrap(metadata(c.ref, suffix), payload);
        byte[] value = codec.encode(Topics.DRAFT_ORDER_REQUESTS, envelope);
        producer.send(new ProducerRecord<>(Topics.DRAFT_ORDER_REQUESTS.name(), key, value), (meta, error) -> {
            if (error != null) {
                tracker.finish(c, "send failed: " + error.getClass().getSimpleName());
            }
        });
    }

    private Metadata metadata(String ref, String suffix) {
        return Metadata.newBuilder()
                .setEventId("evt_" + ref + "_" + suffix)
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setCorrelationId(ref)
                .setCausationId(null)
                .setStoreId(store)
                .setAggregateId(ref)
                .setAggregateVersion(1)
                .setSource("benchmark")
                .build();
    }

    @Override
    public void onReady(Completion completion, String draftId) {
        // CompleteDraftOrder is already on its way: the draft completes by itself once ready.
    }

    @Override
    public void close() {
        producer.close();
        codec.close();
    }
}
