package com.draftorders.draft.application;

import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.domain.DraftOrder;
import com.draftorders.draft.domain.DraftOrderStatus;
import com.draftorders.draft.persistence.DraftQueries;
import com.draftorders.draft.persistence.Drafts;
import com.draftorders.messaging.TraceContext;
import com.draftorders.messaging.work.UnitOfWork;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps completion sagas moving: drafts whose current step has waited longer than the step timeout get the step
 * sent again, and after the last try are compensated.
 *
 * <p>The completions in flight are known in memory, so the check every {@code checkInterval} costs nothing that grows
 * with the data: every draft this instance writes is noted here once the write is durable (its step and when it
 * started, or that it no longer completes). What this instance cannot have seen — sagas in flight before a restart,
 * or started by another instance that then stopped — is found by a query of the store for completing drafts, at
 * start and every {@code rescanInterval}. The saga state lives in the draft, so a restarted service picks up every
 * saga it had in flight. Safe with several instances: the unit of work's version check lets one of them win, and
 * each decides again on the fresh draft whether the step is still overdue.
 */
@Component
public class CompletionDeadlines implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CompletionDeadlines.class);

    private final DraftQueries queries;
    private final DraftOrderService drafts;
    private final DraftProperties.Saga saga;
    private final Clock clock;
    /** Draft id to when its current step's command was (last) sent, for every completion in flight known here. */
    private final Map<String, Instant> inFlight = new ConcurrentHashMap<>();

    private ScheduledExecutorService scheduler;
    private volatile Instant rescannedAt = Instant.MIN;

    public CompletionDeadlines(
            DraftQueries queries,
            DraftOrderService drafts,
            UnitOfWork work,
            Drafts draftType,
            DraftProperties properties,
            Clock clock) {
        this.queries = queries;
        this.drafts = drafts;
        this.saga = properties.saga();
        this.clock = clock;
        work.onWritten(written -> {
            if (written.type() == draftType) {
                note((DraftOrder) written.aggregate());
            }
        });
    }

    /** Notes where a draft's completion stands after a durable write. */
    void note(DraftOrder draft) {
        Optional<Instant> stepStarted = draft.status() == DraftOrderStatus.COMPLETING
                ? draft.completion().map(c -> c.stepStartedAt())
                : Optional.empty();
        if (stepStarted.isPresent()) {
            inFlight.put(draft.id(), stepStarted.get());
        } else {
            inFlight.remove(draft.id());
        }
    }

    /** How many completions in flight this instance knows of. */
    public int inFlight() {
        return inFlight.size();
    }

    /** Reads every completing draft from the store (at start, and now and then for other instances' leftovers). */
    public int rescan() {
        List<DraftOrder> completing = queries.completing();
        completing.forEach(this::note);
        rescannedAt = clock.instant();
        return completing.size();
    }

    /** Handles every overdue step once; returns how many drafts were moved on. */
    public int handleOverdueSteps() {
        if (rescannedAt.isBefore(clock.instant().minus(saga.rescanInterval()))) {
            rescan();
        }
        Instant overdueBefore = clock.instant().minus(saga.stepTimeout());
        List<String> overdue = new ArrayList<>();
        inFlight.forEach((id, started) -> {
            if (started.isBefore(overdueBefore)) {
                overdue.add(id);
            }
        });
        for (String id : overdue) {
            // each overdue saga is handled in a trace of its own: its log lines and the messages sent again share it
            try (var trace = TraceContext.newTrace().activate()) {
                handleOverdueStep(id);
            }
        }
        return overdue.size();
    }

    private void handleOverdueStep(String id) {
        Optional<DraftOrderService.Outcome> outcome = drafts.change(null, id, DraftOrderService.newFlow(), draft -> {
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
            return Optional.empty();
        });
        if (outcome.isEmpty()) {
            inFlight.remove(id);
        } else if (!outcome.get().changed()) {
            // nothing written (the saga moved on elsewhere, or is not overdue any more): note it as it is now
            note(outcome.get().draft());
        }
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
                0,
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
