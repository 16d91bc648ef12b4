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
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.Subscription;
import com.draftorders.messaging.testing.WorkTestbed;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.payment.domain.Payment;
import com.draftorders.payment.domain.PaymentProvider;
import com.draftorders.payment.domain.PaymentProviders;
import com.draftorders.payment.domain.PaymentStatus;
import com.draftorders.payment.persistence.Payments;
import com.draftorders.payment.providers.SystemPaymentProvider;
import com.draftorders.payment.providers.TestPaymentProvider;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler with real storage (the embedded MongoDB-protocol server, as in the embedded stack) and the real
 * providers. Messages stay in the outboxes (no relay runs), where the tests read what would be published; the codec
 * writes plain Avro instead of asking a schema registry.
 */
class PaymentCommandHandlerTest {

    private static final String STORE = "store_1";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private static final Payments PAYMENTS = new Payments();
    private static WorkTestbed testbed;

    private Handler handler;
    private int sequence;

    @BeforeAll
    static void startMongo() {
        testbed = new WorkTestbed("payments", PAYMENTS);
    }

    @AfterAll
    static void stopMongo() {
        testbed.close();
    }

    @BeforeEach
    void setUp() {
        testbed.clear();
        handler = handlerWith(new SystemPaymentProvider(), new TestPaymentProvider());
    }

    private Handler handlerWith(PaymentProvider... providers) {
        MessageFactory messages =
                new MessageFactory(new PlainAvroCodec(), "payment-service", Clock.fixed(NOW, ZoneOffset.UTC));
        return new Handler(new PaymentCommandHandler(
                        PAYMENTS, PaymentProviders.of(providers), messages, Clock.fixed(NOW, ZoneOffset.UTC))
                .subscription());
    }

    /** Delivers each command through the service's subscription, as its own poll. */
    private record Handler(Subscription subscription) {
        void authorize(IncomingMessage<AuthorizePayment> message) {
            testbed.deliver(subscription, message);
        }

        void capture(IncomingMessage<CapturePayment> message) {
            testbed.deliver(subscription, message);
        }

        void voidPayment(IncomingMessage<VoidPayment> message) {
            testbed.deliver(subscription, message);
        }

        void refund(IncomingMessage<RefundPayment> message) {
            testbed.deliver(subscription, message);
        }
    }

