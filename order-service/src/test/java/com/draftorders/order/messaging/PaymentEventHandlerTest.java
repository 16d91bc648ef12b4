package com.draftorders.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.order.OrderPaymentCaptured;
import com.draftorders.avro.order.OrderPaymentRefunded;
import com.draftorders.avro.order.OrderPaymentVoided;
import com.draftorders.avro.payment.PaymentCaptured;
import com.draftorders.avro.payment.PaymentRefunded;
import com.draftorders.avro.payment.PaymentVoided;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.order.Testbed;
import com.draftorders.order.persistence.OrderCreationFailureDocument;
import com.draftorders.order.persistence.OrderDocument;
import com.draftorders.schemas.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentEventHandlerTest {

    private static final String STORE = "store-a";

    private final Testbed bed = new Testbed();
    private String orderId;

    @BeforeEach
    void createTheOrder() {
        var command = AvroFixtures.createOrder("dorder_1", "pay_1");
        bed.commands.createFromCart(bed.incoming("order-commands", STORE, "dorder_1", command));
        orderId = order().getId();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private OrderDocument order() {
        return bed.store.findByDraftOrderId("dorder_1").orElseThrow();
    }

    private <P> IncomingMessage<P> event(P payload) {
        return event(STORE, payload);
    }

    private <P> IncomingMessage<P> event(String storeId, P payload) {
        return bed.incoming("payment-events", storeId, "pay_1", payload);
    }

    private OutgoingMessage lastMessage() {
        var outbox = order().getOutbox();
        return outbox.get(outbox.size() - 1);
    }

    private PaymentCaptured captured(long amount) {
        return new PaymentCaptured("pay_1", "dorder_1", orderId, amount, "EUR");
    }

    @Test
    void aCapturedPaymentMakesTheOrderCapturedAndIsAnnouncedOnOrderEvents() {
        bed.payments.captured(event(captured(3380)));

        OrderDocument order = order();
        assertThat(order.getPaymentStatus()).isEqualTo("CAPTURED");
        assertThat(order.getCapturedAmount()).isEqualTo(3380);
        OutgoingMessage message = lastMessage();
        assertThat(message.topic()).isEqualTo("order-events");
        assertThat(message.key()).isEqualTo(orderId);
        assertThat(Topic.metadataOf(bed.envelope(message)).getStoreId()).isEqualTo(STORE);
        assertThat(Topic.payloadOf(bed.envelope(message)))
                .isEqualTo(new OrderPaymentCaptured(orderId, "pay_1", 3380L, "EUR"));
    }

    @Test
    void aCaptureFoundThroughThePaymentIdAloneIsAppliedToo() {
        bed.payments.captured(event(new PaymentCaptured("pay_1", null, null, 3380L, "EUR")));

        assertThat(order().getPaymentStatus()).isEqualTo("CAPTURED");
    }

    @Test
    void aRedeliveredCaptureIsAnnouncedOnlyOnce() {
        IncomingMessage<PaymentCaptured> event = event(captured(3380));

        bed.payments.captured(event);
        bed.payments.captured(event);

        assertThat(order().getOutbox()).hasSize(3);
    }

    @Test
    void aSecondCaptureReportWithANewEventIdChangesNothing() {
        bed.payments.captured(event(captured(3380)));
        long version = order().getVersion();

        bed.payments.captured(event(captured(3380)));

        assertThat(order().getVersion()).isEqualTo(version);
        assertThat(order().getOutbox()).hasSize(3);
    }

    @Test
    void anotherStoresPaymentEventDoesNotTouchTheOrder() {
        bed.payments.captured(event("store-b", captured(3380)));

        assertThat(order().getPaymentStatus()).isEqualTo("AUTHORIZED");
    }

    @Test
    void aVoidedAuthorizationMakesTheOrderVoided() {
        bed.payments.voided(event(new PaymentVoided("pay_1", "dorder_1", "order canceled")));

        assertThat(order().getPaymentStatus()).isEqualTo("VOIDED");
        assertThat(Topic.payloadOf(bed.envelope(lastMessage()))).isEqualTo(new OrderPaymentVoided(orderId, "pay_1"));
    }

    @Test
    void aVoidedPaymentWithoutAnOrderIsIgnored() {
        var voided = new PaymentVoided("pay_of_a_failed_saga", "dorder_9", "order creation failed");

        bed.payments.voided(bed.incoming("payment-events", STORE, "pay_of_a_failed_saga", voided));

        assertThat(order().getPaymentStatus()).isEqualTo("AUTHORIZED");
        assertThat(bed.mongo.getCollection(OrderDocument.COLLECTION).countDocuments())
                .isEqualTo(1);
        assertThat(bed.mongo
                        .getCollection(OrderCreationFailureDocument.COLLECTION)
                        .countDocuments())
                .isZero();
    }

    @Test
    void aVoidAfterTheCaptureChangesNothing() {
        bed.payments.captured(event(captured(3380)));

        bed.payments.voided(event(new PaymentVoided("pay_1", "dorder_1", null)));

        assertThat(order().getPaymentStatus()).isEqualTo("CAPTURED");
        assertThat(order().getOutbox()).hasSize(3);
    }

    @Test
    void partialThenFullRefundsAreFollowedAndAnnounced() {
        bed.payments.captured(event(captured(3380)));

        bed.payments.refunded(event(new PaymentRefunded("pay_1", orderId, 1000L, 1000L, "EUR")));
        assertThat(order().getPaymentStatus()).isEqualTo("PARTIALLY_REFUNDED");
        assertThat(Topic.payloadOf(bed.envelope(lastMessage())))
                .isEqualTo(new OrderPaymentRefunded(orderId, "pay_1", 1000L, 1000L, "EUR"));

        bed.payments.refunded(event(new PaymentRefunded("pay_1", orderId, 2380L, 3380L, "EUR")));
        assertThat(order().getPaymentStatus()).isEqualTo("REFUNDED");
        assertThat(order().getRefundedAmount()).isEqualTo(3380);
        assertThat(order().getOutbox()).hasSize(5);
    }

    @Test
    void aStaleRefundReportChangesNothing() {
        bed.payments.captured(event(captured(3380)));
        bed.payments.refunded(event(new PaymentRefunded("pay_1", orderId, 2380L, 3380L, "EUR")));

        bed.payments.refunded(event(new PaymentRefunded("pay_1", orderId, 1000L, 1000L, "EUR")));

        assertThat(order().getPaymentStatus()).isEqualTo("REFUNDED");
        assertThat(order().getRefundedAmount()).isEqualTo(3380);
        assertThat(order().getOutbox()).hasSize(4);
    }
}
