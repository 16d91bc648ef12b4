package com.draftorders.benchmark;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives completions: a closed loop (N channels, each starting its next completion when its last one ended), an
 * open loop (a fixed schedule, whatever happens) and a soak (an open loop reported interval by interval).
 */
final class Loads {

    private final Options options;
    private final Tracker tracker;
    private final Traffic traffic;
    private final Resources resources;
    private final String prefix = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final AtomicLong sequence = new AtomicLong();

    Loads(Options options, Tracker tracker, Traffic traffic, Resources resources) {
        this.options = options;
        this.tracker = tracker;
        this.traffic = traffic;
        this.resources = resources;
    }

    /** One soak interval. Latencies in ms, memory in MB, CPU in cores. */
    record Interval(
            int index,
            double endSeconds,
            long completed,
            double completionsPerSecond,
            long failed,
            long timedOut,
            long inFlight,
            Latency.Summary latency,
            Double heapAfterGcMinMb,
            long gcPauseMillis,
            Map<String, Double> cpuCores,
            Map<String, Double> rssMb) {}

    /** Everything measured in one run of completions. */
    record Run(
            String name,
            String mode,
            String via,
            Integer concurrency,
            Integer offeredPerSecond,
            double seconds,
            long started,
            long succeeded,
            long failed,
            long timedOut,
            Map<String, Long> errors,
            long httpRetries,
            double completionsPerSecond,
            Latency.Summary latency,
            Map<String, Latency.Summary> phases,
            Traffic.Report traffic,
            Double messagesPerCompletion,
            Resources.Usage resources,
            List<Interval> intervals,
            Map<String, Object> notes,
            String sampleDraftId) {

        /**
         * Fell behind its schedule: load offering stopped, completions timed out or failed, or the completions still
         * in flight when the schedule ended took more than a quarter of its length (at least 2 s) to finish.
         */
        boolean saturated() {
            return offeredPerSecond != null
                    && (notes.containsKey("aborted")
                            || timedOut > 0
                            || succeeded < started * 0.99
                            || Boolean.TRUE.equals(notes.get("fell_behind")));
        }
    }

    Run closed(String name, Channel channel, int concurrency, Duration duration, boolean analyze) {
        return execute(name, "closed", channel, concurrency, null, duration, null, analyze, null);
    }

    /** A fixed number of completions, {@code concurrency} at a time (the calibration). */
    Run counted(String name, Channel channel, int concurrency, int count) {
        return execute(name, "counted", channel, concurrency, null, null, count, true, null);
    }

    Run open(String name, Channel channel, int rate, Duration duration, boolean analyze) {
        return execute(name, "open", channel, null, rate, duration, null, analyze, null);
    }

    Run soak(String name, Channel channel, int rate, Duration duration, Duration interval) {
        return execute(name, "soak", channel, null, rate, duration, null, false, interval);
    }

