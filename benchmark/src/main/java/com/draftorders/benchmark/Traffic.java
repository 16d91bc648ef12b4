package com.draftorders.benchmark;

import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The records on the catalog's topics (and their dead-letter topics): end offsets before and after a run give how
 * many records a run wrote; reading that range afterwards gives their sizes and, from each message's
 * {@code causation_id}, how long every hop of the saga took.
 */
final class Traffic implements AutoCloseable {

    private final Target target;
    private final Admin admin;
    private final List<TopicPartition> partitions = new ArrayList<>();

    Traffic(Target target) {
        this.target = target;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                target.kafka,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "bench-offsets"));
        for (Topic<String, ?> topic : Topics.ALL) {
            for (int p = 0; p < topic.partitions(); p++) {
                partitions.add(new TopicPartition(topic.name(), p));
                partitions.add(new TopicPartition(topic.deadLetterTopic(), p));
            }
        }
    }

    static KafkaConsumer<String, byte[]> consumer(Target target, String clientId) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        target.kafka,
                        ConsumerConfig.CLIENT_ID_CONFIG,
                        clientId,
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5000),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /** End offsets of every catalog and dead-letter partition. */
    Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try {
            Map<TopicPartition, Long> offsets = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((tp, info) -> offsets.put(tp, info.offset()));
            return offsets;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read end offsets", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Waits until no record has been written for {@code quiet} (the system finished what was asked of it), at
     * most {@code max}. Returns the offsets then, and whether it got quiet.
     */
    Map<TopicPartition, Long> awaitQuiet(Duration quiet, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        Map<TopicPartition, Long> last = endOffsets();
        long lastChange = System.nanoTime();
        while (System.nanoTime() < deadline) {
            sleep(250);
            Map<TopicPartition, Long> now = endOffsets();
            if (!now.equals(last)) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange >= quiet.toNanos()) {
                return now;
            }
        }
        System.out.println("  (the system was still writing records after " + max.toSeconds() + " s)");
        return last;
    }

    /** One hop: a message and the message that caused it; times in ms. */
    record Hop(
            String hop,
            long count,
            double pickupP50,
            double pickupP99,
            double relayP50,
            double relayP99,
            double totalP50,
            double totalP99,
            double totalMean) {}

    /**
     * @param records records written between the two offset snapshots, dead letters included
     * @param deadLetters records on dead-letter topics
     * @param recordsByTopic per topic
     * @param meanValueBytes mean value size of the records read (0 when not read)
     * @param hops per (cause -> effect) message type, slowest mean first (empty when not read)
     */
    record Report(
            long records,
            long deadLetters,
            Map<String, Long> recordsByTopic,
            double meanValueBytes,
            Map<String, Double> meanValueBytesByTopic,
            List<Hop> hops) {}

    /** Counts what was written between {@code before} and {@code after}; reads and decodes it if {@code read}. */
    Report between(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after, boolean read) {
        Map<String, Long> byTopic = new LinkedHashMap<>();
        long records = 0;
        long deadLetters = 0;
        for (TopicPartition tp : partitions) {
            long n = after.getOrDefault(tp, 0L) - before.getOrDefault(tp, 0L);
            if (n > 0) {
                byTopic.merge(tp.topic(), n, Long::sum);
                records += n;
                if (tp.topic().endsWith("-dlt")) {
                    deadLetters += n;
                }
            }
        }
        if (!read) {
            return new Report(records, deadLetters, byTopic, 0, Map.of(), List.of());
        }
        return read(before, after, records, deadLetters, byTopic);
    }

    private record Node(String type, long timestamp, long occurredAt, String causationId) {}

    private Report read(
            Map<TopicPartition, Long> before,
            Map<TopicPartition, Long> after,
            long records,
            long deadLetters,
            Map<String, Long> byTopic) {
        Map<String, Node> nodes = new HashMap<>();
        Map<String, long[]> bytesByTopic = new LinkedHashMap<>(); // topic -> {bytes, count}
        long bytes = 0;
        long read = 0;
        try (var reader = consumer(target, "bench-range-reader");
                var codec = new MessageCodec(target.registryUrl)) {
            List<TopicPartition> assigned = partitions.stream()
                    .filter(tp -> after.getOrDefault(tp, 0L) > before.getOrDefault(tp, 0L))
                    .toList();
            reader.assign(assigned);
            assigned.forEach(tp -> reader.seek(tp, before.getOrDefault(tp, 0L)));
            Map<TopicPartition, Long> remaining = new HashMap<>();
            assigned.forEach(tp -> remaining.put(tp, after.get(tp)));
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!remaining.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    var tp = new TopicPartition(record.topic(), record.partition());
                    Long end = remaining.get(tp);
                    if (end == null || record.offset() >= end) {
                        continue;
                    }
                    if (record.offset() + 1 >= end) {
                        remaining.remove(tp);
                        reader.pause(List.of(tp));
                    }
                    int size = record.value() == null ? 0 : record.value().length;
                    bytes += size;
                    read++;
                    long[] perTopic = bytesByTopic.computeIfAbsent(record.topic(), t -> new long[2]);
                    perTopic[0] += size;
                    perTopic[1]++;
                    if (record.topic().endsWith("-dlt")) {
                        continue;
                    }
                    try {
                        var envelope = codec.decode(Topics.byName(record.topic()), record.value());
                        var metadata = Topic.metadataOf(envelope);
                        nodes.put(
                                metadata.getEventId(),
                                new Node(
                                        Topic.payloadOf(envelope).getClass().getSimpleName(),
                                        record.timestamp(),
                                        metadata.getOccurredAt().toEpochMilli(),
                                        metadata.getCausationId()));
                    } catch (RuntimeException undecodable) {
                        // counted; no hop
                    }
                }
            }
        }
        Map<String, Histogram[]> hops = new HashMap<>(); // pickup, relay, total
        for (Node effect : nodes.values()) {
            Node cause = effect.causationId() == null ? null : nodes.get(effect.causationId());
            if (cause == null) {
                continue;
            }
            Histogram[] h = hops.computeIfAbsent(cause.type() + " -> " + effect.type(), k ->
                    new Histogram[] {new Histogram(3), new Histogram(3), new Histogram(3)});
            h[0].recordValue(Math.max(0, effect.occurredAt() - cause.timestamp()));
            h[1].recordValue(Math.max(0, effect.timestamp() - effect.occurredAt()));
            h[2].recordValue(Math.max(0, effect.timestamp() - cause.timestamp()));
        }
        List<Hop> hopList = new ArrayList<>();
        hops.forEach((name, h) -> hopList.add(new Hop(
                name,
                h[2].getTotalCount(),
                h[0].getValueAtPercentile(50),
                h[0].getValueAtPercentile(99),
                h[1].getValueAtPercentile(50),
                h[1].getValueAtPercentile(99),
                h[2].getValueAtPercentile(50),
                h[2].getValueAtPercentile(99),
                Figures.round(h[2].getMean(), 1))));
        hopList.sort(Comparator.comparingDouble(Hop::totalMean).reversed());
        Map<String, Double> meanByTopic = new LinkedHashMap<>();
        bytesByTopic.forEach((topic, v) -> meanByTopic.put(topic, Figures.round(v[0] / (double) v[1], 1)));
        return new Report(
                records,
                deadLetters,
                byTopic,
                read == 0 ? 0 : Figures.round(bytes / (double) read, 1),
                meanByTopic,
                hopList);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