    @Test
    void anAuthorizationIsStoredWithPaymentAuthorizedInItsOutboxKeyedByThePaymentId() {
        IncomingMessage<AuthorizePayment> command = message(authorize("pay_1", 4321, "system"));

        handler.authorize(command);

        WorkTestbed.Stored<Payment> document = payment("pay_1");
        assertThat(document.aggregate().state().status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(document.aggregate().storeId()).isEqualTo(STORE);
        assertThat(document.processed()).containsExactly(command.eventId());
        OutgoingMessage outgoing = document.outbox().get(0);
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

        WorkTestbed.Stored<Payment> document = payment("pay_1");
        assertThat(document.aggregate().state().amount()).isEqualTo(4321);
        assertThat(document.outbox()).hasSize(1);
    }

    @Test
    void aDeclinedAuthorizationIsStoredAsFailedAndAnsweredWithTheDeclineCode() {
        handler.authorize(message(authorize("pay_1", 5013, "test")));

        WorkTestbed.Stored<Payment> document = payment("pay_1");
        assertThat(document.aggregate().status().name()).isEqualTo("AUTHORIZATION_FAILED");
        assertThat(decode(document.outbox().get(0)).getPayload())
                .isInstanceOfSatisfying(PaymentAuthorizationFailed.class, failed -> {
                    assertThat(failed.getCode()).isEqualTo("card_declined");
                    assertThat(failed.getDraftOrderId()).isEqualTo("dorder_1");
                });
    }

    @Test
    void anAuthorizationInAnUnknownCurrencyIsAnsweredAsInvalidCurrency() {
        handler.authorize(message(new AuthorizePayment("pay_1", "k", "dorder_1", 100L, "XXY", "system", null)));

        assertThat(decode(payment("pay_1").outbox().get(0)).getPayload())
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

        WorkTestbed.Stored<Payment> document = payment("pay_1");
        assertThat(document.aggregate().state().status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(payloads(document))
                .containsExactly(
                        new PaymentAuthorized("pay_1", "dorder_1", 4321L, "EUR", "system", "system:pay_1"),
                        new PaymentCaptured("pay_1", "dorder_1", "order_1", 4321L, "EUR"));
        assertThat(decode(document.outbox().get(1)).getMetadata().getAggregateVersion())
                .isEqualTo(2);
    }

    @Test
    void aCaptureOfAnUnknownPaymentIsAnsweredOnceFromAReceipt() {
        IncomingMessage<CapturePayment> capture =
                message(new CapturePayment("pay_404", "capture:order_1", "order_1", null));

        handler.capture(capture);
        handler.capture(capture);

        List<WorkTestbed.Stored<String>> rejections = testbed.receipts();
        assertThat(rejections).hasSize(1);
        WorkTestbed.Stored<String> rejection = rejections.get(0);
        assertThat(rejection.aggregate()).isEqualTo(capture.eventId());
        assertThat(rejection.outbox()).hasSize(1);
        assertThat(rejection.outbox().get(0).key()).isEqualTo("pay_404");
        assertThat(decode(rejection.outbox().get(0)).getPayload())
                .isEqualTo(new PaymentCaptureFailed("pay_404", "order_1", "payment pay_404 not found"));
    }

    @Test
    void anotherStoresPaymentIsUnknown() {
        handler.authorize(message(authorize("pay_1", 4321, "system")));

        handler.voidPayment(message("store_2", new VoidPayment("pay_1", "void:1", "canceled")));

        assertThat(payment("pay_1").aggregate().state().status()).isEqualTo(PaymentStatus.AUTHORIZED);
        WorkTestbed.Stored<String> rejection = testbed.receipts().get(0);
        PaymentEventEnvelope answer = decode(rejection.outbox().get(0));
        assertThat(answer.getMetadata().getStoreId()).isEqualTo("store_2");
        assertThat(answer.getPayload())
                .isEqualTo(new PaymentCommandRejected("pay_1", "void:1", "VoidPayment", "payment pay_1 not found"));
    }

    @Test
    void voidingAnAuthorizedPaymentPublishesPaymentVoided() {
        handler.authorize(message(authorize("pay_1", 4321, "system")));

        handler.voidPayment(message(new VoidPayment("pay_1", "void:1", "payment step timed out")));

        WorkTestbed.Stored<Payment> document = payment("pay_1");
        assertThat(document.aggregate().status().name()).isEqualTo("VOIDED");
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

        WorkTestbed.Stored<Payment> document = payment("pay_1");
        assertThat(document.aggregate().state().status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(document.processed()).contains(tooMuch.eventId());
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
        Handler racingHandler = handlerWith(racing);
        racingHandler.authorize(message(authorize("pay_1", 4321, "system")));

        racingHandler.capture(message(new CapturePayment("pay_1", "capture:order_1", "order_1", null)));

        WorkTestbed.Stored<Payment> document = payment("pay_1");
        assertThat(document.aggregate().state().status()).isEqualTo(PaymentStatus.CAPTURED);
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

    private static WorkTestbed.Stored<Payment> payment(String id) {
        return testbed.stored(PAYMENTS, id);
    }

    private static List<Object> payloads(WorkTestbed.Stored<Payment> document) {
        return document.outbox().stream()
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
                testbed.database
                        .getCollection(Payments.COLLECTION)
                        .updateOne(Filters.eq("_id", request.paymentId()), Updates.inc(UnitOfWork.VERSION, 1L));
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