    private Run execute(
            String name,
            String mode,
            Channel channel,
            Integer concurrency,
            Integer rate,
            Duration duration,
            Integer count,
            boolean analyze,
            Duration interval) {
        System.out.printf("%s  %s ...%n", now(), name);
        var before = traffic.awaitQuiet(Duration.ofSeconds(2), options.settle);
        Map<String, Object> notes = new LinkedHashMap<>();
        if (interval != null) {
            notes.put("live_heap_before_mb", mb(GcWatcher.liveHeapAfterFullGc()));
        }
        Semaphore permits = new Semaphore(concurrency == null ? 0 : concurrency);
        RunStats stats = new RunStats(name, concurrency == null ? () -> {} : permits::release);
        var window = resources.start();
        long start = System.nanoTime();
        long end = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        stats.windowStart = start;
        stats.windowEnd = end;
        List<Interval> intervals = new ArrayList<>();
        var reporter = interval == null
                ? null
                : Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "bench-soak-reporter");
                    t.setDaemon(true);
                    return t;
                });
        var reporting = reporter == null ? null : new IntervalReporter(stats, start, intervals);
        if (reporter != null) {
            reporter.scheduleAtFixedRate(
                    reporting::report, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
        }
        try {
            if (rate != null) {
                RatePacer pacer = new RatePacer(start, rate);
                long sends = pacer.sendsIn(duration);
                for (long i = 0; i < sends; i++) {
                    begin(stats, channel, pacer.awaitSend(i));
                    if (stats.inFlight() > options.maxInFlight) {
                        String why = String.format(
                                "stopped offering load after %.1f s: %d completions in flight (--max-in-flight)",
                                (System.nanoTime() - start) / 1e9, stats.inFlight());
                        notes.put("aborted", why);
                        System.out.println("  " + why);
                        break;
                    }
                }
            } else {
                while (System.nanoTime() < end && (count == null || stats.started.get() < count)) {
                    if (permits.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                        if (System.nanoTime() >= end) {
                            permits.release();
                            break;
                        }
                        begin(stats, channel, System.nanoTime());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long sendEnd = System.nanoTime();
        var usage = window.stop();
        long drainDeadline = sendEnd + options.drain.toNanos();
        while (stats.inFlight() > 0 && System.nanoTime() < drainDeadline) {
            sleep(20);
        }
        if (reporter != null) {
            reporter.shutdown();
            try {
                reporter.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reporting.reportRemainder();
        }
        tracker.abandon(stats);
        var after = traffic.awaitQuiet(Duration.ofSeconds(1), options.settle);
        if (interval != null) {
            notes.put("live_heap_after_mb", mb(GcWatcher.liveHeapAfterFullGc()));
        }
        var report = traffic.between(before, after, analyze);

        double seconds;
        long counted;
        if (mode.equals("closed")) {
            seconds = (end - start) / 1e9;
            counted = stats.succeededInWindow.get();
        } else if (rate != null) {
            // Open loop: what was offered during the schedule and completed (within the timeout), per second of
            // the schedule. Equal to the offered rate when the system keeps up.
            seconds = (sendEnd - start) / 1e9;
            counted = stats.succeeded.get();
            // Kept up = the backlog at the end of the schedule drained within a quarter of the schedule's length
            // (p99 and timeouts tell the rest).
            double backlogSeconds = Math.max(0, stats.lastSuccessNanos - sendEnd) / 1e9;
            notes.put("drained_after_s", Figures.round(backlogSeconds, 1));
            notes.put("fell_behind", backlogSeconds > Math.max(2.0, seconds / 4));
        } else {
            seconds = (Math.max(sendEnd, stats.lastSuccessNanos) - start) / 1e9;
            counted = stats.succeeded.get();
        }
        Map<String, Latency.Summary> phases = new LinkedHashMap<>();
        phases.put("to_ready", Latency.Summary.of(stats.toReady.total()));
        phases.put("ready_to_order_created", Latency.Summary.of(stats.readyToOrder.total()));
        phases.put("order_created_to_captured", Latency.Summary.of(stats.orderToCaptured.total()));
        if (channel instanceof RestChannel) {
            phases.put("http_create", Latency.Summary.of(stats.httpCreate.total()));
            phases.put("http_complete", Latency.Summary.of(stats.httpComplete.total()));
        }
        long succeeded = stats.succeeded.get();
        var run = new Run(
                name,
                mode,
                channel.name(),
                concurrency,
                rate,
                Figures.round(seconds, 1),
                stats.started.get(),
                succeeded,
                stats.failed.get(),
                stats.timedOut.get(),
                stats.errors(),
                stats.httpRetries.sum(),
                Figures.round(counted / Math.max(seconds, 1e-9), 1),
                Latency.Summary.of(stats.latency.total()),
                phases,
                report,
                succeeded == 0 ? null : Figures.round(report.records() / (double) succeeded, 2),
                usage,
                intervals,
                notes,
                stats.lastSucceededDraftId);
        System.out.printf(
                "%s  %s: %d completed, %.1f/s, p50 %.1f ms, p99 %.1f ms, %d failed, %d timed out%n",
                now(),
                name,
                succeeded,
                run.completionsPerSecond(),
                run.latency().p50(),
                run.latency().p99(),
                run.failed(),
                run.timedOut());
        return run;
    }

    private void begin(RunStats stats, Channel channel, long intendedNanos) {
        var completion = new Completion(prefix + sequence.incrementAndGet(), intendedNanos, stats, channel);
        stats.started.incrementAndGet();
        tracker.register(completion);
        channel.begin(completion);
    }

    /** Prints and records one soak interval at a time. */
    private final class IntervalReporter {
        private final RunStats stats;
        private final long start;
        private final List<Interval> intervals;
        private long previousEnd;
        private long previousSucceeded;
        private long previousFailed;
        private long previousTimedOut;
        private Resources.Window window;

        IntervalReporter(RunStats stats, long start, List<Interval> intervals) {
            this.stats = stats;
            this.start = start;
            this.intervals = intervals;
            this.previousEnd = start;
            this.window = resources.start();
            if (intervals.isEmpty()) {
                System.out.printf(
                        "  %-4s %8s %8s %8s %8s %8s %8s %6s %6s %9s %7s %8s%n",
                        "int",
                        "end s",
                        "done/s",
                        "p50 ms",
                        "p95 ms",
                        "p99 ms",
                        "max ms",
                        "fail",
                        "t/o",
                        "heapGC MB",
                        "cpu",
                        "kafkaRSS");
            }
        }

        synchronized void report() {
            try {
                long now = System.nanoTime();
                long succeeded = stats.succeeded.get();
                long failed = stats.failed.get();
                long timedOut = stats.timedOut.get();
                var usage = window.stop(false);
                window = resources.start();
                var gc = GcWatcher.get().since(previousEnd);
                var interval = new Interval(
                        intervals.size() + 1,
                        Figures.round((now - start) / 1e9, 1),
                        succeeded - previousSucceeded,
                        Figures.round(Figures.perSecond(succeeded - previousSucceeded, now - previousEnd), 1),
                        failed - previousFailed,
                        timedOut - previousTimedOut,
                        stats.inFlight(),
                        Latency.Summary.of(stats.latency.interval()),
                        gc.minAfterGc() < 0 ? null : mb(gc.minAfterGc()),
                        gc.pauseMillis(),
                        cpu(usage),
                        rss(usage));
                intervals.add(interval);
                previousEnd = now;
                previousSucceeded = succeeded;
                previousFailed = failed;
                previousTimedOut = timedOut;
                System.out.printf(
                        "  %-4d %8.0f %8.1f %8.1f %8.1f %8.1f %8.1f %6d %6d %9s %7s %8s%n",
                        interval.index(),
                        interval.endSeconds(),
                        interval.completionsPerSecond(),
                        interval.latency().p50(),
                        interval.latency().p95(),
                        interval.latency().p99(),
                        interval.latency().max(),
                        interval.failed(),
                        interval.timedOut(),
                        interval.heapAfterGcMinMb() == null
                                ? "-"
                                : interval.heapAfterGcMinMb().toString(),
                        interval.cpuCores().getOrDefault("stack-jvm", 0.0),
                        interval.rssMb().getOrDefault("kafka", 0.0));
            } catch (RuntimeException e) {
                System.err.println("soak report failed: " + e);
            }
        }

        /** After the schedule, the completions still arriving make a last, partial interval. */
        synchronized void reportRemainder() {
            if (stats.succeeded.get() + stats.failed.get() + stats.timedOut.get()
                    > previousSucceeded + previousFailed + previousTimedOut) {
                report();
            }
        }

        private Map<String, Double> cpu(Resources.Usage usage) {
            Map<String, Double> cpu = new LinkedHashMap<>();
            usage.processes().forEach(p -> cpu.put(p.name(), p.cpuCores()));
            return cpu;
        }

        private Map<String, Double> rss(Resources.Usage usage) {
            Map<String, Double> rss = new LinkedHashMap<>();
            usage.processes().forEach(p -> rss.put(p.name(), p.rssMb()));
            return rss;
        }
    }

    static Double mb(long bytes) {
        return Figures.round(bytes / 1048576.0, 1);
    }

    static String now() {
        return LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
