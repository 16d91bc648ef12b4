package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.avro.payment.CapturePayment;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.schemas.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 8: on the one-command stack anyone who reached the broker could publish {@code CapturePayment}
 * on {@code payment-commands}. With {@code --secure} the embedded broker takes only SASL/SCRAM clients and applies
 * compose's {@code acls.conf}; the services run as their own principals. A channel may write
 * {@code draft-order-requests} (and a draft is made), but its {@code CapturePayment} is refused by the broker and the
 * payment stays authorized; a client without credentials gets nowhere.
 */
class SecureStackEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(60);
    static EmbeddedStack stack;

    @BeforeAll
    static void start() {
        stack = new EmbeddedStack(
                        StackSettings.randomPorts(TestStack.tempDir()),
                        TestStack.withTestStores(List.of()),
                        false,
                        true)
                .start();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Map<String, Object> as(String principal) {
        Map<String, Object> config =
                new HashMap<>(stack.security().orElseThrow().clientProperties(principal));
        config.put("bootstrap.servers", stack.settings().kafkaBootstrap());
        config.put("max.block.ms", 15_000);
        config.put("delivery.timeout.ms", 15_000);
        config.put("request.timeout.ms", 10_000);
        return config;
    }

    @Test
    void aChannelMayWriteDraftOrderRequestsAndNothingElse() throws Exception {
        Rest drafts = new Rest(stack.service("draft-service").url());
        Rest orders = new Rest(stack.service("order-service").url());
        Rest payments = new Rest(stack.service("payment-service").url());

        // a completion under payment terms: the services talk to each other through the locked-down broker
        var created = drafts.post("/draft-orders", """
                {"draft_order": {"currency": "EUR", "email": "ada@example.com",
                  "line_items": [{"title": "Consultation", "price": "40.00", "quantity": 1}]}}
                """);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String draftId = created.path("draft_order", "id").asString();
        Eventually.await(
                "draft ready",
                SAGA,
                () -> drafts.get("/draft-orders/" + draftId),
                r -> r.path("draft_order", "ready").asBoolean());
        assertThat(drafts.post("/draft-orders/" + draftId + "/complete", "{\"payment_pending\": true}")
                        .status())
                .isEqualTo(202);
        String orderId = Eventually.await(
                        "draft completed",
                        SAGA,
                        () -> drafts.get("/draft-orders/" + draftId),
                        r -> r.path("draft_order", "status").asString().equals("completed"))
                .path("draft_order", "order_id")
                .asString();
        String paymentId = orders.get("/orders/" + orderId).path("payment_id").asString();
        assertThat(payments.get("/payments/" + paymentId).path("status").asString())
                .isEqualToIgnoringCase("authorized");

        try (var codec = new MessageCodec(stack.settings().registryUrl());
                var channel = new KafkaProducer<>(as("channel"), new StringSerializer(), new ByteArraySerializer())) {
            // what a channel is for: a request on draft-order-requests is accepted and becomes a draft
            var request = SampleMessages.createDraftOrder();
            request.setExternalReference("secure-1");
            request.setRequestId("req-secure-1");
            var requests = Topics.DRAFT_ORDER_REQUESTS;
            channel.send(new ProducerRecord<>(
                            requests.name(),
                            "phone:secure-1",
                            codec.encode(requests, requests.wrap(SampleMessages.metadata("phone:secure-1"), request))))
                    .get();
            Eventually.await(
                    "the channel's draft",
                    SAGA,
                    () -> drafts.get("/draft-orders?limit=250"),
                    r -> r.path("draft_orders")
                            .valueStream()
                            .anyMatch(
                                    d -> d.path("external_reference").asString().equals("secure-1")));

            // what it is not for: the broker refuses its CapturePayment
            var commands = Topics.PAYMENT_COMMANDS;
            var capture = CapturePayment.newBuilder()
                    .setPaymentId(paymentId)
                    .setIdempotencyKey("forged-1")
                    .setOrderId(orderId)
                    .setAmount(null)
                    .build();
            byte[] forged = codec.encode(commands, commands.wrap(SampleMessages.metadata(paymentId), capture));
            assertThatThrownBy(() -> channel.send(new ProducerRecord<>(commands.name(), paymentId, forged))
                            .get())
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }

        try (var reader = new KafkaConsumer<>(
                with(as("channel"), "group.id", "channel-secure-e2e"),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            reader.subscribe(List.of(Topics.PAYMENT_COMMANDS.name()));
            assertThatThrownBy(() -> reader.poll(Duration.ofSeconds(10)))
                    .as("nor may it read the commands")
                    .isInstanceOf(TopicAuthorizationException.class);
        }

        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put("bootstrap.servers", stack.settings().kafkaBootstrap());
        anonymous.put("max.block.ms", 5_000);
        try (var nobody = new KafkaProducer<>(anonymous, new StringSerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(
                            () -> nobody.send(new ProducerRecord<>(Topics.PAYMENT_COMMANDS.name(), "x", new byte[] {0}))
                                    .get())
                    .as("a client without credentials gets nowhere");
        }

        Thread.sleep(3_000);
        assertThat(payments.get("/payments/" + paymentId).path("status").asString())
                .as("no payment changed")
                .isEqualToIgnoringCase("authorized");
        assertThat(orders.get("/orders/" + orderId).path("payment_status").asString())
                .isEqualTo("authorized");
    }

    private static Map<String, Object> with(Map<String, Object> config, String key, Object value) {
        Map<String, Object> more = new HashMap<>(config);
        more.put(key, value);
        more.put("auto.offset.reset", "earliest");
        return more;
    }
}
