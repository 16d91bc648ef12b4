package com.draftorders.messaging;

import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.messaging.work.UnitOfWork.Outcome;
import com.draftorders.messaging.work.UnitOfWork.Work;
import com.draftorders.schemas.EventHeaders;
import com.draftorders.schemas.Topic;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Runs all of a service's {@link Subscription}s in one listener container (one consumer group: the service name),
 * a poll's records at a time through the {@link UnitOfWork}:
 *
 * <ul>
 *   <li>each record is decoded and turned into its work; a record that cannot be decoded, lacks its metadata or
 *       names no aggregate goes to {@code <topic>-dlt} with its original key, bytes and headers and the error in
 *       headers;
 *   <li>the works run as one batch; a record whose handler fails goes to the dead-letter topic the same way, and the
 *       partition keeps flowing;
 *   <li>dead letters are acknowledged by the broker, and the batch's writes are durable, before the container
 *       commits the poll's offsets; a crash before that delivers the poll again, and the processed ids the
 *       documents hold make the second run change nothing twice;
 *   <li>when MongoDB or the broker fails, the whole poll is tried again with growing pauses for as long as it takes
 *       (nothing is dead-lettered because infrastructure was down).
 * </ul>
 */
public class SubscriptionContainer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionContainer.class);

    private final Map<String, Subscription> byTopic;
    private final ConcurrentMessageListenerContainer<String, byte[]> container;
    private final MessageCodec codec;
    private final MessagingMetrics metrics;
    private final UnitOfWork unitOfWork;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final SagaLog sagaLog;

    public SubscriptionContainer(
            List<Subscription> subscriptions,
            ConsumerFactory<String, byte[]> consumerFactory,
            KafkaTemplate<String, byte[]> deadLetterTemplate,
            MessageCodec codec,
            MessagingProperties properties,
            String groupId,
            MessagingMetrics metrics,
            UnitOfWork unitOfWork) {
        this.codec = codec;
        this.metrics = metrics;
        this.unitOfWork = unitOfWork;
        this.sagaLog = new SagaLog(groupId);
        this.deadLetters = new DeadLetterPublishingRecoverer(
                deadLetterTemplate, (record, error) -> new TopicPartition(record.topic() + "-dlt", record.partition()));
        this.byTopic =
                subscriptions.stream().collect(Collectors.toMap(s -> s.topic().name(), Function.identity()));
        if (byTopic.isEmpty()) {
            this.container = null;
            return;
        }
        ContainerProperties containerProperties =
                new ContainerProperties(byTopic.keySet().toArray(String[]::new));
        containerProperties.setGroupId(groupId);
        containerProperties.setAckMode(ContainerProperties.AckMode.BATCH);
        containerProperties.setMessageListener((BatchMessageListener<String, byte[]>) this::onBatch);
        this.container = new ConcurrentMessageListenerContainer<>(consumerFactory, containerProperties);
        container.setConcurrency(properties.concurrency());
        container.setCommonErrorHandler(errorHandler(properties.retry()));
        container.setBeanName(groupId + "-subscriptions");
    }

    /** A poll that failed (MongoDB or the broker unavailable) is tried again, with growing pauses, until it passes. */
    static DefaultErrorHandler errorHandler(MessagingProperties.Retry retry) {
        var backOff = new ExponentialBackOff(retry.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxBackoff().toMillis());
        return new DefaultErrorHandler(backOff);
    }

    /** Handles one poll: decode, one unit of work, dead letters; the container then commits the offsets. */
    void onBatch(List<ConsumerRecord<String, byte[]>> records) {
        List<Work<?>> works = new ArrayList<>(records.size());
        List<Integer> recordOfWork = new ArrayList<>(records.size());
        List<IncomingMessage<?>> messages = new ArrayList<>(records.size());
        List<ConsumerRecord<String, byte[]>> messageRecords = new ArrayList<>(records.size());
        List<DeadLetter> dead = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TraceContext trace = traceOf(record);
            try (var scope = trace.activate()) {
                IncomingMessage<?> message = decode(record);
                List<Work<?>> recordWorks = byTopic.get(record.topic()).worksFor(message, trace);
                if (recordWorks.isEmpty()) {
                    log.debug("ignoring {} on {}", message.payload().getClass().getSimpleName(), record.topic());
                    metrics.handled(record.topic(), message.payload(), false);
                    continue;
                }
                messages.add(message);
                messageRecords.add(record);
                for (Work<?> work : recordWorks) {
                    works.add(work);
                    recordOfWork.add(messages.size() - 1);
                }
            } catch (UndecodableMessageException | InvalidMessageException e) {
                dead.add(new DeadLetter(record, e));
            }
        }
        List<Outcome> outcomes = works.isEmpty() ? List.of() : unitOfWork.run(works);
        RuntimeException[] failures = new RuntimeException[messages.size()];
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).failed() && failures[recordOfWork.get(i)] == null) {
                failures[recordOfWork.get(i)] = outcomes.get(i).failure();
            }
        }
        for (int m = 0; m < messages.size(); m++) {
            IncomingMessage<?> message = messages.get(m);
            ConsumerRecord<String, byte[]> record = messageRecords.get(m);
            if (failures[m] != null) {
                try (var scope = traceOf(record).activate()) {
                    log.warn(
                            "{} at {}-{}@{} failed and goes to the dead-letter topic: {}",
                            message.payload().getClass().getSimpleName(),
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            failures[m].toString());
                }
                dead.add(new DeadLetter(record, failures[m]));
            } else {
                metrics.handled(record.topic(), message.payload(), true);
                sagaLog.handled(message, traceOf(record));
            }
        }
        for (DeadLetter letter : dead) {
            deadLetters.accept(letter.record(), letter.error());
            metrics.deadLettered(letter.record().topic(), letter.error());
        }
    }

    private record DeadLetter(ConsumerRecord<String, byte[]> record, Exception error) {}

    /** The trace its {@code traceparent} header names (a new trace without one). */
    private static TraceContext traceOf(ConsumerRecord<String, byte[]> record) {
        Header traceparent = record.headers().lastHeader(EventHeaders.TRACEPARENT);
        return TraceContext.continueFrom(
                traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8));
    }

    private IncomingMessage<?> decode(ConsumerRecord<String, byte[]> record) {
        Subscription subscription = byTopic.get(record.topic());
        @SuppressWarnings("unchecked")
        Topic<String, SpecificRecordBase> topic = (Topic<String, SpecificRecordBase>) subscription.topic();
        SpecificRecordBase envelope = codec.decode(topic, record.value());
        requireMetadata(Topic.metadataOf(envelope));
        return new IncomingMessage<>(
                Topic.metadataOf(envelope),
                Topic.payloadOf(envelope),
                record.key(),
                record.topic(),
                record.partition(),
                record.offset());
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
