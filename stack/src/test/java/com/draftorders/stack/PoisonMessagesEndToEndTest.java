package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.cart.CartTotalsCalculated;
import com.draftorders.avro.cart.CartType;
import com.draftorders.avro.cart.CartUnlocked;
import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.cart.ReplaceCartContent;
import com.draftorders.avro.cart.UnlockCart;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.draft.CancelDraftOrder;
import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.avro.order.OrderPaymentVoided;
import com.draftorders.avro.payment.PaymentVoided;
import com.draftorders.avro.payment.VoidPayment;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.messaging.tools.DeadLetters;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Garbage bytes and schema-valid but invalid records on every consumed topic: each lands in {@code <topic>-dlt}
 * with the original key and bytes and its error in headers, the partition keeps flowing, and a dead letter
 * replayed once its cause is fixed is processed.
 */
@Tag("e2e")
class PoisonMessagesEndToEndTest {

    static EmbeddedStack stack;
    static MessageCodec codec;
    static KafkaProducer<String, byte[]> producer;

    /** A harmless, valid message per topic, and the consumer groups that must get past it. */
    record Probe(Topic<String, ?> topic, Object harmless, List<String> groups) {}

    static final List<Probe> PROBES = List.of(
            new Probe(
                    Topics.DRAFT_ORDER_REQUESTS,
                    new CancelDraftOrder("req-x", "probe", "nothing", null, null),
                    List.of("draft-service")),
            new Probe(Topics.CART_COMMANDS, new UnlockCart("cart_none", "dorder_none", 1), List.of("cart-service")),
            new Probe(Topics.CART_EVENTS, new CartUnlocked("cart_none", "dorder_none", 1), List.of("draft-service")),
            new Probe(
                    Topics.PAYMENT_COMMANDS,
                    new VoidPayment("pay_none", "void:pay_none", null),
                    List.of("payment-service")),
            new Probe(
                    Topics.PAYMENT_EVENTS,
                    new PaymentVoided("pay_none", "dorder_none", null),
                    List.of("draft-service", "order-service")),
            new Probe(
                    Topics.ORDER_COMMANDS,
                    CreateOrderFromCart.newBuilder()
                            .setDraftOrderId("dorder_none")
                            .setPaymentId("pay_none")
                            .setCart(SampleMessages.cart())
                            .build(),
                    List.of("order-service")),
            new Probe(Topics.ORDER_EVENTS, new OrderPaymentVoided("order_none", "pay_none"), List.of("draft-service")));

    @BeforeAll
    static void start() {
        stack = TestStack.shared();
        codec = new MessageCodec(stack.settings().registryUrl());
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.settings().kafkaBootstrap()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        codec.close();
    }

    @Test
    void poisonAndInvalidRecordsOnEveryConsumedTopicGoToItsDeadLetterTopicAndThePartitionKeepsFlowing()
            throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        var deadLetters = new DeadLetters(stack.settings().kafkaBootstrap());
        for (Probe probe : PROBES) {
            String topic = probe.topic().name();
            String poisonKey = "poison-" + run;
            String invalidKey = "invalid-" + run;
            byte[] garbage = ("\u0000\u0000\u0000\u0000\u0007not avro at all " + run).getBytes(StandardCharsets.UTF_8);
            producer.send(new ProducerRecord<>(topic, 0, poisonKey, garbage)).get();
            Metadata blankStore = SampleMessages.metadata("x");
            blankStore.setStoreId("");
            producer.send(new ProducerRecord<>(
                            topic, 0, invalidKey, encode(probe.topic(), blankStore, probe.harmless())))
                    .get();
            long goodOffset = producer.send(new ProducerRecord<>(
                            topic,
                            0,
                            "good-" + run,
                            encode(probe.topic(), SampleMessages.metadata("x"), probe.harmless())))
                    .get()
                    .offset();

            var letters = Eventually.await(
                    topic + " dead letters",
                    Duration.ofSeconds(30),
                    () -> deadLetters.list(probe.topic().deadLetterTopic()).stream()
                            .filter(l -> l.key() != null && l.key().endsWith(run))
                            .toList(),
                    found -> found.size() == 2 * probe.groups().size()); // each consumer group dead-letters it
            var poison = letters.stream()
                    .filter(l -> l.key().equals(poisonKey))
                    .findFirst()
                    .orElseThrow();
            assertThat(poison.value()).as("original bytes").isEqualTo(garbage);
            assertThat(poison.originalTopic()).isEqualTo(topic);
            assertThat(poison.originalPartition()).isZero();
            assertThat(poison.error()).endsWith("UndecodableMessageException");
            var invalid = letters.stream()
                    .filter(l -> l.key().equals(invalidKey))
                    .findFirst()
                    .orElseThrow();
            assertThat(invalid.error()).endsWith("InvalidMessageException");
            assertThat(invalid.errorMessage()).contains("metadata.store_id is blank");

            for (String group : probe.groups()) {
                Eventually.await(
                        group + " past the good record on " + topic,
                        Duration.ofSeconds(30),
                        () -> committed(group, new TopicPartition(topic, 0)),
                        committed -> committed > goodOffset);
            }
        }
    }

    @Test
    void aDeadLetterReplayedOnceItsCauseIsFixedIsProcessed() throws Exception {
        String cartId = "cart_replay_" + UUID.randomUUID();
        var content = SampleMessages.content();
        // The content change arrives before the cart exists: invalid, dead-lettered.
        send(Topics.CART_COMMANDS, cartId, new ReplaceCartContent(cartId, 2L, content));
        var deadLetters = new DeadLetters(stack.settings().kafkaBootstrap());
        var letter = Eventually.await(
                        "dead letter of " + cartId,
                        Duration.ofSeconds(30),
                        () -> deadLetters.list("cart-commands-dlt").stream()
                                .filter(l -> cartId.equals(l.key()))
                                .toList(),
                        found -> found.size() == 1)
                .get(0);
        // The cause is fixed: the cart now exists.
        send(Topics.CART_COMMANDS, cartId, new CreateCart(cartId, "dorder_replay", 1L, CartType.DRAFT_ORDER, content));

        deadLetters.replay("cart-commands-dlt", List.of(letter.position()));

        try (var cartEvents = new TopicReader<>(stack, Topics.CART_EVENTS)) {
            assertThat(cartEvents.awaitPayloads(
                            CartTotalsCalculated.class,
                            e -> e.getCart().getCartId().equals(cartId)
                                    && e.getCart().getDraftVersion() == 2L,
                            Duration.ofSeconds(30)))
                    .hasSize(1);
        }
    }

    static long committed(String group, TopicPartition partition) {
        try (var admin =
                AdminClient.create(Map.of("bootstrap.servers", stack.settings().kafkaBootstrap()))) {
            var offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get();
            var committed = offsets.get(partition);
            return committed == null ? -1 : committed.offset();
        } catch (Exception e) {
            return -1;
        }
    }

    @SuppressWarnings("unchecked")
    static byte[] encode(Topic<String, ?> topic, Metadata metadata, Object payload) {
        var typed = (Topic<String, SpecificRecordBase>) topic;
        return codec.encode(typed, typed.wrap(metadata, payload));
    }

    static void send(Topic<String, ?> topic, String key, Object payload) throws Exception {
        producer.send(new ProducerRecord<>(topic.name(), key, encode(topic, SampleMessages.metadata(key), payload)))
                .get();
    }
}
