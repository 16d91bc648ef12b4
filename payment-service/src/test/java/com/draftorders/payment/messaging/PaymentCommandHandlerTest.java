package com.draftorders.payment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.payment.AuthorizePayment;
import com.draftorders.avro.payment.CapturePayment;
import com.draftorders.avro.payment.PaymentAuthorizationFailed;
import com.draftorders.avro.payment.PaymentAuthorized;
import com.draftorders.avro.payment.PaymentCaptureFailed;
import com.draftorders.avro.payment.PaymentCaptured;
import com.draftorders.avro.payment.PaymentCommandRejected;
import com.draftorders.avro.payment.PaymentEventEnvelope;
import com.draftorders.avro.payment.PaymentRefunded;
import com.draftorders.avro.payment.PaymentVoided;
import com.draftorders.avro.payment.RefundPayment;
import com.draftorders.avro.payment.VoidPayment;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.MessageCodec;
import com.draftorders.messaging.MessageFactory;
import com.draftorders.messaging.OutboxRelay;
import com.draftorders.messaging.OutboxWriter;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.payment.domain.PaymentProvider;
import com.draftorders.payment.domain.PaymentProviders;
import com.draftorders.payment.domain.PaymentStatus;
import com.draftorders.payment.persistence.PaymentCommandRejectionDocument;
import com.draftorders.payment.persistence.PaymentDocument;
import com.draftorders.payment.persistence.PaymentStore;
import com.draftorders.payment.providers.SystemPaymentProvider;
import com.draftorders.payment.providers.TestPaymentProvider;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The handler with real storage (the embedded MongoDB-protocol server, as in the embedded stack) and the real
 * providers. Messages stay in the outboxes (no relay runs), where the tests read what would be published; the codec
 * writes plain Avro instead of asking a schema registry.
 */
class PaymentCommandHandlerTest {

    private static final String STORE = "store_1";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private static MongoServer server;
    private static MongoClient client;
    private static MongoTemplate mongo;

