package com.draftorders.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far this service's consumer group is behind on each topic it subscribes to, in records: the end offsets less
 * the group's committed offsets, summed over the partitions ({@value #LAG}, Prometheus
 * {@code draftorders_consumer_lag_records}). Unlike the Kafka client's {@code records-lag-max}, which is a windowed
 * maximum and reads NaN once nothing was fetched for a while, it is a number at idle (0 when caught up) and grows
 * while the service is stopped or stuck. Measured with the admin client when scraped, at most every
 * {@code refreshInterval}; a topic not measured yet (or a broker that does not answer) reads NaN.
 */
public class ConsumerLagMetrics implements MeterBinder {

    public static final String LAG = "draftorders.consumer.lag";
    private static final Logger log = LoggerFactory.getLogger(ConsumerLagMetrics.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminConfig;
    private final String group;
    private final List<String> topics;
    private final Clock clock;
    private final Duration refreshInterval;
    private Map<String, Long> lags = Map.of();
    private Instant refreshedAt = Instant.MIN;

    public ConsumerLagMetrics(
            Map<String, Object> adminConfig, String group, List<String> topics, Clock clock, Duration refreshInterval) {
        this.adminConfig = Map.copyOf(adminConfig);
        this.group = group;
        this.topics = List.copyOf(topics);
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String topic : topics) {
            Gauge.builder(LAG, () -> lag(topic))
                    .description("Records on the topic the service's consumer group has not committed yet")
                    .tag("group", group)
                    .tag("topic", topic)
                    .baseUnit("records")
                    .register(registry);
        }
    }

    /** The group's lag on {@code topic}, at most {@code refreshInterval} old; NaN when it could not be measured. */
    public synchronized double lag(String topic) {
        Instant now = clock.instant();
        if (refreshedAt.isBefore(now.minus(refreshInterval))) {
            try {
                lags = measure();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                log.debug("measuring the consumer lag of {} failed: {}", group, e.toString());
                lags = Map.of();
            }
            refreshedAt = now;
        }
        Long lag = lags.get(topic);
        return lag == null ? Double.NaN : lag;
    }

    private Map<String, Long> measure() throws Exception {
        var config = new HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        try (AdminClient admin = AdminClient.create(config)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            var described = admin.describeTopics(topics).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            described.forEach((name, description) -> description
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            var ends = admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Long> measured = new HashMap<>();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata offset = committed.get(partition);
                // a partition the group never committed on: everything on it is still to be read
                long behind = end.offset() - (offset == null ? 0 : offset.offset());
                measured.merge(partition.topic(), Math.max(0, behind), Long::sum);
            });
            return measured;
        }
    }
}
