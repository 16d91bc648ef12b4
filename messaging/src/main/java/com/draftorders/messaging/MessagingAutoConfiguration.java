package com.draftorders.messaging;

import com.draftorders.messaging.work.AggregateIndexes;
import com.draftorders.messaging.work.AggregateReads;
import com.draftorders.messaging.work.AggregateType;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.schemas.AvroTrust;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import com.mongodb.WriteConcern;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.CompositeProducerListener;
import org.springframework.kafka.support.LoggingProducerListener;

/**
 * Everything a service needs to talk over Kafka the same way as the others: registry-backed Avro codec, one
 * idempotent raw producer (outbox relay and dead letters), one consumer group running the service's
 * {@link Subscription}s, the catalog's topics, and health indicators for Kafka and the registry.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    static {
        AvroTrust.trustGeneratedClasses();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    MessageCodec messageCodec(MessagingProperties properties) {
        return new MessageCodec(properties.registryUrl());
    }

    @Bean
    MessageFactory messageFactory(
            MessageCodec codec,
            MessagingProperties properties,
            Clock clock,
            @Value("${spring.application.name:unknown}") String applicationName) {
        return new MessageFactory(codec, properties.sourceOr(applicationName), clock);
    }

    /** Message counters; into the application's meter registry (Prometheus), or a private one when there is none. */
    @Bean
    MessagingMetrics messagingMetrics(ObjectProvider<MeterRegistry> registry) {
        return new MessagingMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    ProducerFactory<String, byte[]> rawProducerFactory(KafkaProperties kafka, ObjectProvider<MeterRegistry> registry) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        var factory = new DefaultKafkaProducerFactory<String, byte[]>(config);
        registry.ifAvailable(r -> factory.addListener(new MicrometerProducerListener<>(r)));
        return factory;
    }

    @Bean
    KafkaTemplate<String, byte[]> rawKafkaTemplate(
            ProducerFactory<String, byte[]> rawProducerFactory,
            MessagingMetrics metrics,
            MessagingProperties properties,
            @Value("${spring.application.name:unknown}") String applicationName) {
        var template = new KafkaTemplate<>(rawProducerFactory);
        template.setProducerListener(new CompositeProducerListener<>(
                new LoggingProducerListener<>(),
                metrics.producerListener(),
                new SagaLog(properties.sourceOr(applicationName)).emitted()));
        return template;
    }

    @Bean
    ConsumerFactory<String, byte[]> rawConsumerFactory(KafkaProperties kafka, ObjectProvider<MeterRegistry> registry) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A crashed instance's partitions move to the survivors (or its restart) after this, not Kafka's 45 s.
        config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2_000);
        var factory = new DefaultKafkaConsumerFactory<String, byte[]>(config);
        // Kafka client metrics per consumer, e.g. kafka_consumer_fetch_manager_records_lag_max (consumer lag).
        registry.ifAvailable(r -> factory.addListener(new MicrometerConsumerListener<>(r)));
        return factory;
    }

    @Bean
    SubscriptionContainer subscriptionContainer(
            ObjectProvider<Subscription> subscriptions,
            ConsumerFactory<String, byte[]> rawConsumerFactory,
            KafkaTemplate<String, byte[]> rawKafkaTemplate,
            MessageCodec codec,
            MessagingProperties properties,
            @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String groupId,
            MessagingMetrics metrics,
            UnitOfWork unitOfWork) {
        return new SubscriptionContainer(
                subscriptions.orderedStream().toList(),
                rawConsumerFactory,
                rawKafkaTemplate,
                codec,
                properties,
                groupId,
                metrics,
                unitOfWork);
    }

    /** Every collection whose documents carry an outbox: the aggregates', the receipts, and any configured. */
    public static List<String> outboxCollections(List<AggregateType<?>> aggregates, MessagingProperties properties) {
        Set<String> collections = new LinkedHashSet<>();
        aggregates.forEach(a -> collections.add(a.collection()));
        collections.add(UnitOfWork.RECEIPTS);
        collections.addAll(properties.outboxCollections());
        return List.copyOf(collections);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo,
            KafkaTemplate<String, byte[]> rawKafkaTemplate,
            MessagingProperties properties,
            ObjectProvider<AggregateType<?>> aggregates) {
        return new OutboxRelay(
                mongo.getDb(),
                rawKafkaTemplate,
                outboxCollections(aggregates.orderedStream().toList(), properties),
                properties.outboxSweepInterval(),
                properties.outboxRelayThreads(),
                properties.outboxRemovalDelay());
    }

    @Bean
    UnitOfWork unitOfWork(MongoTemplate mongo, OutboxRelay relay, Clock clock, MessagingProperties properties) {
        return new UnitOfWork(mongo.getDb(), relay, clock, properties.writeAttempts(), properties.cachedDocuments());
    }

    @Bean
    AggregateReads aggregateReads(MongoTemplate mongo) {
        return new AggregateReads(mongo.getDb());
    }

    /** Creates the indexes every aggregate type declares, at start. */
    @Bean
    AggregateIndexes aggregateIndexes(MongoTemplate mongo, ObjectProvider<AggregateType<?>> aggregates) {
        return new AggregateIndexes(mongo.getDb(), aggregates.orderedStream().toList());
    }

    /**
     * Every write is acknowledged only once durable: {@code w: majority, j: true}, unless the connection string
     * states its own write concern. The unit of work relies on it before it relays, commits offsets or answers.
     */
    @Bean
    MongoClientSettingsBuilderCustomizer durableWrites(MongoConnectionDetails connection) {
        return settings -> {
            if (connection.getConnectionString().getWriteConcern() == null) {
                settings.writeConcern(WriteConcern.MAJORITY.withJournal(true));
            }
        };
    }

    @Bean
    com.draftorders.messaging.web.ApiExceptionHandler apiExceptionHandler() {
        return new com.draftorders.messaging.web.ApiExceptionHandler();
    }

    /** Outbox backlog gauges, measured when scraped and at most every 5 seconds. */
    @Bean
    OutboxMetrics outboxMetrics(
            MongoTemplate mongo,
            MessagingProperties properties,
            Clock clock,
            ObjectProvider<AggregateType<?>> aggregates) {
        return new OutboxMetrics(
                mongo,
                outboxCollections(aggregates.orderedStream().toList(), properties),
                clock,
                Duration.ofSeconds(5));
    }

    /** The consumer group's lag per subscribed topic, measured when scraped and at most every 5 seconds. */
    @Bean
    ConsumerLagMetrics consumerLagMetrics(
            KafkaAdmin admin,
            ObjectProvider<Subscription> subscriptions,
            @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String groupId,
            Clock clock) {
        return new ConsumerLagMetrics(
                admin.getConfigurationProperties(),
                groupId,
                subscriptions
                        .orderedStream()
                        .map(s -> s.topic().name())
                        .distinct()
                        .toList(),
                clock,
                Duration.ofSeconds(5));
    }

    @Bean
    KafkaAdmin.NewTopics catalogTopics(MessagingProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        if (properties.createTopics()) {
            for (Topic<String, ?> topic : Topics.ALL) {
                topics.add(new NewTopic(topic.name(), topic.partitions(), properties.replicationFactor()));
                topics.add(new NewTopic(topic.deadLetterTopic(), topic.partitions(), properties.replicationFactor()));
            }
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin.getConfigurationProperties());
    }

    @Bean
    SchemaRegistration schemaRegistration(MessagingProperties properties) {
        return new SchemaRegistration(properties.registryUrl());
    }

    /** Named so that Boot's own Mongo indicator backs off; shows up as {@code mongo}. */
    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoHealthIndicator(mongo);
    }

    @Bean
    SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(MessagingProperties properties) {
        return new SchemaRegistryHealthIndicator(properties.registryUrl());
    }
}
