package com.draftorders.draft.application;

import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.persistence.IdempotencyKeys;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Forgets {@code Idempotency-Key}s older than the retention, periodically (no TTL index: the embedded MongoDB server
 * has none, and a sweep is explicit). Safe with several instances: removing twice removes nothing more.
 */
@Component
public class IdempotencyKeyCleanup implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final IdempotencyKeys keys;
    private final DraftProperties.Idempotency settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public IdempotencyKeyCleanup(IdempotencyKeys keys, DraftProperties properties, Clock clock) {
        this.keys = keys;
        this.settings = properties.idempotency();
        this.clock = clock;
    }

    /** Removes the keys past their retention; returns how many. */
    public long forgetExpiredKeys() {
        return keys.forgetOlderThan(clock.instant().minus(settings.retention()));
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "idempotency-key-cleanup"));
        long interval = settings.cleanupInterval().toMillis();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        long forgotten = forgetExpiredKeys();
                        if (forgotten > 0) {
                            log.info("forgot {} expired idempotency key(s)", forgotten);
                        }
                    } catch (RuntimeException e) {
                        log.warn("removing expired idempotency keys failed: {}", e.toString());
                    }
                },
                interval,
                interval,
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
