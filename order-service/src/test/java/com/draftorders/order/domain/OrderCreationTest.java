package com.draftorders.order.domain;

import static com.draftorders.order.domain.OrderFixtures.DRAFT_ID;
import static com.draftorders.order.domain.OrderFixtures.NOW;
import static com.draftorders.order.domain.OrderFixtures.PAYMENT_ID;
import static com.draftorders.order.domain.OrderFixtures.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.order.domain.OrderFixtures.CountingOrderNumbers;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderCreationTest {

    private final CountingOrderNumbers numbers = new CountingOrderNumbers();

    @Test
    void anOrderIsMadeFromTheCartSnapshotWithItsLinesTotalsAndCustomer() {
        Order order = OrderFixtures.created(OrderFixtures.details(), numbers);

        assertThat(order.id()).isEqualTo("order_01JTEST");
        assertThat(order.storeId()).isEqualTo(STORE);
        assertThat(order.draftOrderId()).isEqualTo(DRAFT_ID);
        assertThat(order.paymentId()).isEqualTo(PAYMENT_ID);
        assertThat(order.createdAt()).isEqualTo(NOW);
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.cart()).isEqualTo(OrderFixtures.cart());
        assertThat(order.cart().totals().totalPrice()).isEqualTo(3380);
        assertThat(order.details().email()).isEqualTo("ada@example.com");
        assertThat(order.details().tags()).containsExactly("phone", "vip");
        assertThat(order.capturedAmount()).isZero();
        assertThat(order.refundedAmount()).isZero();
    }

    @Test
    void theFirstOrderOfAStoreIsNamed1001AndTheNextOnes1002And1003() {
        Order first = OrderFixtures.created(OrderFixtures.details(), numbers);
        Order second = OrderFixtures.created(OrderFixtures.details(), numbers);
        Order third = OrderFixtures.created(OrderFixtures.details(), numbers);

        assertThat(List.of(first.name(), second.name(), third.name())).containsExactly("#1001", "#1002", "#1003");
        assertThat(third.number()).isEqualTo(1003);
    }

    @Test
    void theNameIsTheNumberTheStoreHandsOut() {
        Creation creation = Order.createFromCart("order_x", "store-b", OrderFixtures.details(), storeId -> 4711, NOW);

        assertThat(((Creation.Created) creation).order().name()).isEqualTo("#4711");
    }

    @Test
    void theSagaAuthorizedBeforeAskingSoANewOrderIsAuthorized() {
        assertThat(OrderFixtures.newOrder().paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(OrderFixtures.created(OrderFixtures.pendingUnder(PaymentTerms.netDays(30)), numbers)
                        .paymentStatus())
                .isEqualTo(PaymentStatus.AUTHORIZED);
    }

    @Test
    void aPaidOrderRecordsItsCreationAndThenAsksForTheCaptureOfItsPayment() {
        Order order = OrderFixtures.newOrder();

        assertThat(order.events())
                .containsExactly(
                        new OrderEvent.OrderCreated(order.id()),
                        new OrderEvent.CaptureRequested(order.id(), PAYMENT_ID, "capture:" + order.id()));
    }

    @Test
    void anOrderWithPaymentPendingAsksForNoCapture() {
        Order order = OrderFixtures.created(OrderFixtures.pendingUnder(PaymentTerms.netDays(30)), numbers);

        assertThat(order.events()).containsExactly(new OrderEvent.OrderCreated(order.id()));
    }

    @Test
    void netDaysMakeThePaymentDueThatManyDaysAfterCreation() {
        Order order = OrderFixtures.created(OrderFixtures.pendingUnder(PaymentTerms.netDays(30)), numbers);

        assertThat(order.paymentDueAt()).isEqualTo(Instant.parse("2025-03-31T10:15:30.123Z"));
    }

    @Test
    void netZeroDaysMakeThePaymentDueOnCreation() {
        Order order = OrderFixtures.created(OrderFixtures.pendingUnder(PaymentTerms.netDays(0)), numbers);

        assertThat(order.paymentDueAt()).isEqualTo(NOW);
    }

    @Test
    void aFixedDueDateIsTakenAsItIs() {
        Instant due = Instant.parse("2025-04-15T00:00:00Z");
        Order order = OrderFixtures.created(OrderFixtures.pendingUnder(PaymentTerms.fixedDate(due)), numbers);

        assertThat(order.paymentDueAt()).isEqualTo(due);
    }

    @Test
    void aFixedDueDateWinsOverNetDaysWhenTermsGiveBoth() {
        Instant due = Instant.parse("2025-04-15T00:00:00Z");
        Order order = OrderFixtures.created(OrderFixtures.pendingUnder(new PaymentTerms(30, due)), numbers);

        assertThat(order.paymentDueAt()).isEqualTo(due);
    }

    @Test
    void anOrderWithoutPaymentTermsHasNoDueDate() {
        assertThat(OrderFixtures.newOrder().paymentDueAt()).isNull();
    }

    @Test
    void aCartWithoutLineItemsIsRefusedWithoutTakingAnOrderNumber() {
        Creation creation = Order.createFromCart(
                "order_x", STORE, OrderFixtures.details(OrderFixtures.cartWithLines(List.of())), numbers, NOW);

        assertThat(creation).isEqualTo(new Creation.Refused("the cart has no line items"));
        assertThat(numbers.calls()).isZero();
    }

    @Test
    void aNegativeTotalIsRefusedNamingTheTotal() {
        Totals negative = new Totals(2550, 200, 2350, 490, 540, -1, 3, 400);

        Creation creation = Order.createFromCart(
                "order_x", STORE, OrderFixtures.details(OrderFixtures.cartWithTotals(negative)), numbers, NOW);

        assertThat(creation).isEqualTo(new Creation.Refused("total_price is negative (-1)"));
        assertThat(numbers.calls()).isZero();
    }

    @Test
    void aNewOrderIsAtRevisionZero() {
        assertThat(OrderFixtures.newOrder().revision()).isZero();
    }

    @Test
    void pulledEventsAreHandedOutOnceAndThenForgotten() {
        Order order = OrderFixtures.newOrder();

        List<OrderEvent> pulled = order.pullEvents();

        assertThat(pulled)
                .containsExactly(
                        new OrderEvent.OrderCreated(order.id()),
                        new OrderEvent.CaptureRequested(order.id(), PAYMENT_ID, "capture:" + order.id()));
        assertThat(order.events()).isEmpty();
        assertThat(order.pullEvents()).isEmpty();
    }
}
