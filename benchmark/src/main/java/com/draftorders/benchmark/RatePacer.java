package com.draftorders.benchmark;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The schedule of an open loop: the i-th send is due at {@code start + i / rate}. Latency is measured from that
 * intended time, not from when the send actually happened, so a stall of the system (or of the benchmark) shows up
 * as latency of every send it delayed instead of silently lowering the offered rate (coordinated omission).
 */
final class RatePacer {

    private final long startNanos;
    private final double perSecond;

    RatePacer(long startNanos, double perSecond) {
        if (perSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive");
        }
        this.startNanos = startNanos;
        this.perSecond = perSecond;
    }

    /** When the {@code i}-th send (from 0) is due. */
    long intendedNanos(long i) {
        return startNanos + Math.round(i * 1_000_000_000.0 / perSecond);
    }

    /** How many sends fall in {@code duration}. */
    long sendsIn(Duration duration) {
        return (long) Math.floor(duration.toNanos() / 1_000_000_000.0 * perSecond);
    }

    /** Waits until the {@code i}-th send is due; returns at once if it is already late. Returns its due time. */
    long awaitSend(long i) {
        long due = intendedNanos(i);
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
        return due;
    }
}
