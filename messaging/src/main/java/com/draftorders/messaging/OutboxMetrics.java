package com.draftorders.messaging;

import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Projections.include;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox backlog per relayed collection, as gauges: how many messages wait to be sent
 * ({@value #PENDING}) and how long the oldest of them has waited ({@value #OLDEST_AGE}, seconds; 0 when none
 * waits). Both come from one query per collection for documents with a non-empty outbox, run when metrics are read
 * and at most once per {@link #refreshInterval} (the embedded MongoDB scans the whole collection for it).
 */
public class OutboxMetrics implements MeterBinder {

    public static final String PENDING = "draftorders.outbox.pending";
    public static final String OLDEST_AGE = "draftorders.outbox.oldest.age";
    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

    private final MongoTemplate mongo;
    private final List<String> collections;
    private final Clock clock;
    private final Duration refreshInterval;
    private final Map<String, Backlog> backlogs = new HashMap<>();
    private Instant refreshedAt = Instant.MIN;

    /** The pending messages of one collection and when the oldest of them was created (null: none). */
    public record Backlog(long pending, Instant oldestCreatedAt) {}

    public OutboxMetrics(MongoTemplate mongo, List<String> collections, Clock clock, Duration refreshInterval) {
        this.mongo = mongo;
        this.collections = List.copyOf(collections);
        this.clock = clock;
        this.refreshInterval = refreshInterval;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String collection : collections) {
            Gauge.builder(PENDING, () -> backlog(collection).pending())
                    .description("Messages written to the outbox and not yet sent")
                    .tag("collection", collection)
                    .register(registry);
            Gauge.builder(OLDEST_AGE, () -> oldestAgeSeconds(collection))
                    .description("Age of the oldest message waiting in the outbox (0 when none waits)")
                    .tag("collection", collection)
                    .baseUnit("seconds")
                    .register(registry);
        }
    }

    /** The backlog of {@code collection}, at most {@link #refreshInterval} old. */
    public synchronized Backlog backlog(String collection) {
        Instant now = clock.instant();
        if (refreshedAt.isBefore(now.minus(refreshInterval))) {
            for (String c : collections) {
                try {
                    backlogs.put(c, measure(c));
                } catch (RuntimeException e) {
                    log.debug("measuring the outbox of {} failed: {}", c, e.toString());
                }
            }
            refreshedAt = now;
        }
        return backlogs.getOrDefault(collection, new Backlog(0, null));
    }

    private double oldestAgeSeconds(String collection) {
        Instant oldest = backlog(collection).oldestCreatedAt();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private Backlog measure(String collection) {
        long pending = 0;
        Instant oldest = null;
        for (Document document : mongo.getCollection(collection)
                .find(exists(OutboxRelay.OUTBOX_FIELD + ".0"))
                .projection(include(OutboxRelay.OUTBOX_FIELD + ".at"))) {
            for (Document message : document.getList(OutboxRelay.OUTBOX_FIELD, Document.class, List.of())) {
                pending++;
                Date createdAt = message.getDate("at");
                if (createdAt != null
                        && (oldest == null || createdAt.toInstant().isBefore(oldest))) {
                    oldest = createdAt.toInstant();
                }
            }
        }
        return new Backlog(pending, oldest);
    }
}
