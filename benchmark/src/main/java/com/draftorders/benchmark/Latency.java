package com.draftorders.benchmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Latencies in microseconds, recorded from any thread: an HdrHistogram {@link Recorder} whose intervals (one per
 * soak minute) add up to the whole run.
 */
final class Latency {

    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);

    void recordNanos(long nanos) {
        recorder.recordValue(Math.max(0, nanos / 1000));
    }

    /** What was recorded since the last interval (and adds it to the total). */
    synchronized Histogram interval() {
        Histogram interval = recorder.getIntervalHistogram();
        total.add(interval);
        return interval;
    }

    /** Everything recorded so far. */
    synchronized Histogram total() {
        interval();
        return total.copy();
    }

    /**
     * Percentiles of a histogram of microseconds, in milliseconds.
     *
     * @param count values recorded
     */
    record Summary(long count, double p50, double p95, double p99, double p999, double max, double mean) {

        static final Summary EMPTY = new Summary(0, 0, 0, 0, 0, 0, 0);

        static Summary of(Histogram micros) {
            if (micros.getTotalCount() == 0) {
                return EMPTY;
            }
            return new Summary(
                    micros.getTotalCount(),
                    ms(micros.getValueAtPercentile(50)),
                    ms(micros.getValueAtPercentile(95)),
                    ms(micros.getValueAtPercentile(99)),
                    ms(micros.getValueAtPercentile(99.9)),
                    ms(micros.getMaxValue()),
                    Math.round(micros.getMean() / 10.0) / 100.0);
        }

        private static double ms(long micros) {
            return Math.round(micros / 10.0) / 100.0;
        }
    }
}