    private PaymentStore store;
    private PaymentCommandHandler handler;
    private int sequence;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "payments");
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        mongo.remove(new Query(), PaymentDocument.class);
        mongo.remove(new Query(), PaymentCommandRejectionDocument.class);
        OutboxRelay relay = new OutboxRelay(
                mongo,
                null,
                List.of(PaymentDocument.COLLECTION, PaymentCommandRejectionDocument.COLLECTION),
                Duration.ofMinutes(1));
        store = new PaymentStore(mongo, new OutboxWriter(mongo, relay));
        handler = handlerWith(new SystemPaymentProvider(), new TestPaymentProvider());
    }

    private PaymentCommandHandler handlerWith(PaymentProvider... providers) {
        MessageFactory messages =
                new MessageFactory(new PlainAvroCodec(), "payment-service", Clock.fixed(NOW, ZoneOffset.UTC));
        return new PaymentCommandHandler(
                store, PaymentProviders.of(providers), messages, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void anAuthorizationIsStoredWithPaymentAuthorizedInItsOutboxKeyedByThePaymentId() {
        IncomingMessage<AuthorizePayment> command = message(authorize("pay_1", 4321, "system"));

        handler.authorize(command);

        PaymentDocument document = payment("pay_1");
        assertThat(document.getPayment().status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(document.getStoreId()).isEqualTo(STORE);
        assertThat(document.getProcessedMessageIds()).containsExactly(command.eventId());
        OutgoingMessage outgoing = document.getOutbox().get(0);
        assertThat(outgoing.topic()).isEqualTo("payment-events");
        assertThat(outgoing.key()).isEqualTo("pay_1");
        PaymentEventEnvelope envelope = decode(outgoing);
        assertThat(envelope.getPayload())
                .isEqualTo(new PaymentAuthorized("pay_1", "dorder_1", 4321L, "EUR", "system", "system:pay_1"));
        Metadata metadata = envelope.getMetadata();
        assertThat(metadata.getStoreId()).isEqualTo(STORE);
        assertThat(metadata.getAggregateId()).isEqualTo("pay_1");
        assertThat(metadata.getAggregateVersion()).isEqualTo(1);
        assertThat(metadata.getCausationId()).isEqualTo(command.eventId());
        assertThat(metadata.getCorrelationId()).isEqualTo("saga-1");
    }

    @Test
    void aSecondAuthorizationOfTheSamePaymentIdDoesNothingAndPublishesNothing() {
        handler.authorize(message(authorize("pay_1", 4321, "system")));

        handler.authorize(message(authorize("pay_1", 9999, "test")));

        PaymentDocument document = payment("pay_1");
        assertThat(document.getPayment().amount()).isEqualTo(4321);
        assertThat(document.getOutbox()).hasSize(1);
    }

    @Test
    void aDeclinedAuthorizationIsStoredAsFailedAndAnsweredWithTheDeclineCode() {
        handler.authorize(message(authorize("pay_1", 5013, "test")));

        PaymentDocument document = payment("pay_1");
        assertThat(document.getStatus()).isEqualTo("AUTHORIZATION_FAILED");
        assertThat(decode(document.getOutbox().get(0)).getPayload())
                .isInstanceOfSatisfying(PaymentAuthorizationFailed.class, failed -> {
                    assertThat(failed.getCode()).isEqualTo("card_declined");
                    assertThat(failed.getDraftOrderId()).isEqualTo("dorder_1");
                });
    }

    @Test
    void anAuthorizationInAnUnknownCurrencyIsAnsweredAsInvalidCurrency() {
        handler.authorize(message(new AuthorizePayment("pay_1", "k", "dorder_1", 100L, "XXY", "system", null)));

        assertThat(decode(payment("pay_1").getOutbox().get(0)).getPayload())
                .isInstanceOfSatisfying(
                        PaymentAuthorizationFailed.class,
                        failed -> assertThat(failed.getCode()).isEqualTo("invalid_currency"));
    }

    @Test
    void aRedeliveredCaptureAndARetryUnderTheSameKeyHaveNoSecondEffect() {
        handler.authorize(message(authorize("pay_1", 4321, "system")));
        IncomingMessage<CapturePayment> capture =
                message(new CapturePayment("pay_1", "capture:order_1", "order_1", null));

        handler.capture(capture);
        handler.capture(capture);
        handler.capture(message(new CapturePayment("pay_1", "capture:order_1", "order_1", null)));

        PaymentDocument document = payment("pay_1");
        assertThat(document.getPayment().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payloads(document))
                .containsExactly(
                        new PaymentAuthorized("pay_1", "dorder_1", 4321L, "EUR", "system", "system:pay_1"),
                        new PaymentCaptured("pay_1", "dorder_1", "order_1", 4321L, "EUR"));
        assertThat(decode(document.getOutbox().get(1)).getMetadata().getAggregateVersion())
                .isEqualTo(2);
    }

    @Test
    void aCaptureOfAnUnknownPaymentIsAnsweredOnceFromARejectionDocument() {
        IncomingMessage<CapturePayment> capture =
                message(new CapturePayment("pay_404", "capture:order_1", "order_1", null));

        handler.capture(capture);
        handler.capture(capture);

        List<PaymentCommandRejectionDocument> rejections = mongo.findAll(PaymentCommandRejectionDocument.class);
        assertThat(rejections).hasSize(1);
        PaymentCommandRejectionDocument rejection = rejections.get(0);
        assertThat(rejection.getId()).isEqualTo(capture.eventId());
        assertThat(rejection.getCommand()).isEqualTo("CapturePayment");
        assertThat(rejection.getOutbox()).hasSize(1);
        assertThat(rejection.getOutbox().get(0).key()).isEqualTo("pay_404");
        assertThat(decode(rejection.getOutbox().get(0)).getPayload())
                .isEqualTo(new PaymentCaptureFailed("pay_404", "order_1", "payment pay_404 not found"));
    }

    @Test
    void anotherStoresPaymentIsUnknown() {
        handler.authorize(message(authorize("pay_1", 4321, "system")));

        handler.voidPayment(message("store_2", new VoidPayment("pay_1", "void:1", "canceled")));

        assertThat(payment("pay_1").getPayment().status()).isEqualTo(PaymentStatus.AUTHORIZED);
        PaymentCommandRejectionDocument rejection =
                mongo.findAll(PaymentCommandRejectionDocument.class).get(0);
        PaymentEventEnvelope answer = decode(rejection.getOutbox().get(0));
        assertThat(answer.getMetadata().getStoreId()).isEqualTo("store_2");
        assertThat(answer.getPayload())
                .isEqualTo(new PaymentCommandRejected("pay_1", "void:1", "VoidPayment", "payment pay_1 not found"));
    }

    @Test
    void voidingAnAuthorizedPaymentPublishesPaymentVoided() {
        handler.authorize(message(authorize("pay_1", 4321, "system")));

        handler.voidPayment(message(new VoidPayment("pay_1", "void:1", "payment step timed out")));

        PaymentDocument document = payment("pay_1");
        assertThat(document.getStatus()).isEqualTo("VOIDED");
        assertThat(payloads(document))
                .last()
                .isEqualTo(new PaymentVoided("pay_1", "dorder_1", "payment step timed out"));
    }

    @Test
    void aRefusedRefundIsAnsweredFromThePaymentsOutboxAndARedeliveryAddsNothing() {
        handler.authorize(message(authorize("pay_1", 5000, "system")));
        handler.capture(message(new CapturePayment("pay_1", "capture:order_1", "order_1", null)));
        handler.refund(message(new RefundPayment("pay_1", "refund:1", 1000L, "damaged")));
        IncomingMessage<RefundPayment> tooMuch = message(new RefundPayment("pay_1", "refund:2", 6000L, null));

        handler.refund(tooMuch);
        handler.refund(tooMuch);

        PaymentDocument document = payment("pay_1");
        assertThat(document.getPayment().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(document.getProcessedMessageIds()).contains(tooMuch.eventId());
        assertThat(payloads(document))
                .containsSubsequence(
                        new PaymentRefunded("pay_1", "order_1", 1000L, 1000L, "EUR"),
                        new PaymentCommandRejected(
                                "pay_1",
                                "refund:2",
                                "RefundPayment",
                                "refund of 60.00 EUR exceeds the 40.00 EUR still refundable"))
                .hasSize(4);
    }

    @Test
    void aCaptureThatLosesARaceWithAnotherWriterIsDecidedAgainOnTheFreshPayment() {
        RacingProvider racing = new RacingProvider();
        PaymentCommandHandler racingHandler = handlerWith(racing);
        racingHandler.authorize(message(authorize("pay_1", 4321, "system")));

        racingHandler.capture(message(new CapturePayment("pay_1", "capture:order_1", "order_1", null)));

        PaymentDocument document = payment("pay_1");
        assertThat(document.getPayment().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payloads(document)).hasSize(2).last().isInstanceOf(PaymentCaptured.class);
        assertThat(racing.captures).isEqualTo(2);
    }

    @Test
    void aCommandWithoutAPaymentIdIsInvalidAndGoesToTheDeadLetterTopic() {
        assertThatThrownBy(() -> handler.capture(message(new CapturePayment(" ", "k", null, null))))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("payment_id");
    }

    private static AuthorizePayment authorize(String paymentId, long amount, String provider) {
        return new AuthorizePayment(paymentId, "dorder_1:1", "dorder_1", amount, "EUR", provider, "buyer@example.com");
    }

    private <P> IncomingMessage<P> message(P payload) {
        return message(STORE, payload);
    }

    private <P> IncomingMessage<P> message(String storeId, P payload) {
        String eventId = "evt_" + (++sequence);
        Metadata metadata = Metadata.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(NOW)
                .setCorrelationId("saga-1")
                .setCausationId(null)
                .setStoreId(storeId)
                .setAggregateId("pay_1")
                .setAggregateVersion(0)
                .setSource("draft-service")
                .build();
        return new IncomingMessage<>(metadata, payload, "pay_1", "payment-commands", 0, sequence);
    }

    private static PaymentDocument payment(String id) {
        return mongo.findById(id, PaymentDocument.class);
    }

    private static List<Object> payloads(PaymentDocument document) {
        return document.getOutbox().stream()
                .map(message -> decode(message).getPayload())
                .toList();
    }

    private static PaymentEventEnvelope decode(OutgoingMessage message) {
        try {
            return PaymentEventEnvelope.fromByteBuffer(ByteBuffer.wrap(message.value()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The system provider, except that while its first capture is under way another writer changes the payment
     * document (only its version), so that the handler's first save loses the race.
     */
    private static final class RacingProvider implements PaymentProvider {

        private final SystemPaymentProvider system = new SystemPaymentProvider();
        int captures;

        @Override
        public String name() {
            return system.name();
        }

        @Override
        public ProviderResult authorize(AuthorizationRequest request) {
            return system.authorize(request);
        }

        @Override
        public ProviderResult capture(CaptureRequest request) {
            if (++captures == 1) {
                mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(request.paymentId())),
                        new Update().inc("version", 1),
                        PaymentDocument.class);
            }
            return system.capture(request);
        }

        @Override
        public ProviderResult voidAuthorization(VoidRequest request) {
            return system.voidAuthorization(request);
        }

        @Override
        public ProviderResult refund(RefundRequest request) {
            return system.refund(request);
        }
    }

    /** Avro single-object encoding instead of the registry's wire format: no registry in a unit test. */
    private static final class PlainAvroCodec extends MessageCodec {

        PlainAvroCodec() {
            super("http://127.0.0.1:9/apis/registry/v2");
        }

        @Override
        public <V extends SpecificRecordBase> byte[] encode(Topic<String, V> topic, V envelope) {
            assertThat(topic).isSameAs(Topics.PAYMENT_EVENTS);
            try {
                ByteBuffer buffer = ((PaymentEventEnvelope) envelope).toByteBuffer();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return bytes;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
