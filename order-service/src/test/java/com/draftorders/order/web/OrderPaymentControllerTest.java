package com.draftorders.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.draftorders.avro.payment.CapturePayment;
import com.draftorders.avro.payment.PaymentCaptured;
import com.draftorders.avro.payment.PaymentRefunded;
import com.draftorders.avro.payment.RefundPayment;
import com.draftorders.avro.payment.VoidPayment;
import com.draftorders.messaging.OutgoingMessage;
import com.draftorders.messaging.testing.WorkTestbed.Stored;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.work.UnitOfWork;
import com.draftorders.order.Testbed;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.PaymentStatus;
import com.draftorders.order.messaging.AvroFixtures;
import com.draftorders.order.persistence.Orders;
import com.draftorders.order.web.OrderPaymentController.CaptureRequest;
import com.draftorders.order.web.OrderPaymentController.RefundRequest;
import com.draftorders.order.web.OrderPaymentController.VoidRequest;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class OrderPaymentControllerTest {

    private static final StoreId STORE = new StoreId("store-a");

    private final Testbed bed = new Testbed();
    private final OrderPaymentController controller =
            new OrderPaymentController(bed.work.reads, bed.orders, bed.paymentRequests);
    private String orderId;

    @BeforeEach
    void createAnOrderUnderPaymentTerms() {
        var command = AvroFixtures.pendingUnderNetDays("dorder_1", "pay_1", 30);
        bed.deliver(bed.incoming("order-commands", STORE.value(), "dorder_1", command));
        orderId = order().aggregate().id();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    private Stored<Order> order() {
        return bed.orderOf("dorder_1");
    }

    private List<OutgoingMessage> paymentCommands() {
        return order().outbox().stream()
                .filter(m -> m.topic().equals("payment-commands"))
                .toList();
    }

    private Object payloadOf(OutgoingMessage message) {
        return bed.payloadOf(message);
    }

    /** What another instance's write does to the order's document between this request's load and its write. */
    private void anotherWriterChangesTheOrder() {
        bed.work
                .database
                .getCollection(Orders.COLLECTION)
                .updateOne(Filters.eq("_id", orderId), Updates.inc(UnitOfWork.VERSION, 1L));
    }

    private void paymentServiceCaptures(long amount) {
        bed.deliver(bed.incoming(
                "payment-events",
                STORE.value(),
                "pay_1",
                new PaymentCaptured("pay_1", "dorder_1", orderId, amount, "EUR")));
    }

    @Test
    void aCaptureOfAnOrderUnderPaymentTermsSendsCapturePaymentAndAnswers202WithWhatWasAccepted() {
        ResponseEntity<PaymentRequestAnswer> response = controller.capture(STORE, orderId, "key-1", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getBody().capture())
                .isEqualTo(new PaymentRequestAnswer.Accepted(
                        orderId,
                        "pending",
                        com.draftorders.messaging.web.MoneyFormat.format(
                                order().aggregate().cart().totals().totalPrice(),
                                order().aggregate().currency()),
                        order().aggregate().currency(),
                        null,
                        "key-1"));
        assertThat(response.getBody().voidPayment()).isNull();
        assertThat(response.getBody().refund()).isNull();
        OutgoingMessage command = paymentCommands().get(0);
        assertThat(paymentCommands()).hasSize(1);
        assertThat(command.key()).isEqualTo("pay_1");
        assertThat(bed.metadataOf(command).getStoreId()).isEqualTo(STORE.value());
        assertThat(bed.metadataOf(command).getAggregateId()).isEqualTo("pay_1");
        assertThat(payloadOf(command))
                .isEqualTo(CapturePayment.newBuilder()
                        .setPaymentId("pay_1")
                        .setIdempotencyKey("order:" + orderId + ":key-1")
                        .setOrderId(orderId)
                        .setAmount(null)
                        .build());
    }

    @Test
    void aPartialCaptureCarriesTheAmountInMinorUnits() {
        controller.capture(STORE, orderId, "key-1", new CaptureRequest("12.50"));

        assertThat(((CapturePayment) payloadOf(paymentCommands().get(0))).getAmount())
                .isEqualTo(1250L);
    }

    @Test
    void theSameKeyAndBodyAgainReplaysTheAnswerAndSendsNoSecondCommand() {

        ResponseEntity<PaymentRequestAnswer> first =
                controller.capture(STORE, orderId, "key-2", new CaptureRequest("12.50"));
        paymentServiceCaptures(1250);

        ResponseEntity<PaymentRequestAnswer> again =
                controller.capture(STORE, orderId, "key-2", new CaptureRequest("12.50"));

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getBody())
                .as("the replay answers what the first answer said, though the payment moved on since")
                .isEqualTo(first.getBody());
        assertThat(again.getBody().capture().amount()).isEqualTo("12.50");
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(paymentCommands()).hasSize(1);
        assertThat(order().aggregate().paymentRequests()).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAsAReusedKey() {
        controller.capture(STORE, orderId, "key-1", new CaptureRequest("12.50"));

        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> controller.capture(STORE, orderId, "key-1", new CaptureRequest("13.00")));

        assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused.code()).isEqualTo("idempotency_key_reused");
        assertThat(paymentCommands()).hasSize(1);
    }

    @Test
    void aRequestWithoutAnIdempotencyKeyIsInvalid() {
        ApiException refused =
                catchThrowableOfType(ApiException.class, () -> controller.voidPayment(STORE, orderId, null, null));

        assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused.errors()).containsExactly(new ApiException.FieldError("Idempotency-Key", "is required"));
        assertThat(paymentCommands()).isEmpty();
    }

    @Test
    void anotherStoresOrderIsNotFound() {
        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> controller.capture(new StoreId("store-b"), orderId, "key-1", null));

        assertThat(refused.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(paymentCommands()).isEmpty();
    }

    @Test
    void aVoidSendsVoidPaymentWithTheReason() {
        controller.voidPayment(STORE, orderId, "key-v", new VoidRequest("customer canceled"));

        assertThat(payloadOf(paymentCommands().get(0)))
                .isEqualTo(new VoidPayment("pay_1", "order:" + orderId + ":key-v", "customer canceled"));
    }

    @Test
    void aCapturedPaymentCannotBeVoided() {
        paymentServiceCaptures(3380);

        ApiException refused =
                catchThrowableOfType(ApiException.class, () -> controller.voidPayment(STORE, orderId, "key-v", null));

        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.code()).isEqualTo("payment_not_authorized");
    }

    @Test
    void aRefundBeforeTheCaptureIsRefused() {
        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> controller.refund(STORE, orderId, "key-r", new RefundRequest("1.00", null)));

        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.code()).isEqualTo("payment_not_refundable");
    }

    @Test
    void aPartialRefundSendsRefundPaymentAndThePaymentEventMovesTheOrderOn() {
        paymentServiceCaptures(3380);

        controller.refund(STORE, orderId, "key-r", new RefundRequest("12.50", "damaged"));

        assertThat(payloadOf(paymentCommands().get(0)))
                .isEqualTo(new RefundPayment("pay_1", "order:" + orderId + ":key-r", 1250L, "damaged"));
        assertThat(order().aggregate().paymentStatus()).isEqualTo(PaymentStatus.CAPTURED);
        bed.deliver(bed.incoming(
                "payment-events",
                STORE.value(),
                "pay_1",
                PaymentRefunded.newBuilder()
                        .setPaymentId("pay_1")
                        .setAmount(1250)
                        .setTotalRefunded(1250)
                        .setCurrency("EUR")
                        .build()));
        assertThat(order().aggregate().paymentStatus()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
    }

    @Test
    void aRefundOfMoreThanWasCapturedIsRefusedWithTheFigures() {
        paymentServiceCaptures(3380);

        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> controller.refund(STORE, orderId, "key-r", new RefundRequest("33.81", null)));

        assertThat(refused.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(refused.code()).isEqualTo("refund_exceeds_captured");
        assertThat(refused.getMessage()).contains("captured 33.80", "refunded 0.00", "refundable 33.80");
        assertThat(paymentCommands()).isEmpty();
    }

    @Test
    void aZeroOrMalformedRefundAmountIsInvalid() {
        paymentServiceCaptures(3380);

        assertThat(catchThrowableOfType(
                                ApiException.class,
                                () -> controller.refund(STORE, orderId, "key-r", new RefundRequest("0", null)))
                        .errors())
                .extracting(ApiException.FieldError::field)
                .containsExactly("amount");
        assertThat(catchThrowableOfType(
                                ApiException.class,
                                () -> controller.refund(STORE, orderId, "key-r", new RefundRequest("1.234", null)))
                        .errors())
                .extracting(ApiException.FieldError::field)
                .containsExactly("amount");
    }

    @Test
    void anAcceptedRequestRaisesTheOrdersRevisionAndARejectedOneDoesNot() {
        controller.capture(STORE, orderId, "key-1", null);
        catchThrowableOfType(
                ApiException.class, () -> controller.refund(STORE, orderId, "key-r", new RefundRequest("1.00", null)));

        assertThat(order().aggregate().revision()).isEqualTo(1);
        assertThat(order().version()).isEqualTo(2);
    }

    @Test
    void aRequestThatKeepsMeetingOtherChangesOfTheOrderIsAConflictAndChangesNothing() {
        bed.codec.whileEncoding = this::anotherWriterChangesTheOrder;
        long version = order().version();

        ApiException refused = catchThrowableOfType(
                ApiException.class, () -> controller.capture(STORE, orderId, "key-1", new CaptureRequest("12.50")));

        bed.codec.whileEncoding = () -> {};
        assertThat(refused.status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.code()).isEqualTo("concurrent_change");
        assertThat(paymentCommands()).isEmpty();
        assertThat(order().aggregate().paymentRequests()).isEmpty();
        assertThat(order().version()).isGreaterThan(version);
    }

    @Test
    void aRequestThatMeetsAnotherChangeOnceIsDecidedAgainOnTheFreshOrder() {
        int[] encodings = {0};
        bed.codec.whileEncoding = () -> {
            if (++encodings[0] == 1) {
                anotherWriterChangesTheOrder();
            }
        };

        ResponseEntity<PaymentRequestAnswer> response = controller.capture(STORE, orderId, "key-1", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(encodings[0]).isEqualTo(2);
        assertThat(paymentCommands()).hasSize(1);
        assertThat(order().aggregate().paymentRequests()).hasSize(1);
    }
}
