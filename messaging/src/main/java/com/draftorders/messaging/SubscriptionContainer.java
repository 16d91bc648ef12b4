package com.draftorders.messaging;

import com.draftorders.schemas.EventHeaders;
import com.draftorders.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs all of a service's {@link Subscription}s in one listener container (one consumer group: the service name).
 * Records are decoded here; a record that cannot be decoded or is invalid goes straight to {@code <topic>-dlt}
 * with its original key and bytes and the error in headers, and any other failure is retried with backoff a
 * bounded number of times before it does the same. Either way the partition keeps flowing.
 */
public class SubscriptionContainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionContainer.class);

    private final Map<String, Subscription> byTopic;
    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private final MessageCodec codec;
    private final MessagingMetrics metrics;

    public SubscriptionContainer(
            List<Subscription> subscriptions,
            ConsumerFactory<String, byte[]> consumerFactory,
            KafkaTemplate<String, byte[]> deadLetterTemplate,
            MessageCodec codec,
            MessagingProperties properties,
            String groupId,
            MessagingMetrics metrics) {
        this.codec = codec;
        this.metrics = metrics;
        this.byTopic =
                subscriptions.stream().collect(Collectors.toMap(s -> s.topic().name(), Function.identity()));
        if (byTopic.isEmpty()) {
            this.container = null;
            return;
        }
        ContainerProperties containerProperties =
                new ContainerProperties(byTopic.keySet().toArray(String[]::new));
        containerProperties.setGroupId(groupId);
        containerProperties.setMessageListener((MessageListener<String, byte[]>) this::onRecord);
        this.container = new ConcurrentMessageListenerContainer<>(consumerFactory, containerProperties);
        container.setConcurrency(properties.concurrency());
        container.setCommonErrorHandler(errorHandler(deadLetterTemplate, properties.retry(), metrics));
        container.setBeanName(groupId + "-subscriptions");
    }

    static DefaultErrorHandler errorHandler(
            KafkaTemplate<String, byte[]> template, MessagingProperties.Retry retry, MessagingMetrics metrics) {
        var publisher = new DeadLetterPublishingRecoverer(
                template, (record, error) -> new TopicPartition(record.topic() + "-dlt", record.partition()));
        // The dead-letter record keeps the original headers (traceparent, ce_*) next to the error headers.
        ConsumerRecordRecoverer recoverer = (record, error) -> {
            publisher.accept(record, error);
            metrics.deadLettered(record.topic(), error);
        };
        var backOff = new ExponentialBackOff(retry.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxBackoff().toMillis());
        backOff.setMaxAttempts(Math.max(0, retry.attempts() - 1));
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UndecodableMessageException.class, InvalidMessageException.class);
        return handler;
    }

    /**
     * Handles one record in a span of the trace its {@code traceparent} header names (a new trace without one), so
     * the handler's log lines carry the trace id and the messages it causes continue the trace.
     */
    private void onRecord(ConsumerRecord<String, byte[]> record) {
        Header traceparent = record.headers().lastHeader(EventHeaders.TRACEPARENT);
        TraceContext trace = TraceContext.continueFrom(
                traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8));
        try (var scope = trace.activate()) {
            handle(record);
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        Subscription subscription = byTopic.get(record.topic());
        @SuppressWarnings("unchecked")
        Topic<String, SpecificRecordBase> topic = (Topic<String, SpecificRecordBase>) subscription.topic();
        SpecificRecordBase envelope = codec.decode(topic, record.value());
        requireMetadata(Topic.metadataOf(envelope));
        var message = new IncomingMessage<>(
                Topic.metadataOf(envelope),
                Topic.payloadOf(envelope),
                record.key(),
                record.topic(),
                record.partition(),
                record.offset());
        boolean applied = subscription.dispatch(message);
        if (!applied) {
            log.debug("ignoring {} on {}", message.payload().getClass().getSimpleName(), record.topic());
        }
        metrics.handled(record.topic(), message.payload(), applied);
    }

    /** Every message must say what it is, for which store and about what; without that nothing can be applied. */
    static void requireMetadata(com.draftorders.avro.common.Metadata metadata) {
        for (var field : new String[][] {
            {"event_id", metadata.getEventId()},
            {"store_id", metadata.getStoreId()},
            {"aggregate_id", metadata.getAggregateId()},
            {"correlation_id", metadata.getCorrelationId()}
        }) {
            if (field[1] == null || field[1].isBlank()) {
                throw new InvalidMessageException("metadata." + field[0] + " is blank");
            }
        }
    }

    @Override
    public void start() {
        if (container != null) {
            container.start();
        }
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return container != null && container.isRunning();
    }
}
