package com.draftorders.benchmark;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The readable tables. */
final class Report {

    private final PrintStream out;

    Report(PrintStream out) {
        this.out = out;
    }

    void print(Results results) {
        out.println();
        out.println("=".repeat(100));
        out.println("Draft-orders benchmark, " + results.startedAt());
        out.println("Machine: " + results.machine());
        out.println("Target:  " + results.target());
        if (results.ceiling() != null) {
            ceiling(results.ceiling());
        }
        if (!results.calibration().isEmpty()) {
            calibration(results.calibration());
        }
        if (!results.summary().isEmpty()) {
            summary(results.summary());
            phases(results.runs());
            resources(results.runs());
            threads(results.runs());
            hops(results.runs(), results.calibration());
            soak(results.runs());
        }
        if (results.spotCheck() != null) {
            out.println();
            out.println("Spot check over REST: " + results.spotCheck());
        }
        out.println("=".repeat(100));
    }

    private void ceiling(Ceiling.Result ceiling) {
        out.println();
        out.printf(
                "Ceiling: produce -> consume of %d-byte Avro envelopes (MessageCodec) on %s; 1 producer (acks=all,"
                        + " idempotent, linger 1 ms), 1 consumer; max phases keep %d messages in flight%n",
                ceiling.messageBytes(), ceiling.topic(), ceiling.window());
        out.printf(
                "  %-20s %10s %9s %9s %9s %9s %9s %9s %8s %8s%n",
                "phase", "msgs/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "enc us", "dec us", "clt cpu", "kfk cpu");
        for (Ceiling.Phase phase : ceiling.phases()) {
            out.printf(
                    "  %-20s %10.0f %9.2f %9.2f %9.2f %9.2f %9s %9s %8s %8s%n",
                    phase.name(),
                    phase.messagesPerSecond(),
                    phase.latency().p50(),
                    phase.latency().p95(),
                    phase.latency().p99(),
                    phase.latency().max(),
                    fmt(phase.encodeMicros(), 0),
                    fmt(phase.decodeMicros(), 0),
                    cpu(phase.resources(), "benchmark-clients"),
                    cpu(phase.resources(), "kafka"));
        }
        out.println("  clt cpu = the benchmark's own producer and consumer (threads of this JVM)");
        out.println("  raw: pre-encoded bytes, not decoded (the ceiling of the ratio); codec: encoded and decoded"
                + " per message through the registry serdes");
    }

    private void calibration(List<Results.Calibration> calibration) {
        out.println();
        out.println("Messages per completion (records on all topics, counted around an isolated batch):");
        for (Results.Calibration c : calibration) {
            out.printf(
                    "  %-6s %5.2f records/completion (%d completions, %d records, mean %.0f bytes) %s%n",
                    c.via(),
                    c.messagesPerCompletion(),
                    c.completions(),
                    c.records(),
                    c.meanValueBytes(),
                    c.recordsByTopic());
        }
    }

    private void summary(List<Results.Row> rows) {
        out.println();
        out.println("Completions (create -> ready -> complete -> OrderCreated -> OrderPaymentCaptured observed):");
        out.printf(
                "  %-7s %-6s %-8s %9s %8s %8s %8s %9s %8s %6s %6s %7s %7s %6s %6s %6s %8s %6s %5s%n",
                "mode",
                "via",
                "load",
                "compl/s",
                "p50 ms",
                "p95 ms",
                "p99 ms",
                "max ms",
                "ok",
                "err",
                "t/o",
                "msg/c",
                "ratio",
                "cpuJVM",
                "cpuKfk",
                "cpuReg",
                "cpu ms/c",
                "other",
                "load");
        for (Results.Row r : rows) {
            out.printf(
                    "  %-7s %-6s %-8s %9.1f %8.1f %8.1f %8.1f %9.1f %8d %6d %6d %7s %7s %6s %6s %6s %8s %6s %5.1f%n",
                    r.mode(),
                    r.via(),
                    r.load(),
                    r.completionsPerSecond(),
                    r.p50(),
                    r.p95(),
                    r.p99(),
                    r.max(),
                    r.succeeded(),
                    r.failed(),
                    r.timedOut(),
                    fmt(r.messagesPerCompletion(), 1),
                    fmt(r.ratioToCeiling(), 3),
                    fmt(r.stackCpuCores(), 2),
                    fmt(r.kafkaCpuCores(), 2),
                    fmt(r.registryCpuCores(), 2),
                    fmt(r.cpuMillisPerCompletion(), 2),
                    fmt(r.otherCores(), 2),
                    r.loadAverage());
        }
        out.println("  ratio = completions/s / (ceiling msgs/s / messages per completion); cpu in cores of "
                + Resources.CORES + " (cpuJVM: the stack's threads of this JVM, GC and JIT included, the benchmark's"
                + " own client threads not); cpu ms/c = CPU ms per completion summed over the stack's processes (JVM,"
                + " broker, registry); other = cores busy in processes outside the stack (other work on the"
                + " machine); load = 1-min load average");
        rows.stream()
                .filter(r -> r.failed() > 0)
                .forEach(r -> out.println("  errors in " + r.run() + ": see the JSON file"));
    }

    private void phases(List<Loads.Run> runs) {
        out.println();
        out.println("Where a completion's time goes (p50 / p99 ms):");
        out.printf(
                "  %-28s %15s %15s %15s %15s %15s%n",
                "run", "to ready", "ready->order", "order->capture", "http create", "http complete");
        for (Loads.Run run : runs) {
            if (run.mode().equals("counted")) {
                continue;
            }
            var p = run.phases();
            out.printf(
                    "  %-28s %15s %15s %15s %15s %15s%n",
                    run.name(),
                    pair(p.get("to_ready")),
                    pair(p.get("ready_to_order_created")),
                    pair(p.get("order_created_to_captured")),
                    pair(p.get("http_create")),
                    pair(p.get("http_complete")));
        }
    }

    private void resources(List<Loads.Run> runs) {
        out.println();
        out.println("Processes while sending (CPU in cores of " + Resources.CORES
                + "; heap/RSS in MB; heap after GC = lowest after a collection):");
        out.printf(
                "  %-28s %8s %9s %10s %8s %8s %8s %9s %8s %8s%n",
                "run",
                "JVM cpu",
                "JVM heap",
                "heap>GC",
                "JVM rss",
                "GC ms",
                "kfk cpu",
                "kfk heap",
                "kfk rss",
                "reg cpu");
        for (Loads.Run run : runs) {
            if (run.mode().equals("counted")) {
                continue;
            }
            var jvm = run.resources().process("stack-jvm");
            var kafka = run.resources().process("kafka");
            var registry = run.resources().process("registry");
            out.printf(
                    "  %-28s %8s %9s %10s %8s %8s %8s %9s %8s %8s%n",
                    run.name(),
                    jvm.cpuCores(),
                    fmt(jvm.heapUsedMb(), 0),
                    fmt(jvm.heapAfterGcMb(), 0),
                    fmt(jvm.rssMb(), 0),
                    jvm.gcPauseMillis(),
                    kafka == null ? "-" : kafka.cpuCores(),
                    kafka == null ? "-" : fmt(kafka.heapUsedMb(), 0),
                    kafka == null ? "-" : fmt(kafka.rssMb(), 0),
                    registry == null ? "-" : registry.cpuCores());
        }
    }

    private void threads(List<Loads.Run> runs) {
        Loads.Run busiest = runs.stream()
                .filter(r -> !r.mode().equals("counted"))
                .max((a, b) -> Double.compare(a.completionsPerSecond(), b.completionsPerSecond()))
                .orElse(null);
        if (busiest == null) {
            return;
        }
        out.println();
        out.println("Busiest threads of this JVM during " + busiest.name() + " (cores; digits folded to #;"
                + " [jvm] = GC and JIT threads, counted per name group):");
        for (Resources.ThreadUsage t : busiest.resources().topThreads()) {
            out.printf("  %6.2f  %3d x %s%n", t.cpuCores(), t.count(), t.threads());
        }
    }

    private void hops(List<Loads.Run> runs, List<Results.Calibration> calibration) {
        List<Loads.Run> analyzed = runs.stream()
                .filter(r -> !r.mode().equals("counted") && !r.traffic().hops().isEmpty())
                .toList();
        for (Loads.Run run : analyzed) {
            out.println();
            out.println(
                    "Hops during " + run.name() + " (ms; pickup = cause sent -> effect built, relay = built -> sent):");
            hopTable(run.traffic().hops());
        }
        if (analyzed.isEmpty()) {
            for (Results.Calibration c : calibration) {
                out.println();
                out.println("Hops during the " + c.via() + " calibration (ms):");
                hopTable(c.hops());
            }
        }
    }

    private void hopTable(List<Traffic.Hop> hops) {
        out.printf(
                "  %-52s %7s %13s %13s %13s %7s%n",
                "cause -> effect", "count", "pickup 50/99", "relay 50/99", "total 50/99", "mean");
        for (Traffic.Hop hop : hops.stream().limit(14).toList()) {
            out.printf(
                    "  %-52s %7d %13s %13s %13s %7.1f%n",
                    hop.hop(),
                    hop.count(),
                    (long) hop.pickupP50() + " / " + (long) hop.pickupP99(),
                    (long) hop.relayP50() + " / " + (long) hop.relayP99(),
                    (long) hop.totalP50() + " / " + (long) hop.totalP99(),
                    hop.totalMean());
        }
    }

    private void soak(List<Loads.Run> runs) {
        for (Loads.Run run : runs) {
            if (run.intervals().isEmpty()) {
                continue;
            }
            out.println();
            out.println("Soak " + run.name() + " per interval " + run.notes() + ":");
            out.printf(
                    "  %-4s %7s %8s %8s %8s %8s %8s %6s %6s %10s %8s %8s %8s%n",
                    "#",
                    "end s",
                    "done/s",
                    "p50 ms",
                    "p95 ms",
                    "p99 ms",
                    "max ms",
                    "fail",
                    "t/o",
                    "heap>GC MB",
                    "JVM cpu",
                    "JVM rss",
                    "kfk rss");
            for (Loads.Interval i : run.intervals()) {
                out.printf(
                        "  %-4d %7.0f %8.1f %8.1f %8.1f %8.1f %8.1f %6d %6d %10s %8s %8s %8s%n",
                        i.index(),
                        i.endSeconds(),
                        i.completionsPerSecond(),
                        i.latency().p50(),
                        i.latency().p95(),
                        i.latency().p99(),
                        i.latency().max(),
                        i.failed(),
                        i.timedOut(),
                        fmt(i.heapAfterGcMinMb(), 0),
                        i.cpuCores().get("stack-jvm"),
                        fmt(i.rssMb().get("stack-jvm"), 0),
                        fmt(i.rssMb().get("kafka"), 0));
            }
        }
    }

    private static String cpu(Resources.Usage usage, String process) {
        var p = usage == null ? null : usage.process(process);
        return p == null ? "-" : String.valueOf(p.cpuCores());
    }

    private static String pair(Latency.Summary s) {
        return s == null || s.count() == 0 ? "-" : String.format(Locale.ROOT, "%.1f / %.1f", s.p50(), s.p99());
    }

    static String fmt(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
