package com.draftorders.benchmark;

import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderRequestEnvelope;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the broker and the clients can do with no service involved, through the same broker, with envelopes of a
 * completion's mean message size encoded by the messaging module's {@link MessageCodec} (registry wire format):
 *
 * <ul>
 *   <li>{@code raw max}: one producer configured like the services' outbox relay (idempotent, {@code acks=all},
 *       {@code linger.ms=1}) sends already encoded envelopes (as the relay does: services encode when they write
 *       the outbox) as fast as a window of messages in flight allows; one consumer polls them. This is the
 *       ceiling the ratio is computed against.
 *   <li>{@code raw paced}: the same at a fixed rate, latency from each message's intended send time.
 *   <li>{@code codec max}: as raw max, but every message is encoded and decoded again through the registry serdes,
 *       as a service does once per message it writes and reads; the mean encode and decode times are reported.
 * </ul>
 */
final class Ceiling {

    static final String TOPIC = "benchmark-ceiling";
    private static final String SENT_AT = "bench-sent-at";
    private static final int POOL = 1024;

    private final Target target;
    private final Resources resources;

    Ceiling(Target target, Resources resources) {
        this.target = target;
        this.resources = resources;
    }

    /**
     * @param offeredPerSecond 0 for the max-throughput phases
     * @param encodeMicros mean time to encode one envelope (codec phase only)
     * @param decodeMicros mean time to decode one envelope (codec phase only)
     */
    record Phase(
            String name,
            double offeredPerSecond,
            long messages,
            double messagesPerSecond,
            Latency.Summary latency,
            Double encodeMicros,
            Double decodeMicros,
            Resources.Usage resources) {}

    record Result(String topic, int messageBytes, int window, List<Phase> phases) {
        /** The raw max phase's throughput. */
        double maxMessagesPerSecond() {
            return phases.isEmpty() ? 0 : phases.get(0).messagesPerSecond();
        }
    }

