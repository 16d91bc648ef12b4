package com.draftorders.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What happened to the completions of one run: counts, errors by reason, latencies overall and per phase. */
final class RunStats {

    static final String TIMEOUT = "timeout";

    final String name;
    final Latency latency = new Latency();
    /** From the intended start until the draft's totals were ready. */
    final Latency toReady = new Latency();
    /** From ready until the order was created (lock, authorize, create order). */
    final Latency readyToOrder = new Latency();
    /** From the order's creation until its payment was captured. */
    final Latency orderToCaptured = new Latency();
    /** REST only: request to response of POST /draft-orders and POST .../complete. */
    final Latency httpCreate = new Latency();

    final Latency httpComplete = new Latency();
    final AtomicLong started = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong timedOut = new AtomicLong();
    final AtomicLong succeededInWindow = new AtomicLong();
    final LongAdder httpRetries = new LongAdder();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Runnable onFinish;
    volatile long windowStart;
    volatile long windowEnd = Long.MAX_VALUE;
    volatile long lastSuccessNanos;
    volatile String lastSucceededDraftId;

    RunStats(String name, Runnable onFinish) {
        this.name = name;
        this.onFinish = onFinish;
    }

    long inFlight() {
        return started.get() - succeeded.get() - failed.get() - timedOut.get();
    }

    void finished(Completion c, String error, long now) {
        long elapsed = now - c.intendedNanos;
        if (error == null) {
            latency.recordNanos(elapsed);
            if (c.readyNanos != 0) {
                toReady.recordNanos(c.readyNanos - c.intendedNanos);
                if (c.orderNanos != 0) {
                    readyToOrder.recordNanos(c.orderNanos - c.readyNanos);
                }
            }
            if (c.orderNanos != 0) {
                orderToCaptured.recordNanos(now - c.orderNanos);
            }
            if (now >= windowStart && now <= windowEnd) {
                succeededInWindow.incrementAndGet();
            }
            lastSuccessNanos = Math.max(lastSuccessNanos, now);
            lastSucceededDraftId = c.draftId;
            succeeded.incrementAndGet();
        } else if (error.equals(TIMEOUT)) {
            // A timeout is latency too: recorded at the time it was given up, so percentiles are not flattered.
            latency.recordNanos(elapsed);
            timedOut.incrementAndGet();
        } else {
            errors.computeIfAbsent(error, e -> new LongAdder()).increment();
            failed.incrementAndGet();
        }
        onFinish.run();
    }

    Map<String, Long> errors() {
        Map<String, Long> sorted = new TreeMap<>();
        errors.forEach((reason, count) -> sorted.put(reason, count.sum()));
        return sorted;
    }
}
