package com.draftorders.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.payment.PaymentCaptured;
import com.draftorders.messaging.web.ApiException;
import com.draftorders.messaging.web.StoreId;
import com.draftorders.messaging.work.ConcurrentChangeException;
import com.draftorders.order.Testbed;
import com.draftorders.order.messaging.AvroFixtures;
import com.draftorders.order.web.OrderPaymentController.RefundRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Issue 12, finding 2: ten parallel captures (or refunds) of one order with different {@code Idempotency-Key}s once
 * answered 4 × 500 ({@code OptimisticLockingFailureException}). Through the unit of work every request is now decided
 * on fresh state: accepted, refused with a reason, or 409 {@code concurrent_change} (what {@code ApiExceptionHandler}
 * answers for {@link ConcurrentChangeException}); never anything else, and the money stays right.
 */
class ConcurrentPaymentRequestsTest {

    private static final StoreId STORE = new StoreId("store-a");
    private static final int PARALLEL = 10;

    private final Testbed bed = new Testbed();
    private final OrderPaymentController controller =
            new OrderPaymentController(bed.work.reads, bed.orders, bed.paymentRequests);
    private final ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
    private String orderId;

    @BeforeEach
    void createAnOrderUnderPaymentTerms() {
        bed.deliver(bed.incoming(
                "order-commands",
                STORE.value(),
                "dorder_1",
                AvroFixtures.pendingUnderNetDays("dorder_1", "pay_1", 30)));
        orderId = bed.orderOf("dorder_1").aggregate().id();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        bed.close();
    }

    /** The HTTP status each request would be answered with; a failure that would be a 500 fails the test. */
    private List<Integer> inParallel(IntFunction<ResponseEntity<?>> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            int n = i;
            Callable<Integer> call = () -> {
                start.await();
                try {
                    return request.apply(n).getStatusCode().value();
                } catch (ApiException refused) {
                    return refused.status().value();
                } catch (ConcurrentChangeException conflict) {
                    return 409;
                }
            };
            answers.add(threads.submit(call));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS)); // anything else thrown fails here
        }
        return statuses;
    }

    @Test
    void tenParallelCapturesWithDifferentKeysAreAcceptedOrRefusedButNeverFail() throws Exception {
        List<Integer> statuses = inParallel(n -> controller.capture(STORE, orderId, "capture-" + n, null));

        assertThat(statuses).allMatch(s -> s < 500).contains(202);
        long accepted = statuses.stream().filter(s -> s == 202).count();
        assertThat(bed.orderOf("dorder_1").aggregate().paymentRequests())
                .as("one stored request per accepted answer")
                .hasSize((int) accepted);
    }

    @Test
    void tenParallelRefundsWithDifferentKeysAreAcceptedOrRefusedButNeverFail() throws Exception {
        bed.deliver(bed.incoming(
                "payment-events",
                STORE.value(),
                "pay_1",
                new PaymentCaptured("pay_1", "dorder_1", orderId, 3380L, "EUR")));

        List<Integer> statuses =
                inParallel(n -> controller.refund(STORE, orderId, "refund-" + n, new RefundRequest("5.00", null)));

        assertThat(statuses).allMatch(s -> s < 500).contains(202);
        long accepted = statuses.stream().filter(s -> s == 202).count();
        assertThat(bed.orderOf("dorder_1").aggregate().paymentRequests()).hasSize((int) accepted);
    }
}