    Result run(Duration duration, int window, int pacedRate, int messageBytes) {
        createTopic();
        var codec = new MessageCodec(target.registryUrl);
        String note = padding(codec, messageBytes);
        List<byte[]> pool = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            pool.add(codec.encode(Topics.DRAFT_ORDER_REQUESTS, envelope(i, note)));
        }
        int actualBytes = pool.get(0).length;
        List<Phase> phases = new ArrayList<>();
        try (var producer = producer();
                var consumer = Traffic.consumer(target, "bench-ceiling-consumer")) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < Topics.PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            phases.add(phase("raw max", 0, false, duration, window, pool, note, codec, producer, consumer));
            if (pacedRate > 0) {
                phases.add(phase(
                        "raw paced " + pacedRate + "/s",
                        pacedRate,
                        false,
                        duration,
                        window,
                        pool,
                        note,
                        codec,
                        producer,
                        consumer));
            }
            phases.add(phase("codec max", 0, true, duration, window, pool, note, codec, producer, consumer));
        } finally {
            codec.close();
        }
        return new Result(TOPIC, actualBytes, window, phases);
    }

    private Phase phase(
            String name,
            int rate,
            boolean viaCodec,
            Duration duration,
            int window,
            List<byte[]> pool,
            String note,
            MessageCodec codec,
            KafkaProducer<String, byte[]> producer,
            KafkaConsumer<String, byte[]> consumer) {
        Latency latency = new Latency();
        Semaphore inFlight = rate > 0 ? null : new Semaphore(window);
        AtomicLong consumed = new AtomicLong();
        AtomicLong lastConsumed = new AtomicLong();
        AtomicLong decodeNanos = new AtomicLong();
        long encodeNanos = 0;
        var decodeCodec = new MessageCodec(target.registryUrl);
        var stop = new AtomicBoolean();
        Thread reader = new Thread(
                () -> {
                    while (!stop.get()) {
                        try {
                            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                                if (viaCodec) {
                                    long t = System.nanoTime();
                                    decodeCodec.decode(Topics.DRAFT_ORDER_REQUESTS, record.value());
                                    decodeNanos.addAndGet(System.nanoTime() - t);
                                }
                                long sentAt = ByteBuffer.wrap(record.headers()
                                                .lastHeader(SENT_AT)
                                                .value())
                                        .getLong();
                                long now = System.nanoTime();
                                latency.recordNanos(now - sentAt);
                                lastConsumed.set(now);
                                consumed.incrementAndGet();
                                if (inFlight != null) {
                                    inFlight.release();
                                }
                            }
                        } catch (RuntimeException e) {
                            System.err.println("ceiling consumer: " + e);
                        }
                    }
                },
                "bench-ceiling-consumer");
        var usage = resources.start();
        long start = System.nanoTime();
        reader.start();
        long sent = 0;
        long end = start + duration.toNanos();
        RatePacer pacer = rate > 0 ? new RatePacer(start, rate) : null;
        try {
            while (System.nanoTime() < end) {
                long sentAt;
                if (pacer != null) {
                    sentAt = pacer.awaitSend(sent);
                } else {
                    inFlight.acquire();
                    sentAt = System.nanoTime();
                }
                byte[] value;
                if (viaCodec) {
                    long t = System.nanoTime();
                    value = codec.encode(Topics.DRAFT_ORDER_REQUESTS, envelope(sent, note));
                    encodeNanos += System.nanoTime() - t;
                } else {
                    value = pool.get((int) (sent % POOL));
                }
                var record = new ProducerRecord<>(TOPIC, "k" + (sent % POOL), value);
                record.headers()
                        .add(SENT_AT, ByteBuffer.allocate(8).putLong(sentAt).array());
                producer.send(record);
                sent++;
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumed.get() < sent && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop.set(true);
            try {
                reader.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            decodeCodec.close();
        }
        var resourceUsage = usage.stop();
        long count = consumed.get();
        return new Phase(
                name,
                rate,
                count,
                Figures.round(Figures.perSecond(count, lastConsumed.get() - start), 0),
                Latency.Summary.of(latency.total()),
                viaCodec && sent > 0 ? Figures.round(encodeNanos / 1000.0 / sent, 1) : null,
                viaCodec && count > 0 ? Figures.round(decodeNanos.get() / 1000.0 / count, 1) : null,
                resourceUsage);
    }

    /** A note that brings the encoded envelope to about {@code bytes}. */
    private static String padding(MessageCodec codec, int bytes) {
        String note = "";
        for (int i = 0; i < 4; i++) {
            int size = codec.encode(Topics.DRAFT_ORDER_REQUESTS, envelope(0, note)).length;
            int missing = bytes - size;
            if (missing == 0 || (missing < 0 && note.isEmpty())) {
                break;
            }
            note = "x".repeat(Math.max(0, note.length() + missing));
        }
        return note;
    }

    private static DraftOrderRequestEnvelope envelope(long sequence, String note) {
        String id = String.format("ceiling-%012d", sequence);
        var metadata = Metadata.newBuilder()
                .setEventId("evt_" + id)
                .setOccurredAt(Instant.ofEpochMilli(System.currentTimeMillis()))
                .setCorrelationId(id)
                .setCausationId(null)
                .setStoreId("bench")
                .setAggregateId(id)
                .setAggregateVersion(1)
                .setSource("benchmark")
                .build();
        return Topics.DRAFT_ORDER_REQUESTS.wrap(
                metadata,
                CreateDraftOrder.newBuilder()
                        .setRequestId(id)
                        .setChannel("bench")
                        .setExternalReference(id)
                        .setEmail(Drafts.EMAIL)
                        .setContent(Drafts.CONTENT)
                        .setNote(note.isEmpty() ? null : note)
                        .setTags(List.of())
                        .build());
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        target.kafka,
                        ProducerConfig.CLIENT_ID_CONFIG,
                        "bench-ceiling-producer",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        1),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private void createTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, target.kafka))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, Topics.PARTITIONS, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create " + TOPIC, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
