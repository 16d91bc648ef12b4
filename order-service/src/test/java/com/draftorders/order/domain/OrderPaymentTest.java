package com.draftorders.order.domain;

import static com.draftorders.order.domain.OrderFixtures.PAYMENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderPaymentTest {

    private static final String ORDER_ID = "order_01JTEST";

    @Test
    void aCaptureOfTheAuthorizationMakesTheOrderCapturedAndRecordsItOnce() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.AUTHORIZED, 0, 0);

        PaymentUpdate update = order.markPaymentCaptured(3380);

        assertThat(update.isChange()).isTrue();
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(order.capturedAmount()).isEqualTo(3380);
        assertThat(order.events()).containsExactly(new OrderEvent.PaymentCaptured(ORDER_ID, PAYMENT_ID, 3380, "EUR"));
    }

    @Test
    void aPendingPaymentCanBeCapturedToo() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.PENDING, 0, 0);

        assertThat(order.markPaymentCaptured(3380).isChange()).isTrue();
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.CAPTURED);
    }

    @Test
    void aSecondCaptureReportChangesNothingAndRecordsNothing() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.AUTHORIZED, 0, 0);
        order.markPaymentCaptured(3380);

        PaymentUpdate again = order.markPaymentCaptured(3380);

        assertThat(again).isEqualTo(PaymentUpdate.unchanged("the payment is already CAPTURED"));
        assertThat(order.events()).hasSize(1);
    }

    @Test
    void aCaptureReportForAVoidedPaymentIsIgnored() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.VOIDED, 0, 0);

        assertThat(order.markPaymentCaptured(3380).isChange()).isFalse();
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(order.capturedAmount()).isZero();
        assertThat(order.events()).isEmpty();
    }

    @Test
    void aStaleCaptureReportAfterARefundDoesNotResetTheRefund() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.PARTIALLY_REFUNDED, 3380, 1000);

        assertThat(order.markPaymentCaptured(3380).isChange()).isFalse();
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(order.refundedAmount()).isEqualTo(1000);
    }

    @Test
    void voidingTheAuthorizationMakesTheOrderVoidedAndRecordsItOnce() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.AUTHORIZED, 0, 0);

        assertThat(order.markPaymentVoided().isChange()).isTrue();
        assertThat(order.markPaymentVoided().isChange()).isFalse();

        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.VOIDED);
        assertThat(order.events()).containsExactly(new OrderEvent.PaymentVoided(ORDER_ID, PAYMENT_ID));
    }

    @Test
    void aCapturedPaymentIsNotVoided() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.CAPTURED, 3380, 0);

        assertThat(order.markPaymentVoided()).isEqualTo(PaymentUpdate.unchanged("the payment is already CAPTURED"));
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.CAPTURED);
        assertThat(order.events()).isEmpty();
    }

    @Test
    void aRefundOfPartOfTheCaptureMakesThePaymentPartiallyRefunded() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.CAPTURED, 3380, 0);

        assertThat(order.markRefunded(1000, 1000).isChange()).isTrue();

        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(order.refundedAmount()).isEqualTo(1000);
        assertThat(order.events())
                .containsExactly(new OrderEvent.PaymentRefunded(ORDER_ID, PAYMENT_ID, 1000, 1000, "EUR"));
    }

    @Test
    void refundsThatReachTheCapturedAmountMakeThePaymentRefunded() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.CAPTURED, 3380, 0);

        order.markRefunded(1000, 1000);
        order.markRefunded(2380, 3380);

        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(order.refundedAmount()).isEqualTo(3380);
        assertThat(order.events())
                .containsExactly(
                        new OrderEvent.PaymentRefunded(ORDER_ID, PAYMENT_ID, 1000, 1000, "EUR"),
                        new OrderEvent.PaymentRefunded(ORDER_ID, PAYMENT_ID, 2380, 3380, "EUR"));
    }

    @Test
    void aRefundReportThatDoesNotRaiseTheRefundedTotalIsARedeliveryAndChangesNothing() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.PARTIALLY_REFUNDED, 3380, 1000);

        PaymentUpdate update = order.markRefunded(1000, 1000);

        assertThat(update).isEqualTo(PaymentUpdate.unchanged("refunds of 1000 are already recorded (1000)"));
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(order.events()).isEmpty();
    }

    @Test
    void nothingCanBeRefundedBeforeTheCapture() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.AUTHORIZED, 0, 0);

        assertThat(order.markRefunded(1000, 1000).isChange()).isFalse();
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(order.refundedAmount()).isZero();
    }

    @Test
    void aFullyRefundedPaymentTakesNoFurtherRefund() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.REFUNDED, 3380, 3380);

        assertThat(order.markRefunded(100, 3480).isChange()).isFalse();
        assertThat(order.refundedAmount()).isEqualTo(3380);
    }

    @Test
    void aRestoredOrderHasNoEventsToPublish() {
        assertThat(OrderFixtures.storedOrder(PaymentStatus.CAPTURED, 3380, 0).events())
                .isEmpty();
    }

    @Test
    void everyPaymentChangeRaisesTheRevisionByOneAndAReportThatChangesNothingDoesNot() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.AUTHORIZED, 0, 0);
        long before = order.revision();

        order.markPaymentCaptured(3380);
        order.markPaymentCaptured(3380);
        order.markRefunded(1000, 1000);
        order.markRefunded(1000, 1000);
        order.markPaymentVoided();

        assertThat(order.revision()).isEqualTo(before + 2);
    }

    @Test
    void theRestoredStateIsTheStateTheOrderReports() {
        Order order = OrderFixtures.storedOrder(PaymentStatus.CAPTURED, 3380, 0);
        order.markRefunded(1000, 1000);

        assertThat(Order.restore(order.state()).state()).isEqualTo(order.state());
    }
}
