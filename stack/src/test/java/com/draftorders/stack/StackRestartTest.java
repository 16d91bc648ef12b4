package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topics;
import com.mongodb.client.MongoClients;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Everything lives under one data directory: a second start keeps messages, schema ids and documents. */
@Tag("e2e")
class StackRestartTest {

    @Test
    void aRestartedStackStillDecodesEarlierMessagesAndKeepsEarlierDocuments() throws Exception {
        var settings = StackSettings.randomPorts(TestStack.tempDir());
        var envelope = Topics.CART_COMMANDS.wrap(
                SampleMessages.metadata("cart_9"), new com.draftorders.avro.cart.UnlockCart("cart_9", "dorder_9", 1));
        RecordMetadata sent;
        int schemaId;
        String draftId;
        try (var stack = new EmbeddedStack(settings, List.of()).start();
                var codec = new MessageCodec(settings.registryUrl());
                var producer = producer(settings);
                var mongo = MongoClients.create(settings.mongoUri())) {
            byte[] bytes = codec.encode(Topics.CART_COMMANDS, envelope);
            schemaId = ByteBuffer.wrap(bytes, 1, 4).getInt();
            sent = producer.send(new ProducerRecord<>("cart-commands", "cart_9", bytes))
                    .get();
            mongo.getDatabase("drafts").getCollection("restart_check").insertOne(new Document("_id", "kept"));
            draftId = new Rest(stack.service("draft-service").url())
                    .post("/draft-orders", CompletionOverRestEndToEndTest.simpleDraft("7.00"))
                    .path("draft_order", "id")
                    .asString();
        }

        try (var stack = new EmbeddedStack(settings, List.of()).start();
                var codec = new MessageCodec(settings.registryUrl());
                var consumer = consumer(settings);
                var mongo = MongoClients.create(settings.mongoUri())) {
            byte[] bytes = ContractOverTheWireTest.readBack(consumer, sent);

            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(schemaId);
            assertThat(codec.decode(Topics.CART_COMMANDS, bytes)).isEqualTo(envelope);
            assertThat(mongo.getDatabase("drafts")
                            .getCollection("restart_check")
                            .find()
                            .first())
                    .isEqualTo(new Document("_id", "kept"));
        }
    }

    private static KafkaProducer<String, byte[]> producer(StackSettings settings) {
        return new KafkaProducer<>(
                Map.of("bootstrap.servers", settings.kafkaBootstrap()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(StackSettings settings) {
        return new KafkaConsumer<>(
                Map.of("bootstrap.servers", settings.kafkaBootstrap()),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }
}
