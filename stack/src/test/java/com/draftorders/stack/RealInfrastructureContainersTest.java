package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.MessageCodec;
import com.draftorders.messaging.ServiceApplication;
import com.draftorders.payment.PaymentServiceApplication;
import com.draftorders.schemas.Topic;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The serdes and a service against the real thing: Apache Kafka, MongoDB as a replica set and Apicurio Registry in
 * containers. Runs wherever Docker is available and is skipped cleanly where it is not.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealInfrastructureContainersTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>("apicurio/apicurio-registry-mem:2.6.13.Final")
            .withExposedPorts(8080)
            .waitingFor(Wait.forHttp("/health/ready").forStatusCode(200));

    private static String registryUrl() {
        return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8080) + "/apis/registry/v2";
    }

    @Test
    void everyEnvelopeRoundTripsThroughRealKafkaAndApicurio() throws Exception {
        try (var codec = new MessageCodec(registryUrl());
                var producer = new KafkaProducer<String, byte[]>(
                        Map.of("bootstrap.servers", KAFKA.getBootstrapServers()),
                        new StringSerializer(),
                        new ByteArraySerializer());
                var consumer = new KafkaConsumer<String, byte[]>(
                        Map.of("bootstrap.servers", KAFKA.getBootstrapServers()),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            for (var sample : SampleMessages.oneOfEach().entrySet()) {
                @SuppressWarnings("unchecked")
                Topic<String, SpecificRecordBase> topic = (Topic<String, SpecificRecordBase>) sample.getKey();
                var sent = producer.send(
                                new ProducerRecord<>(topic.name(), "k", codec.encode(topic, sample.getValue())))
                        .get();
                assertThat(codec.decode(topic, ContractOverTheWireTest.readBack(consumer, sent)))
                        .isEqualTo(sample.getValue());
            }
        }
    }

    @Test
    void aServiceStartsHealthyAgainstRealKafkaMongoReplicaSetAndRegistry() {
        int port = StackSettings.free();
        try (var context = ServiceApplication.run(
                PaymentServiceApplication.class,
                "payment-service",
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                "--spring.mongodb.uri=" + MONGO.getReplicaSetUrl("payments"),
                "--draftorders.messaging.registry-url=" + registryUrl(),
                "--spring.jmx.enabled=false")) {
            Readiness.await(
                    "payment-service health",
                    java.time.Duration.ofSeconds(60),
                    () -> Readiness.httpOk("http://127.0.0.1:" + port + "/actuator/health"));
        }
    }
}
