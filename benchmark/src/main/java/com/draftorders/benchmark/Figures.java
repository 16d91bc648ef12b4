package com.draftorders.benchmark;

/** The arithmetic of the report. */
final class Figures {

    private Figures() {}

    /**
     * How close the completions come to what the broker could carry: completion throughput divided by the
     * completions the ceiling's message throughput would allow if every completion cost {@code messagesPerCompletion}
     * messages and nothing else. 1.0 means the services add no cost beyond moving their messages.
     */
    static double ratioToCeiling(
            double completionsPerSecond, double ceilingMessagesPerSecond, double messagesPerCompletion) {
        if (ceilingMessagesPerSecond <= 0 || messagesPerCompletion <= 0) {
            return Double.NaN;
        }
        return completionsPerSecond / (ceilingMessagesPerSecond / messagesPerCompletion);
    }

    /** Events per second over a window, 0 for an empty window. */
    static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1_000_000_000.0 / nanos;
    }

    static double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
