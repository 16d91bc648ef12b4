package com.draftorders.draft.metrics;

import com.draftorders.draft.domain.Completion;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftOrderEvent;
import com.draftorders.draft.domain.DraftOrderStatus;
import com.draftorders.draft.domain.TimelineEntry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Completion saga metrics (README "Observability"), read off the saga state the draft already keeps: the step a
 * change found ({@link Completion#step()}, {@link Completion#stepStartedAt()}) against the state it left, and the
 * events it recorded. Nothing here changes the saga.
 *
 * <ul>
 *   <li>{@value #COMPLETIONS}{outcome}: finished completion attempts; {@code completed}, {@code failed} (nothing
 *       to undo: the cart could not be locked) or {@code compensated} (the cart unlocked and/or the payment voided).
 *   <li>{@value #STEP}{step, outcome}: from a step's (last) command to its reply, per step ({@code lock_cart},
 *       {@code authorize_payment}, {@code create_order}); outcome {@code succeeded} or {@code failed} (a refusal, or
 *       given up after the deadline retries).
 *   <li>{@value #STEP_RETRIES}{step}: commands sent again because the step's deadline passed.
 *   <li>{@value #DURATION}{outcome}: from the start of a completion attempt to its end.
 * </ul>
 */
@Component
public class SagaMetrics {

    public static final String COMPLETIONS = "draftorders.saga.completions";
    public static final String STEP = "draftorders.saga.step";
    public static final String STEP_RETRIES = "draftorders.saga.step.retries";
    public static final String DURATION = "draftorders.saga.duration";

    private final MeterRegistry registry;

    public SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String outcome : List.of("completed", "failed", "compensated")) {
            completions(outcome);
        }
    }

    /** What the saga state was before a change, to compare with the draft after it. */
    public record Before(DraftOrderStatus status, Optional<Completion> completion) {
        public static Before of(DraftOrder draft) {
            return new Before(draft.status(), draft.completion());
        }
    }

    /**
     * What to record of one change once it is written: {@code events} are the events the change recorded. What it
     * needs of the draft is taken now, as later changes of the same batch may change the draft before it runs.
     */
    public Runnable observation(Before before, DraftOrder after, List<DraftOrderEvent> events, Instant now) {
        boolean stepping = before.status() == DraftOrderStatus.COMPLETING
                && before.completion().isPresent();
        boolean finishing = events.stream()
                .anyMatch(e -> e instanceof DraftOrderEvent.Completed || e instanceof DraftOrderEvent.CompletionFailed);
        if (!stepping && !finishing) {
            return () -> {};
        }
        DraftOrder snapshot = DraftOrder.restore(after.state());
        List<DraftOrderEvent> recorded = List.copyOf(events);
        return () -> changed(before, snapshot, recorded, now);
    }

    /** Records what one written change did to the saga: {@code events} are the events the change recorded. */
    public void changed(Before before, DraftOrder after, List<DraftOrderEvent> events, Instant now) {
        if (before.status() == DraftOrderStatus.COMPLETING
                && before.completion().isPresent()) {
            stepChanged(before.completion().get(), after, now);
        }
        for (DraftOrderEvent event : events) {
            if (event instanceof DraftOrderEvent.Completed) {
                finished("completed", after, now);
            } else if (event instanceof DraftOrderEvent.CompletionFailed failed) {
                finished(
                        failed.unlockCart() || failed.paymentIdToVoid() != null ? "compensated" : "failed", after, now);
            }
        }
    }

    private void stepChanged(Completion before, DraftOrder after, Instant now) {
        Optional<Completion> completion = after.completion();
        boolean sameStep = after.status() == DraftOrderStatus.COMPLETING
                && completion.isPresent()
                && completion.get().attempt() == before.attempt()
                && completion.get().step() == before.step();
        String step = before.step().name().toLowerCase(Locale.ROOT);
        if (sameStep) {
            if (completion.get().tries() > before.tries()) {
                Counter.builder(STEP_RETRIES)
                        .description("Saga step commands sent again after their deadline")
                        .tag("step", step)
                        .register(registry)
                        .increment();
            }
            return;
        }
        boolean succeeded = after.status() == DraftOrderStatus.COMPLETED
                || (after.status() == DraftOrderStatus.COMPLETING && completion.isPresent());
        Timer.builder(STEP)
                .description("Time from a saga step's command to its reply")
                .tag("step", step)
                .tag("outcome", succeeded ? "succeeded" : "failed")
                .register(registry)
                .record(positive(Duration.between(before.stepStartedAt(), now)));
    }

    private void finished(String outcome, DraftOrder after, Instant now) {
        completions(outcome).increment();
        startedAt(after)
                .ifPresent(started -> Timer.builder(DURATION)
                        .description("Time from the start of a completion attempt to its end")
                        .tag("outcome", outcome)
                        .register(registry)
                        .record(positive(Duration.between(started, now))));
    }

    private Counter completions(String outcome) {
        return Counter.builder(COMPLETIONS)
                .description("Finished completion attempts by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** When the latest completion attempt started, from the draft's timeline. */
    private static Optional<Instant> startedAt(DraftOrder draft) {
        List<TimelineEntry> timeline = draft.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (timeline.get(i).type().equals("completion_started")) {
                return Optional.of(timeline.get(i).at());
            }
        }
        return Optional.empty();
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
