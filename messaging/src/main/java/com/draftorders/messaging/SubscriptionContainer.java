package com.draftorders.messaging;

import com.draftorders.schemas.Topic;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
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

    public SubscriptionContainer(
            List<Subscription> subscriptions,
            ConsumerFactory<String, byte[]> consumerFactory,
            KafkaTemplate<String, byte[]> deadLetterTemplate,
            MessageCodec codec,
            MessagingProperties properties,
            String groupId) {
        this.codec = codec;
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
        container.setCommonErrorHandler(errorHandler(deadLetterTemplate, properties.retry()));
        container.setBeanName(groupId + "-subscriptions");
    }

    static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> template, MessagingProperties.Retry retry) {
        var recoverer = new DeadLetterPublishingRecoverer(
                template, (record, error) -> new TopicPartition(record.topic() + "-dlt", record.partition()));
        var backOff = new ExponentialBackOff(retry.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxBackoff().toMillis());
        backOff.setMaxAttempts(Math.max(0, retry.attempts() - 1));
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UndecodableMessageException.class, InvalidMessageException.class);
        return handler;
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
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
        if (!subscription.dispatch(message)) {
            log.debug("ignoring {} on {}", message.payload().getClass().getSimpleName(), record.topic());
        }
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
