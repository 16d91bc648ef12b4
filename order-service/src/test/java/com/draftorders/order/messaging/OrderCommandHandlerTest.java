package com.draftorders.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.avro.order.OrderCreated;
import com.draftorders.avro.order.OrderCreationFailed;
import com.draftorders.avro.order.OrderSnapshot;
import com.draftorders.avro.payment.CapturePayment;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.messaging.InvalidMessageException;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.testing.WorkTestbed.Stored;
import com.draftorders.messaging.work.UnitOfWork.Outcome;
import com.draftorders.order.Testbed;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderFixtures;
import com.draftorders.order.domain.PaymentStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** CreateOrderFromCart delivered through order-service's subscription, on the real unit of work and storage. */
class OrderCommandHandlerTest {

    private static final String STORE = "store-a";

    private final Testbed bed = new Testbed();

    @AfterEach
    void stop() {
        bed.close();
    }

    private IncomingMessage<CreateOrderFromCart> command(String storeId, CreateOrderFromCart payload) {
        return bed.incoming("order-commands", storeId, payload.getDraftOrderId(), payload);
    }

    private Stored<Order> orderOf(String draftOrderId) {
        Stored<Order> order = bed.orderOf(draftOrderId);
        assertThat(order).as("the order of " + draftOrderId).isNotNull();
        return order;
    }

    private static CreateOrderFromCart emptyCart(String draftOrderId) {
        return AvroFixtures.createOrder(draftOrderId, "pay_1", OrderFixtures.cartWithLines(List.of()));
    }

