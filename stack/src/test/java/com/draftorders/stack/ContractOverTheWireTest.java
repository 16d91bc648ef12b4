package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every topic's envelope goes through the real broker and registry in Confluent's wire format. */
@Tag("e2e")
class ContractOverTheWireTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EmbeddedStack stack = TestStack.shared();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyTopicsEnvelopeRoundTripsAndItsBytesCarryAConfluentSchemaIdTheRegistryResolves() throws Exception {
        var settings = stack.settings();
        try (var codec = new MessageCodec(settings.registryUrl());
                var producer = new KafkaProducer<String, byte[]>(
                        Map.of("bootstrap.servers", settings.kafkaBootstrap()),
                        new StringSerializer(),
                        new ByteArraySerializer());
                var consumer = new KafkaConsumer<String, byte[]>(
                        Map.of("bootstrap.servers", settings.kafkaBootstrap()),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            for (var sample : SampleMessages.oneOfEach().entrySet()) {
                @SuppressWarnings("unchecked")
                Topic<String, SpecificRecordBase> topic = (Topic<String, SpecificRecordBase>) sample.getKey();
                SpecificRecordBase envelope = sample.getValue();

                RecordMetadata sent = producer.send(new ProducerRecord<>(
                                topic.name(),
                                Topic.metadataOf(envelope).getAggregateId(),
                                codec.encode(topic, envelope)))
                        .get();
                byte[] onTheTopic = readBack(consumer, sent);

                assertThat(onTheTopic[0]).as("magic byte of %s", topic.name()).isZero();
                int schemaId = ByteBuffer.wrap(onTheTopic, 1, 4).getInt();
                JsonNode registered = getJson(settings.registryCcompatUrl() + "/schemas/ids/" + schemaId);
                assertThat(new Schema.Parser().parse(registered.get("schema").asString()))
                        .as("schema %d behind %s", schemaId, topic.name())
                        .isEqualTo(topic.valueSchema());
                assertThat(codec.decode(topic, onTheTopic)).isEqualTo(envelope);
            }
        }
    }

    @Test
    void theRegistryListsTheValueSubjectOfEveryTopic() throws Exception {
        JsonNode subjects = getJson(stack.settings().registryCcompatUrl() + "/subjects");
        List<String> names = subjects.valueStream().map(JsonNode::asString).toList();
        assertThat(names)
                .containsAll(Topics.ALL.stream().map(Topic::valueSubject).toList());
    }

    @Test
    void theRegistryRefusesASchemaThatIsNotBackwardCompatible() throws Exception {
        String breaking = Topics.CART_EVENTS
                .valueSchema()
                .toString()
                .replace(
                        "\"fields\":[{\"name\":\"event_id\"",
                        "\"fields\":[{\"name\":\"tenant\",\"type\":\"string\"},{\"name\":\"event_id\"");
        var request = HttpRequest.newBuilder(
                        URI.create(stack.settings().registryCcompatUrl() + "/subjects/cart-events-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", breaking))))
                .build();

        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    }

    private JsonNode getJson(String url) throws Exception {
        var response =
                http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static byte[] readBack(KafkaConsumer<String, byte[]> consumer, RecordMetadata sent) {
        var partition = new TopicPartition(sent.topic(), sent.partition());
        consumer.assign(List.of(partition));
        consumer.seek(partition, sent.offset());
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() == sent.offset()) {
                    return record.value();
                }
            }
        }
        throw new AssertionError("record " + sent + " not read back");
    }
}
