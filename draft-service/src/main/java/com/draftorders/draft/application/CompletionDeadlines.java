package com.draftorders.draft.application;

import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.persistence.DraftOrderStore;
import com.draftorders.messaging.TraceContext;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps completion sagas moving: drafts whose current step has waited longer than the step timeout get the step
 * sent again, and after the last try are compensated. The saga state lives in the draft, so a restarted service
 * picks up every saga it had in flight. Safe with several instances: optimistic locking lets one of them win.
 */
@Component
public class CompletionDeadlines implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompletionDeadlines.class);

    private final DraftOrderStore store;
    private final DraftOrderService drafts;
    private final DraftProperties.Saga saga;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public CompletionDeadlines(
            DraftOrderStore store, DraftOrderService drafts, DraftProperties properties, Clock clock) {
        this.store = store;
        this.drafts = drafts;
        this.saga = properties.saga();
        this.clock = clock;
    }

    /** Handles every overdue step once; returns how many drafts were moved on. */
    public int handleOverdueSteps() {
        var overdue = store.findCompletingWithStepStartedBefore(clock.instant().minus(saga.stepTimeout()), 200);
        for (String id : overdue) {
            // each overdue saga is handled in a trace of its own: its log lines and the messages sent again share it
            try (var trace = TraceContext.newTrace().activate()) {
                handleOverdueStep(id);
            }
        }
        return overdue.size();
    }

    private void handleOverdueStep(String id) {
        drafts.change(null, id, DraftOrderService.newFlow(), null, (draft, document) -> {
            boolean stillOverdue = draft.completion()
                    .filter(c -> c.stepStartedAt().isBefore(clock.instant().minus(saga.stepTimeout())))
                    .isPresent();
            if (stillOverdue) {
                log.info(
                        "draft {}: completion step {} overdue",
                        id,
                        draft.completion().get().step());
                draft.completionStepOverdue(saga.maxTries(), clock.instant());
            }
            return java.util.Optional.empty();
        });
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "completion-deadlines"));
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        handleOverdueSteps();
                    } catch (RuntimeException e) {
                        log.warn("checking completion deadlines failed: {}", e.toString());
                    }
                },
                saga.checkInterval().toMillis(),
                saga.checkInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
