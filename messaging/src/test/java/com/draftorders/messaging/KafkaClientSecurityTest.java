package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * docker-compose.yml hands the services their SASL settings as Spring Boot's standard Kafka properties, in
 * environment variables. Every Kafka client a service makes must carry them: the raw producer (outbox relay and
 * dead-letter publisher), the consumers of the subscriptions, and the admin client (Boot's KafkaAdmin, whose
 * configuration the health indicator uses).
 */
class KafkaClientSecurityTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"cart-service\" password=\"s3cret\";";

    /** Exactly the variable names docker-compose.yml sets. */
    private static final Map<String, Object> COMPOSE_ENVIRONMENT = Map.of(
            "SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
            "SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512",
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS);

    private static final Map<String, Object> SASL = Map.of(
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS);

    private static final ObjectProvider<MeterRegistry> NO_METER_REGISTRY =
            new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class);

    private final KafkaProperties kafka = kafkaPropertiesFrom(COMPOSE_ENVIRONMENT);
    private final MessagingAutoConfiguration messaging = new MessagingAutoConfiguration();

    @Test
    void theRawProducerForOutboxAndDeadLettersAuthenticates() {
        assertThat(messaging.rawProducerFactory(kafka, NO_METER_REGISTRY).getConfigurationProperties())
                .containsAllEntriesOf(SASL)
                .containsEntry("bootstrap.servers", java.util.List.of("kafka:9092"))
                .containsEntry("enable.idempotence", true);
    }

    @Test
    void theSubscriptionConsumersAuthenticate() {
        assertThat(messaging.rawConsumerFactory(kafka, NO_METER_REGISTRY).getConfigurationProperties())
                .containsAllEntriesOf(SASL);
    }

    @Test
    void theAdminClientOfTheHealthIndicatorAuthenticates() {
        // Boot's KafkaAutoConfiguration builds its KafkaAdmin from buildAdminProperties(); the health indicator
        // is created from that admin's configuration.
        assertThat(new KafkaAdmin(kafka.buildAdminProperties()).getConfigurationProperties())
                .containsAllEntriesOf(SASL);
    }

    @Test
    void withoutThoseVariablesTheClientsStayPlaintextAsInTheEmbeddedStack() {
        KafkaProperties plain = kafkaPropertiesFrom(Map.of("SPRING_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"));
        assertThat(messaging.rawProducerFactory(plain, NO_METER_REGISTRY).getConfigurationProperties())
                .doesNotContainKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config");
        assertThat(messaging.rawConsumerFactory(plain, NO_METER_REGISTRY).getConfigurationProperties())
                .doesNotContainKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config");
    }

    private static KafkaProperties kafkaPropertiesFrom(Map<String, Object> environment) {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("spring.kafka", Bindable.ofInstance(new KafkaProperties()))
                .get();
    }
}