    @Test
    void theFirstOrderOfAStoreIsCreatedAs1001AndAuthorized() {
        bed.deliver(command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1")));

        Order order = orderOf("dorder_1").aggregate();
        assertThat(order.id()).startsWith("order_");
        assertThat(order.name()).isEqualTo("#1001");
        assertThat(order.storeId()).isEqualTo(STORE);
        assertThat(order.paymentId()).isEqualTo("pay_1");
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(order.createdAt()).isEqualTo(Testbed.NOW);
        assertThat(order.revision()).isZero();
    }

    @Test
    void theStoredOrderReadsBackWithEverythingTheCartSnapshotCarried() {
        bed.deliver(command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1")));

        Order order = orderOf("dorder_1").aggregate();

        assertThat(order.cart()).isEqualTo(withDraft(OrderFixtures.cart(), "dorder_1"));
        assertThat(order.details().tags()).containsExactly("phone", "vip");
        assertThat(order.details().email()).isEqualTo("ada@example.com");
        assertThat(order.details().draftOrderName()).isEqualTo("#D1001");
        assertThat(order.details().sourceName()).isEqualTo("phone");
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void theDraftsPurchasingEntityIsCarriedToTheOrderAndItsOrderCreated() {
        CreateOrderFromCart command = AvroFixtures.createOrder("dorder_b2b", "pay_b2b");
        command.setPurchasingEntity(
                new com.draftorders.avro.common.PurchasingEntity(null, "comp_acme", "loc_berlin", "contact_7"));
        bed.deliver(command(STORE, command));

        Stored<Order> stored = orderOf("dorder_b2b");
        var entity = stored.aggregate().details().purchasingEntity();
        assertThat(entity.companyId()).isEqualTo("comp_acme");
        assertThat(entity.companyLocationId()).isEqualTo("loc_berlin");
        assertThat(entity.companyContactId()).isEqualTo("contact_7");
        OrderSnapshot snapshot = ((OrderCreated) bed.payloadOf(stored.outbox().get(0))).getOrder();
        assertThat(snapshot.getPurchasingEntity().getCompanyLocationId()).isEqualTo("loc_berlin");
        assertThat(snapshot.getPurchasingEntity().getCustomerId()).isNull();
    }

    @Test
    void theOrderAnnouncesItselfAndAsksForTheCaptureInTheSameWrite() {
        IncomingMessage<CreateOrderFromCart> command = command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1"));
        bed.deliver(command);

        Stored<Order> stored = orderOf("dorder_1");
        String orderId = stored.aggregate().id();
        List<OutgoingMessage> outbox = stored.outbox();
        assertThat(outbox).extracting(OutgoingMessage::topic).containsExactly("order-events", "payment-commands");

        OutgoingMessage created = outbox.get(0);
        assertThat(created.key()).isEqualTo(orderId);
        Metadata metadata = bed.metadataOf(created);
        assertThat(metadata.getStoreId()).isEqualTo(STORE);
        assertThat(metadata.getAggregateId()).isEqualTo(orderId);
        assertThat(metadata.getAggregateVersion()).isZero();
        assertThat(metadata.getCorrelationId()).isEqualTo("corr_1");
        assertThat(metadata.getCausationId()).isEqualTo(command.eventId());
        OrderSnapshot snapshot = ((OrderCreated) bed.payloadOf(created)).getOrder();
        assertThat(snapshot.getId()).isEqualTo(orderId);
        assertThat(snapshot.getName()).isEqualTo("#1001");
        assertThat(snapshot.getDraftOrderId()).isEqualTo("dorder_1");
        assertThat(snapshot.getPaymentStatus()).isEqualTo(com.draftorders.avro.common.PaymentStatus.AUTHORIZED);
        assertThat(snapshot.getCart().getTotals().getTotalPrice()).isEqualTo(3380);
        assertThat(snapshot.getCart().getContent().getLineItems()).hasSize(2);
        assertThat(snapshot.getTags()).containsExactly("phone", "vip");

        OutgoingMessage capture = outbox.get(1);
        assertThat(capture.key()).isEqualTo("pay_1");
        assertThat(bed.metadataOf(capture).getStoreId()).isEqualTo(STORE);
        assertThat(bed.metadataOf(capture).getAggregateId()).isEqualTo("pay_1");
        CapturePayment payload = (CapturePayment) bed.payloadOf(capture);
        assertThat(payload.getPaymentId()).isEqualTo("pay_1");
        assertThat(payload.getIdempotencyKey()).isEqualTo("capture:" + orderId);
        assertThat(payload.getOrderId()).isEqualTo(orderId);
        assertThat(payload.getAmount()).isNull();
        assertThat(stored.processed()).containsExactly(command.eventId());
    }

    @Test
    void anOrderWithPaymentPendingIsAnnouncedButNotCaptured() {
        bed.deliver(command(STORE, AvroFixtures.pendingUnderNetDays("dorder_1", "pay_1", 30)));

        Stored<Order> stored = orderOf("dorder_1");
        assertThat(stored.outbox()).extracting(OutgoingMessage::topic).containsExactly("order-events");
        assertThat(stored.aggregate().paymentDueAt()).isEqualTo(Instant.parse("2025-03-31T10:15:30.123Z"));
        assertThat(stored.aggregate().details().paymentPending()).isTrue();
    }

    @Test
    void aRedeliveredCommandMakesNoSecondOrderAndUsesNoNumber() {
        IncomingMessage<CreateOrderFromCart> command = command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1"));

        bed.deliver(command);
        bed.deliver(command);

        assertThat(bed.orderCount()).isEqualTo(1);
        assertThat(orderOf("dorder_1").outbox()).hasSize(2);
        assertThat(bed.numbers.next(STORE)).isEqualTo(1002);
    }

    @Test
    void aNewCommandForADraftThatHasItsOrderChangesNothing() {
        bed.deliver(command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1")));
        Stored<Order> before = orderOf("dorder_1");

        bed.deliver(command(STORE, AvroFixtures.createOrder("dorder_1", "pay_2")));

        Stored<Order> after = orderOf("dorder_1");
        assertThat(bed.orderCount()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.aggregate().paymentId()).isEqualTo("pay_1");
        assertThat(after.outbox()).hasSize(2);
        assertThat(bed.work.receipts()).isEmpty();
    }

    @Test
    void aCommandFromAnotherStoreForADraftThatHasItsOrderChangesNothingEither() {
        bed.deliver(command("store-a", AvroFixtures.createOrder("dorder_1", "pay_1")));

        bed.deliver(command("store-b", AvroFixtures.createOrder("dorder_1", "pay_2")));

        assertThat(bed.orderCount()).isEqualTo(1);
        assertThat(orderOf("dorder_1").aggregate().storeId()).isEqualTo("store-a");
        assertThat(bed.work.receipts()).isEmpty();
    }

    @Test
    void twoCommandsForOneDraftInOnePollMakeOneOrder() {
        List<Outcome> outcomes = bed.deliverBatch(List.of(
                command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1")),
                command(STORE, AvroFixtures.createOrder("dorder_1", "pay_2"))));

        assertThat(outcomes).noneMatch(Outcome::failed);
        assertThat(bed.orderCount()).isEqualTo(1);
        assertThat(orderOf("dorder_1").aggregate().paymentId()).isEqualTo("pay_1");
        assertThat(orderOf("dorder_1").outbox()).hasSize(2);
    }

    @Test
    void ordersAreNumberedPerStore() {
        bed.deliver(command("store-a", AvroFixtures.createOrder("dorder_1", "pay_1")));
        bed.deliver(command("store-a", AvroFixtures.createOrder("dorder_2", "pay_2")));
        bed.deliver(command("store-b", AvroFixtures.createOrder("dorder_3", "pay_3")));

        assertThat(orderOf("dorder_1").aggregate().name()).isEqualTo("#1001");
        assertThat(orderOf("dorder_2").aggregate().name()).isEqualTo("#1002");
        assertThat(orderOf("dorder_3").aggregate().name()).isEqualTo("#1001");
    }

    @Test
    void ordersCreatedInOnePollGetConsecutiveNumbers() {
        bed.deliverBatch(List.of(
                command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1")),
                command(STORE, AvroFixtures.createOrder("dorder_2", "pay_2")),
                command(STORE, AvroFixtures.createOrder("dorder_3", "pay_3"))));

        assertThat(List.of("dorder_1", "dorder_2", "dorder_3"))
                .extracting(draft -> orderOf(draft).aggregate().name())
                .containsExactly("#1001", "#1002", "#1003");
    }

    @Test
    void aCartWithoutLinesIsAnsweredOnceWithOrderCreationFailedKeyedByTheDraft() {
        IncomingMessage<CreateOrderFromCart> command = command(STORE, emptyCart("dorder_1"));

        bed.deliver(command);

        assertThat(bed.orderCount()).isZero();
        Stored<String> receipt = bed.work.receipts().get(0);
        assertThat(receipt.aggregate()).isEqualTo(command.eventId());
        assertThat(receipt.outbox()).hasSize(1);
        OutgoingMessage answer = receipt.outbox().get(0);
        assertThat(answer.topic()).isEqualTo("order-events");
        assertThat(answer.key()).isEqualTo("dorder_1");
        assertThat(bed.metadataOf(answer).getStoreId()).isEqualTo(STORE);
        assertThat(bed.metadataOf(answer).getAggregateId()).isEqualTo("dorder_1");
        assertThat(bed.metadataOf(answer).getCausationId()).isEqualTo(command.eventId());
        assertThat(bed.payloadOf(answer)).isEqualTo(new OrderCreationFailed("dorder_1", "the cart has no line items"));
    }

    @Test
    void aRedeliveredInvalidCommandIsAnsweredOnlyOnce() {
        IncomingMessage<CreateOrderFromCart> command = command(STORE, emptyCart("dorder_1"));

        bed.deliver(command);
        bed.deliver(command);

        assertThat(bed.work.receipts())
                .singleElement()
                .satisfies(receipt -> assertThat(receipt.outbox()).hasSize(1));
    }

    @Test
    void aNewInvalidCommandForTheSameDraftIsAnsweredAgain() {
        bed.deliver(command(STORE, emptyCart("dorder_1")));

        bed.deliver(command(STORE, emptyCart("dorder_1")));

        assertThat(bed.work.receipts())
                .hasSize(2)
                .allSatisfy(receipt -> assertThat(bed.payloadOf(receipt.outbox().get(0)))
                        .isEqualTo(new OrderCreationFailed("dorder_1", "the cart has no line items")));
    }

    @Test
    void aRefusedCartUsesNoOrderNumber() {
        bed.deliver(command(STORE, emptyCart("dorder_1")));
        bed.deliver(command(STORE, AvroFixtures.createOrder("dorder_2", "pay_2")));

        assertThat(orderOf("dorder_2").aggregate().name()).isEqualTo("#1001");
    }

    @Test
    void aCommandWithoutStoreIsInvalidAndSoDeadLettered() {
        IncomingMessage<CreateOrderFromCart> command = command(" ", AvroFixtures.createOrder("dorder_1", "pay_1"));

        assertThatThrownBy(() -> bed.deliver(command)).isInstanceOf(InvalidMessageException.class);
        assertThat(bed.orderCount()).isZero();
    }

    @Test
    void aCommandWithoutDraftIdIsInvalidAndSoDeadLettered() {
        IncomingMessage<CreateOrderFromCart> command = command(STORE, AvroFixtures.createOrder(" ", "pay_1"));

        assertThatThrownBy(() -> bed.deliver(command))
                .isInstanceOf(InvalidMessageException.class)
                .hasMessageContaining("draft_order_id");
        assertThat(bed.orderCount()).isZero();
    }

    private static Cart withDraft(Cart c, String draft) {
        return new Cart(
                c.cartId(),
                draft,
                c.draftVersion(),
                c.currency(),
                c.lineItems(),
                c.appliedDiscount(),
                c.shippingLine(),
                c.shippingAddress(),
                c.billingAddress(),
                c.taxesIncluded(),
                c.taxExempt(),
                c.taxLines(),
                c.totals());
    }
}
