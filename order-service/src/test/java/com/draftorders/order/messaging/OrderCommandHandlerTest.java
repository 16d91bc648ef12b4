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
import com.draftorders.order.Testbed;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderFixtures;
import com.draftorders.order.domain.PaymentStatus;
import com.draftorders.order.persistence.OrderCreationFailureDocument;
import com.draftorders.order.persistence.OrderDocument;
import com.draftorders.order.persistence.OrderDocuments;
import com.draftorders.schemas.Topic;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

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

    private OrderDocument orderOf(String draftOrderId) {
        return bed.store.findByDraftOrderId(draftOrderId).orElseThrow();
    }

    private long orderCount() {
        return bed.mongo.getCollection(OrderDocument.COLLECTION).countDocuments();
    }

    @Test
    void theFirstOrderOfAStoreIsCreatedAs1001AndAuthorized() {
        bed.commands.createFromCart(command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1")));

        OrderDocument order = orderOf("dorder_1");
        assertThat(order.getId()).startsWith("order_");
        assertThat(order.getName()).isEqualTo("#1001");
        assertThat(order.getStoreId()).isEqualTo(STORE);
        assertThat(order.getPaymentId()).isEqualTo("pay_1");
        assertThat(order.getPaymentStatus()).isEqualTo("AUTHORIZED");
        assertThat(order.getCreatedAt()).isEqualTo(Testbed.NOW);
    }

    @Test
    void theStoredOrderReadsBackWithEverythingTheCartSnapshotCarried() {
        bed.commands.createFromCart(command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1")));

        Order order = OrderDocuments.toOrder(orderOf("dorder_1"));

        assertThat(order.cart()).isEqualTo(withDraft(OrderFixtures.cart(), "dorder_1"));
        assertThat(order.details().tags()).containsExactly("phone", "vip");
        assertThat(order.details().email()).isEqualTo("ada@example.com");
        assertThat(order.details().draftOrderName()).isEqualTo("#D1001");
        assertThat(order.details().sourceName()).isEqualTo("phone");
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void theOrderAnnouncesItselfAndAsksForTheCaptureInTheSameWrite() {
        IncomingMessage<CreateOrderFromCart> command = command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1"));
        bed.commands.createFromCart(command);

        OrderDocument order = orderOf("dorder_1");
        List<OutgoingMessage> outbox = order.getOutbox();
        assertThat(outbox).extracting(OutgoingMessage::topic).containsExactly("order-events", "payment-commands");

        OutgoingMessage created = outbox.get(0);
        assertThat(created.key()).isEqualTo(order.getId());
        Metadata metadata = Topic.metadataOf(bed.envelope(created));
        assertThat(metadata.getStoreId()).isEqualTo(STORE);
        assertThat(metadata.getAggregateId()).isEqualTo(order.getId());
        assertThat(metadata.getCorrelationId()).isEqualTo("corr_1");
        assertThat(metadata.getCausationId()).isEqualTo(command.eventId());
        OrderSnapshot snapshot = ((OrderCreated) Topic.payloadOf(bed.envelope(created))).getOrder();
        assertThat(snapshot.getId()).isEqualTo(order.getId());
        assertThat(snapshot.getName()).isEqualTo("#1001");
        assertThat(snapshot.getDraftOrderId()).isEqualTo("dorder_1");
        assertThat(snapshot.getPaymentStatus()).isEqualTo(com.draftorders.avro.common.PaymentStatus.AUTHORIZED);
        assertThat(snapshot.getCart().getTotals().getTotalPrice()).isEqualTo(3380);
        assertThat(snapshot.getCart().getContent().getLineItems()).hasSize(2);
        assertThat(snapshot.getTags()).containsExactly("phone", "vip");

        OutgoingMessage capture = outbox.get(1);
        assertThat(capture.key()).isEqualTo("pay_1");
        assertThat(Topic.metadataOf(bed.envelope(capture)).getStoreId()).isEqualTo(STORE);
        CapturePayment payload = (CapturePayment) Topic.payloadOf(bed.envelope(capture));
        assertThat(payload.getPaymentId()).isEqualTo("pay_1");
        assertThat(payload.getIdempotencyKey()).isEqualTo("capture:" + order.getId());
        assertThat(payload.getOrderId()).isEqualTo(order.getId());
        assertThat(payload.getAmount()).isNull();
        assertThat(order.getProcessedMessageIds()).containsExactly(command.eventId());
    }

    @Test
    void anOrderWithPaymentPendingIsAnnouncedButNotCaptured() {
        bed.commands.createFromCart(command(STORE, AvroFixtures.pendingUnderNetDays("dorder_1", "pay_1", 30)));

        OrderDocument order = orderOf("dorder_1");
        assertThat(order.getOutbox()).extracting(OutgoingMessage::topic).containsExactly("order-events");
        assertThat(order.getPaymentDueAt()).isEqualTo(Instant.parse("2025-03-31T10:15:30.123Z"));
        assertThat(order.isPaymentPending()).isTrue();
    }

    @Test
    void aRedeliveredCommandMakesNoSecondOrderAndUsesNoNumber() {
        IncomingMessage<CreateOrderFromCart> command = command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1"));

        bed.commands.createFromCart(command);
        bed.commands.createFromCart(command);

        assertThat(orderCount()).isEqualTo(1);
        assertThat(orderOf("dorder_1").getOutbox()).hasSize(2);
        assertThat(bed.numbers.next(STORE)).isEqualTo(1002);
    }

    @Test
    void aNewCommandForADraftThatHasItsOrderChangesNothing() {
        bed.commands.createFromCart(command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1")));
        OrderDocument before = orderOf("dorder_1");

        bed.commands.createFromCart(command(STORE, AvroFixtures.createOrder("dorder_1", "pay_2")));

        OrderDocument after = orderOf("dorder_1");
        assertThat(orderCount()).isEqualTo(1);
        assertThat(after.getVersion()).isEqualTo(before.getVersion());
        assertThat(after.getPaymentId()).isEqualTo("pay_1");
        assertThat(after.getOutbox()).hasSize(2);
    }

    @Test
    void ordersAreNumberedPerStore() {
        bed.commands.createFromCart(command("store-a", AvroFixtures.createOrder("dorder_1", "pay_1")));
        bed.commands.createFromCart(command("store-a", AvroFixtures.createOrder("dorder_2", "pay_2")));
        bed.commands.createFromCart(command("store-b", AvroFixtures.createOrder("dorder_3", "pay_3")));

        assertThat(orderOf("dorder_1").getName()).isEqualTo("#1001");
        assertThat(orderOf("dorder_2").getName()).isEqualTo("#1002");
        assertThat(orderOf("dorder_3").getName()).isEqualTo("#1001");
    }

    @Test
    void theDatabaseRefusesASecondOrderForTheSameDraft() {
        bed.commands.createFromCart(command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1")));
        OrderDocument copy = OrderDocuments.toDocument(OrderDocuments.toOrder(orderOf("dorder_1")));
        copy.setId("order_other");

        assertThatThrownBy(() -> bed.store.save(copy)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void aCartWithoutLinesIsAnsweredWithOrderCreationFailedKeyedByTheDraft() {
        CreateOrderFromCart empty =
                AvroFixtures.createOrder("dorder_1", "pay_1", OrderFixtures.cartWithLines(List.of()));
        IncomingMessage<CreateOrderFromCart> command = command(STORE, empty);

        bed.commands.createFromCart(command);

        assertThat(orderCount()).isZero();
        OrderCreationFailureDocument failure =
                bed.store.findCreationFailure("dorder_1").orElseThrow();
        assertThat(failure.getReason()).isEqualTo("the cart has no line items");
        assertThat(failure.getOutbox()).hasSize(1);
        OutgoingMessage answer = failure.getOutbox().get(0);
        assertThat(answer.topic()).isEqualTo("order-events");
        assertThat(answer.key()).isEqualTo("dorder_1");
        assertThat(Topic.metadataOf(bed.envelope(answer)).getStoreId()).isEqualTo(STORE);
        assertThat(Topic.payloadOf(bed.envelope(answer)))
                .isEqualTo(new OrderCreationFailed("dorder_1", "the cart has no line items"));
    }

    @Test
    void aRedeliveredInvalidCommandIsAnsweredOnlyOnce() {
        IncomingMessage<CreateOrderFromCart> command =
                command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1", OrderFixtures.cartWithLines(List.of())));

        bed.commands.createFromCart(command);
        bed.commands.createFromCart(command);

        assertThat(bed.store.findCreationFailure("dorder_1").orElseThrow().getOutbox())
                .hasSize(1);
    }

    @Test
    void aRefusedCartUsesNoOrderNumber() {
        bed.commands.createFromCart(
                command(STORE, AvroFixtures.createOrder("dorder_1", "pay_1", OrderFixtures.cartWithLines(List.of()))));
        bed.commands.createFromCart(command(STORE, AvroFixtures.createOrder("dorder_2", "pay_2")));

        assertThat(orderOf("dorder_2").getName()).isEqualTo("#1001");
    }

    @Test
    void aCommandWithoutStoreIsInvalidAndSoDeadLettered() {
        CreateOrderFromCart payload = AvroFixtures.createOrder("dorder_1", "pay_1");
        IncomingMessage<CreateOrderFromCart> command = command(" ", payload);

        assertThatThrownBy(() -> bed.commands.createFromCart(command)).isInstanceOf(InvalidMessageException.class);
        assertThat(orderCount()).isZero();
    }

    private static com.draftorders.order.domain.Cart withDraft(com.draftorders.order.domain.Cart c, String draft) {
        return new com.draftorders.order.domain.Cart(
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
