package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.MessageCodec;
import com.draftorders.messaging.ServiceApplication;
import com.draftorders.payment.PaymentServiceApplication;
import com.draftorders.schemas.Topic;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
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
@Tag("e2e")
class RealInfrastructureContainersTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    /** A single-node replica set: {@code MongoDBContainer} starts a standalone mongod without withReplicaSet(). */
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0").withReplicaSet();

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
    void mongoIsAReplicaSetWhosePrimaryTakesMajorityJournaledWrites() {
        try (MongoClient client = MongoClients.create(mongoUri("replica-set-check"))) {
            Document hello = client.getDatabase("admin").runCommand(new Document("hello", 1));
            assertThat(hello.getString("setName")).isEqualTo("docker-rs");
            assertThat(hello.getBoolean("isWritablePrimary")).isTrue();
            var collection = client.getDatabase("replica-set-check").getCollection("writes");
            collection.insertOne(new Document("_id", "w1"));
            assertThat(collection.getWriteConcern().getWObject()).isEqualTo("majority");
            assertThat(collection.getWriteConcern().getJournal()).isTrue();
            assertThat(collection.countDocuments()).isEqualTo(1);
        }
    }

    /**
     * The container's replica set, with the durability compose's services ask for. Testcontainers initiates the set
     * with the container's own host name, which this machine cannot resolve, so the URL leaves out
     * {@code replicaSet=} and the driver talks to the primary directly (compose names the set: its member address,
     * {@code mongo:27017}, resolves inside compose's network).
     */
    private static String mongoUri(String database) {
        return MONGO.getReplicaSetUrl(database) + "?w=majority&journal=true";
    }

    @Test
    void aServiceStartsHealthyAgainstRealKafkaMongoReplicaSetAndRegistry() {
        int port = StackSettings.free();
        try (var context = ServiceApplication.run(
                PaymentServiceApplication.class,
                "payment-service",
                "--server.port=" + port,
                "--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                "--spring.mongodb.uri=" + mongoUri("payments"),
                "--draftorders.messaging.registry-url=" + registryUrl(),
                "--spring.jmx.enabled=false")) {
            Readiness.await(
                    "payment-service health",
                    java.time.Duration.ofSeconds(60),
                    () -> Readiness.httpOk("http://127.0.0.1:" + port + "/actuator/health"));
        }
    }
}
