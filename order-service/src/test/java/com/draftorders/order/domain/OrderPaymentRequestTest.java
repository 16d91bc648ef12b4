package com.draftorders.order.domain;

import static com.draftorders.order.domain.OrderFixtures.PAYMENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrderPaymentRequestTest {

    private static final String ORDER_ID = "order_01JTEST";

    private static Order authorized() {
        return OrderFixtures.storedOrder(PaymentStatus.AUTHORIZED, 0, 0);
    }

    private static Order captured(long captured, long refunded) {
        return OrderFixtures.storedOrder(
                refunded == 0 ? PaymentStatus.CAPTURED : PaymentStatus.PARTIALLY_REFUNDED, captured, refunded);
    }

    private static String codeOf(PaymentRequestOutcome outcome) {
        assertThat(outcome).isInstanceOf(PaymentRequestOutcome.Refused.class);
        return ((PaymentRequestOutcome.Refused) outcome).code();
    }

    @Test
    void anAuthorizedPaymentCanBeCapturedWholeAndTheCommandCarriesTheOrderScopedKey() {
        Order order = authorized();

        PaymentRequestOutcome outcome = order.requestCapture("k1", null);

        assertThat(outcome).isInstanceOf(PaymentRequestOutcome.Accepted.class);
        assertThat(order.events())
                .containsExactly(
                        new OrderEvent.CaptureRequested(ORDER_ID, PAYMENT_ID, "order:" + ORDER_ID + ":k1", null));
        assertThat(order.paymentStatus()).isEqualTo(PaymentStatus.AUTHORIZED);
        assertThat(order.paymentRequests()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PaymentRequest.Kind.CAPTURE);
            assertThat(r.idempotencyKey()).isEqualTo("k1");
        });
    }

    @Test
    void aPartialCaptureCarriesItsAmount() {
        Order order = authorized();

        order.requestCapture("k1", 1000L);

        assertThat(order.events())
                .containsExactly(
                        new OrderEvent.CaptureRequested(ORDER_ID, PAYMENT_ID, "order:" + ORDER_ID + ":k1", 1000L));
    }

    @Test
    void aCaptureOfMoreThanTheAuthorizedTotalIsRefused() {
        Order order = authorized();

        assertThat(codeOf(order.requestCapture("k1", 3381L))).isEqualTo("capture_exceeds_authorized");
        assertThat(order.events()).isEmpty();
    }

    @Test
    void onlyAnAuthorizedPaymentCanBeCaptured() {
        for (PaymentStatus status : new PaymentStatus[] {
            PaymentStatus.PENDING,
            PaymentStatus.CAPTURED,
            PaymentStatus.VOIDED,
            PaymentStatus.PARTIALLY_REFUNDED,
            PaymentStatus.REFUNDED
        }) {
            Order order = OrderFixtures.storedOrder(status, 0, 0);

            assertThat(codeOf(order.requestCapture("k1", null)))
                    .as(status.name())
                    .isEqualTo("payment_not_authorized");
            assertThat(order.events()).isEmpty();
            assertThat(order.paymentRequests()).isEmpty();
        }
    }

    @Test
    void anAuthorizedPaymentCanBeVoidedWithAReason() {
        Order order = authorized();

        assertThat(order.requestVoid("k1", "customer changed mind")).isInstanceOf(PaymentRequestOutcome.Accepted.class);
        assertThat(order.events())
                .containsExactly(new OrderEvent.VoidRequested(
                        ORDER_ID, PAYMENT_ID, "order:" + ORDER_ID + ":k1", "customer changed mind"));
    }

    @Test
    void aCapturedPaymentCannotBeVoided() {
        Order order = captured(3380, 0);

        assertThat(codeOf(order.requestVoid("k1", null))).isEqualTo("payment_not_authorized");
        assertThat(order.events()).isEmpty();
    }

    @Test
    void aCapturedPaymentCanBeRefundedInPart() {
        Order order = captured(3380, 0);

        assertThat(order.requestRefund("k1", 1250, "damaged")).isInstanceOf(PaymentRequestOutcome.Accepted.class);
        assertThat(order.events())
                .containsExactly(new OrderEvent.RefundRequested(
                        ORDER_ID, PAYMENT_ID, "order:" + ORDER_ID + ":k1", 1250, "damaged"));
    }

    @Test
    void aRefundMayTakeExactlyWhatIsLeftAfterEarlierRefunds() {
        Order order = captured(3380, 1000);

        assertThat(order.requestRefund("k1", 2380, null)).isInstanceOf(PaymentRequestOutcome.Accepted.class);
    }

    @Test
    void aRefundOfMoreThanCapturedLessRefundedIsRefusedWithTheFigures() {
        Order order = captured(3380, 1000);

        PaymentRequestOutcome outcome = order.requestRefund("k1", 2381, null);

        assertThat(outcome).isInstanceOf(PaymentRequestOutcome.Refused.class);
        var refused = (PaymentRequestOutcome.Refused) outcome;
        assertThat(refused.code()).isEqualTo("refund_exceeds_captured");
        assertThat(refused.captured()).isEqualTo(3380);
        assertThat(refused.refunded()).isEqualTo(1000);
        assertThat(refused.refundable()).isEqualTo(2380);
        assertThat(order.events()).isEmpty();
        assertThat(order.paymentRequests()).isEmpty();
    }

    @Test
    void aRefundMustBePositive() {
        assertThat(codeOf(captured(3380, 0).requestRefund("k1", 0, null))).isEqualTo("invalid_amount");
    }

    @Test
    void onlyACapturedPaymentCanBeRefunded() {
        for (PaymentStatus status : new PaymentStatus[] {
            PaymentStatus.PENDING, PaymentStatus.AUTHORIZED, PaymentStatus.VOIDED, PaymentStatus.REFUNDED
        }) {
            Order order = OrderFixtures.storedOrder(status, 3380, 0);

            assertThat(codeOf(order.requestRefund("k1", 100, null)))
                    .as(status.name())
                    .isEqualTo("payment_not_refundable");
        }
    }

    @Test
    void theSameKeyAndTheSameRequestIsAReplayThatRecordsNothingNew() {
        Order order = captured(3380, 0);
        order.requestRefund("k1", 1250, "damaged");

        PaymentRequestOutcome again = order.requestRefund("k1", 1250, "damaged");

        assertThat(again).isInstanceOf(PaymentRequestOutcome.Replayed.class);
        assertThat(order.events()).hasSize(1);
        assertThat(order.paymentRequests()).hasSize(1);
    }

    @Test
    void aReplayIsAnsweredEvenAfterThePaymentMovedOn() {
        Order order = authorized();
        order.requestCapture("k1", null);
        order.markPaymentCaptured(3380);

        assertThat(order.requestCapture("k1", null)).isInstanceOf(PaymentRequestOutcome.Replayed.class);
    }

    @Test
    void theSameKeyWithAnotherAmountIsAReusedKey() {
        Order order = captured(3380, 0);
        order.requestRefund("k1", 1250, "damaged");

        PaymentRequestOutcome other = order.requestRefund("k1", 1300, "damaged");

        assertThat(other).isEqualTo(new PaymentRequestOutcome.KeyReused("k1", PaymentRequest.Kind.REFUND));
        assertThat(order.events()).hasSize(1);
    }

    @Test
    void theSameKeyForAnotherKindOfRequestIsAReusedKey() {
        Order order = authorized();
        order.requestCapture("k1", null);

        assertThat(order.requestVoid("k1", null))
                .isEqualTo(new PaymentRequestOutcome.KeyReused("k1", PaymentRequest.Kind.CAPTURE));
    }

    @Test
    void anAcceptedRequestRaisesTheRevisionAndARefusedOrReplayedOneDoesNot() {
        Order order = authorized();
        long before = order.revision();

        order.requestCapture("k1", 1000L);
        order.requestCapture("k1", 1000L);
        order.requestCapture("k1", 2000L);
        order.requestRefund("k2", 100, null);

        assertThat(order.revision()).isEqualTo(before + 1);
    }
}
