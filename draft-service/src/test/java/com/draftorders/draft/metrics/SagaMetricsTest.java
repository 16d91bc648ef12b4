package com.draftorders.draft.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.draft.domain.CartCalculation;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.domain.DraftDetails;
import com.draftorders.draft.domain.DraftOrder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SagaMetricsTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final SagaMetrics metrics = new SagaMetrics(registry);

    /** A ready draft whose completion started at {@link #T0}. */
    DraftOrder completing() {
        var draft = DraftOrder.create(
                "dorder_1",
                "dev",
                "#D1001",
                "cart_1",
                null,
                null,
                new DraftOrder.Customer("ada@example.com", null, null),
                new DraftContent(
                        "EUR",
                        List.of(new DraftContent.LineItem(
                                "li_1", "var_1", null, "MUG", "Mug", null, 2, 1999, null, 350, true, true, null)),
                        null,
                        null,
                        null,
                        null,
                        false,
                        false),
                null,
                List.of(),
                DraftDetails.NONE,
                false,
                T0.minusSeconds(60));
        draft.applyCalculation(
                new CartCalculation(
                        draft.contentVersion(),
                        new CartCalculation.Totals(3998, 0, 3998, 0, 0, 3998, 2, 700),
                        List.of(new CartCalculation.LineCalculation("li_1", null, List.of(), 3998L)),
                        null,
                        List.of(),
                        List.of()),
                T0.minusSeconds(59));
        change(draft, T0, d -> d.complete(false, "system", null, T0));
        return draft;
    }

    /** Applies a change the way the draft service does, and shows it to the metrics. */
    void change(DraftOrder draft, Instant now, Consumer<DraftOrder> change) {
        var before = SagaMetrics.Before.of(draft);
        change.accept(draft);
        metrics.changed(before, draft, draft.pullEvents(), now);
    }

    double stepSeconds(String step, String outcome) {
        var timer = registry.find(SagaMetrics.STEP)
                .tags("step", step, "outcome", outcome)
                .timer();
        return timer == null ? -1 : timer.totalTime(TimeUnit.MILLISECONDS) / 1000.0;
    }

    double completions(String outcome) {
        return registry.get(SagaMetrics.COMPLETIONS)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    @Test
    void aCompletedSagaRecordsEachStepFromCommandToReplyAndTheWholeCompletion() {
        var draft = completing();
        change(
                draft,
                T0.plusSeconds(2),
                d -> d.cartLocked(1, d.contentVersion(), 3998, "pay_1", null, T0.plusSeconds(2)));
        change(draft, T0.plusSeconds(5), d -> d.paymentAuthorized("pay_1", T0.plusSeconds(5)));
        change(draft, T0.plusSeconds(9), d -> d.orderCreated("order_1", "pay_1", T0.plusSeconds(9)));

        assertThat(stepSeconds("lock_cart", "succeeded")).isEqualTo(2.0);
        assertThat(stepSeconds("authorize_payment", "succeeded")).isEqualTo(3.0);
        assertThat(stepSeconds("create_order", "succeeded")).isEqualTo(4.0);
        assertThat(completions("completed")).isEqualTo(1.0);
        assertThat(registry.get(SagaMetrics.DURATION)
                        .tag("outcome", "completed")
                        .timer()
                        .totalTime(TimeUnit.SECONDS))
                .isEqualTo(9.0);
    }

    @Test
    void aDeclinedPaymentFailsItsStepAndCountsACompensatedCompletion() {
        var draft = completing();
        change(
                draft,
                T0.plusSeconds(1),
                d -> d.cartLocked(1, d.contentVersion(), 3998, "pay_1", null, T0.plusSeconds(1)));
        change(
                draft,
                T0.plusSeconds(4),
                d -> d.paymentAuthorizationFailed("pay_1", "card_declined", "declined", T0.plusSeconds(4)));

        assertThat(stepSeconds("authorize_payment", "failed")).isEqualTo(3.0);
        assertThat(completions("compensated")).isEqualTo(1.0);
        assertThat(completions("completed")).isZero();
    }

    @Test
    void aRejectedCartLockHasNothingToUndoAndCountsAsFailed() {
        var draft = completing();
        change(draft, T0.plusSeconds(1), d -> d.cartLockRejected(1, "cart is gone", T0.plusSeconds(1)));

        assertThat(stepSeconds("lock_cart", "failed")).isEqualTo(1.0);
        assertThat(completions("failed")).isEqualTo(1.0);
        assertThat(completions("compensated")).isZero();
    }

    @Test
    void anOverdueStepSentAgainCountsARetryAndEndsNoStep() {
        var draft = completing();
        change(draft, T0.plusSeconds(20), d -> d.completionStepOverdue(4, T0.plusSeconds(20)));

        assertThat(registry.get(SagaMetrics.STEP_RETRIES)
                        .tag("step", "lock_cart")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(registry.find(SagaMetrics.STEP).timers()).isEmpty();
    }

    @Test
    void changesOutsideARunningCompletionRecordNothing() {
        var draft = completing();
        change(
                draft,
                T0.plusSeconds(1),
                d -> d.cartLocked(1, d.contentVersion(), 3998, "pay_1", null, T0.plusSeconds(1)));
        change(draft, T0.plusSeconds(2), d -> d.paymentAuthorized("pay_1", T0.plusSeconds(2)));
        change(draft, T0.plusSeconds(3), d -> d.orderCreated("order_1", "pay_1", T0.plusSeconds(3)));
        long timers = registry.find(SagaMetrics.STEP).timers().stream()
                .mapToLong(t -> t.count())
                .sum();

        change(draft, T0.plusSeconds(60), d -> d.orderCreated("order_1", "pay_1", T0.plusSeconds(60)));
        change(draft, T0.plusSeconds(61), d -> d.addTags(List.of("vip"), T0.plusSeconds(61)));

        assertThat(registry.find(SagaMetrics.STEP).timers().stream()
                        .mapToLong(t -> t.count())
                        .sum())
                .isEqualTo(timers);
        assertThat(completions("completed")).isEqualTo(1.0);
    }
}
