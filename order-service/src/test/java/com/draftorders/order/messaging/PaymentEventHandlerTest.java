package com.draftorders.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.order.OrderPaymentCaptured;
import com.draftorders.avro.order.OrderPaymentRefunded;
import com.draftorders.avro.order.OrderPaymentVoided;
import com.draftorders.avro.payment.PaymentAuthorized;
import com.draftorders.avro.payment.PaymentCaptured;
import com.draftorders.avro.payment.PaymentRefunded;
import com.draftorders.avro.payment.PaymentVoided;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.testing.WorkTestbed.Stored;
import com.draftorders.messaging.work.UnitOfWork.Outcome;
import com.draftorders.order.Testbed;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.PaymentStatus;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Payment events delivered through order-service's subscription onto the order of their payment. */
class PaymentEventHandlerTest {

    private static final String STORE = "store-a";

    private final Testbed bed = new Testbed();
    private String orderId;

    @BeforeEach
    void createTheOrder() {
        var command = AvroFixtures.createOrder("dorder_1", "pay_1");
        bed.deliver(bed.incoming("order-commands", STORE, "dorder_1", command));
        orderId = order().aggregate().id();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private Stored<Order> order() {
        return bed.orderOf("dorder_1");
    }

    private PaymentStatus status() {
        return order().aggregate().paymentStatus();
    }

    private <P> IncomingMessage<P> event(P payload) {
        return event(STORE, payload);
    }

    private <P> IncomingMessage<P> event(String storeId, P payload) {
        return bed.incoming("payment-events", storeId, "pay_1", payload);
    }

    private OutgoingMessage lastMessage() {
        List<OutgoingMessage> outbox = order().outbox();
        return outbox.get(outbox.size() - 1);
    }

    private PaymentCaptured captured(long amount) {
        return new PaymentCaptured("pay_1", "dorder_1", orderId, amount, "EUR");
    }

    @Test
    void aCapturedPaymentMakesTheOrderCapturedAndIsAnnouncedOnOrderEventsAsItsNextVersion() {
        IncomingMessage<PaymentCaptured> event = event(captured(3380));

        bed.deliver(event);

        Stored<Order> order = order();
        assertThat(order.aggregate().paymentStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(order.aggregate().capturedAmount()).isEqualTo(3380);
        assertThat(order.aggregate().revision()).isEqualTo(1);
        assertThat(order.processed()).endsWith(event.eventId());
        OutgoingMessage message = lastMessage();
        assertThat(message.topic()).isEqualTo("order-events");
        assertThat(message.key()).isEqualTo(orderId);
        assertThat(bed.metadataOf(message).getStoreId()).isEqualTo(STORE);
        assertThat(bed.metadataOf(message).getAggregateVersion()).isEqualTo(1);
        assertThat(bed.metadataOf(message).getCausationId()).isEqualTo(event.eventId());
        assertThat(bed.payloadOf(message)).isEqualTo(new OrderPaymentCaptured(orderId, "pay_1", 3380L, "EUR"));
    }

    @Test
    void aCaptureFoundThroughThePaymentIdAloneIsAppliedToo() {
        bed.deliver(event(new PaymentCaptured("pay_1", null, null, 3380L, "EUR")));

        assertThat(status()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void aRedeliveredCaptureIsAnnouncedOnlyOnce() {
        IncomingMessage<PaymentCaptured> event = event(captured(3380));

        bed.deliver(event);
        bed.deliver(event);

        assertThat(order().outbox()).hasSize(3);
    }

    @Test
    void aCaptureDeliveredTwiceInOnePollIsAppliedOnce() {
        IncomingMessage<PaymentCaptured> event = event(captured(3380));

        List<Outcome> outcomes = bed.deliverBatch(List.of(event, event));

        assertThat(outcomes).extracting(Outcome::skipped).containsExactly(false, true);
        assertThat(order().outbox()).hasSize(3);
    }

    @Test
    void aSecondCaptureReportWithANewEventIdChangesNothing() {
        bed.deliver(event(captured(3380)));
        long version = order().version();

        bed.deliver(event(captured(3380)));

        assertThat(order().version()).isEqualTo(version);
        assertThat(order().outbox()).hasSize(3);
    }

    @Test
    void anotherStoresPaymentEventDoesNotTouchTheOrder() {
        bed.deliver(event("store-b", captured(3380)));

        assertThat(status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(order().outbox()).hasSize(2);
        assertThat(bed.work.receipts()).isEmpty();
    }

    @Test
    void aVoidedAuthorizationMakesTheOrderVoided() {
        bed.deliver(event(new PaymentVoided("pay_1", "dorder_1", "order canceled")));

        assertThat(status()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(bed.payloadOf(lastMessage())).isEqualTo(new OrderPaymentVoided(orderId, "pay_1"));
    }

    @Test
    void aVoidedPaymentWithoutAnOrderIsIgnored() {
        var voided = new PaymentVoided("pay_of_a_failed_saga", "dorder_9", "order creation failed");

        bed.deliver(bed.incoming("payment-events", STORE, "pay_of_a_failed_saga", voided));

        assertThat(status()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(bed.orderCount()).isEqualTo(1);
        assertThat(bed.work.receipts()).isEmpty();
    }

    @Test
    void paymentEventsThisServiceDoesNotFollowAreSkipped() {
        var authorized = new PaymentAuthorized("pay_1", "dorder_1", 3380L, "EUR", "system", "system:pay_1");

        List<Outcome> outcomes = bed.deliverBatch(List.of(event(authorized)));

        assertThat(outcomes).isEmpty();
        assertThat(order().outbox()).hasSize(2);
    }

    @Test
    void aVoidAfterTheCaptureChangesNothing() {
        bed.deliver(event(captured(3380)));

        bed.deliver(event(new PaymentVoided("pay_1", "dorder_1", null)));

        assertThat(status()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(order().outbox()).hasSize(3);
    }

    @Test
    void partialThenFullRefundsAreFollowedAndAnnounced() {
        bed.deliver(event(captured(3380)));

        bed.deliver(event(new PaymentRefunded("pay_1", orderId, 1000L, 1000L, "EUR")));
        assertThat(status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(bed.payloadOf(lastMessage()))
                .isEqualTo(new OrderPaymentRefunded(orderId, "pay_1", 1000L, 1000L, "EUR"));

        bed.deliver(event(new PaymentRefunded("pay_1", orderId, 2380L, 3380L, "EUR")));
        assertThat(status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(order().aggregate().refundedAmount()).isEqualTo(3380);
        assertThat(order().outbox()).hasSize(5);
    }

    @Test
    void eventsOfOnePollAreAppliedInTheirOrderEachWithItsOwnVersion() {
        bed.deliverBatch(List.of(
                event(captured(3380)),
                event(new PaymentRefunded("pay_1", orderId, 1000L, 1000L, "EUR")),
                event(new PaymentRefunded("pay_1", orderId, 2380L, 3380L, "EUR"))));

        Stored<Order> order = order();
        assertThat(order.aggregate().paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(order.aggregate().revision()).isEqualTo(3);
        assertThat(order.outbox().subList(2, 5))
                .extracting(message -> bed.metadataOf(message).getAggregateVersion())
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aStaleRefundReportChangesNothing() {
        bed.deliver(event(captured(3380)));
        bed.deliver(event(new PaymentRefunded("pay_1", orderId, 2380L, 3380L, "EUR")));

        bed.deliver(event(new PaymentRefunded("pay_1", orderId, 1000L, 1000L, "EUR")));

        assertThat(status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(order().aggregate().refundedAmount()).isEqualTo(3380);
        assertThat(order().outbox()).hasSize(4);
    }
}
