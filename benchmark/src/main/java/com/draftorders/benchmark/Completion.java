package com.draftorders.benchmark;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One draft on its way from creation to a captured order. Its reference is the benchmark's correlation key: it is
 * the draft's note (and, over Kafka, its external reference), which the saga copies into the order, so the
 * tracker recognizes the draft's and the order's events without asking any service.
 */
final class Completion {

    final String ref;
    /** When the completion was meant to start (open loop: its slot in the schedule), System.nanoTime. */
    final long intendedNanos;

    final RunStats run;
    final Channel channel;

    volatile String draftId;
    volatile String orderId;
    volatile long readyNanos;
    volatile long orderNanos;
    final AtomicBoolean completeRequested = new AtomicBoolean();
    final AtomicBoolean finished = new AtomicBoolean();

    Completion(String ref, long intendedNanos, RunStats run, Channel channel) {
        this.ref = ref;
        this.intendedNanos = intendedNanos;
        this.run = run;
        this.channel = channel;
    }
}
