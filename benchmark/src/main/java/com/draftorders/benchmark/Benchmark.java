package com.draftorders.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark command: measures the broker's ceiling, then completes drafts end to end over Kafka and REST in a
 * closed loop, an open loop and a soak, and prints (and writes as JSON) completions per second, latency
 * percentiles, errors, the ratio to the ceiling, and CPU and memory per process. See {@link Options#USAGE}.
 */
public final class Benchmark {

    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Benchmark() {}

    public static void main(String[] args) {
        // Our logging configuration, not the stack module's (both jars carry a logback.xml).
        System.setProperty("logback.configurationFile", "benchmark-logback.xml");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        GcWatcher.get();
        String startedAt = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        System.out.println("Draft-orders benchmark " + String.join(" ", args));
        Map<String, Object> machine = machine();
        System.out.println("Machine: " + machine);
        long t0 = System.nanoTime();
        Target target;
        if (options.external()) {
            target = Target.connect(options);
        } else {
            System.out.println("Starting an embedded stack on free ports ...");
            target = Target.startEmbedded(options);
        }
        System.out.printf("%s (ready in %.1f s)%n", target.describe(), (System.nanoTime() - t0) / 1e9);
        int status = 0;
        try {
            Results results = run(options, target, startedAt, machine, List.of(args));
            Files.writeString(options.out, JSON.writeValueAsString(results));
            new Report(System.out).print(results);
            System.out.println("Figures written to " + options.out.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            e.printStackTrace();
            status = 1;
        } finally {
            target.close();
        }
        System.exit(status);
    }

    static Results run(
            Options options, Target target, String startedAt, Map<String, Object> machine, List<String> arguments) {
        Resources resources = new Resources(target.processes);
        Ceiling.Result ceiling = null;
        List<Results.Calibration> calibration = new ArrayList<>();
        List<Loads.Run> runs = new ArrayList<>();
        Map<String, Object> spotCheck = null;
        Set<String> vias = new LinkedHashSet<>();
        if (options.modes.contains("closed") || options.modes.contains("open")) {
            vias.addAll(options.via);
        }
        if (options.modes.contains("soak")) {
            vias.add(options.soakVia);
        }
        Map<String, Double> messagesPerCompletion = new LinkedHashMap<>();
        double meanBytes = 0;
        try (var tracker = new Tracker(target, options.timeout);
                var traffic = new Traffic(target)) {
            Map<String, Channel> channels = new LinkedHashMap<>();
            for (String via : vias) {
                channels.put(
                        via,
                        via.equals("kafka")
                                ? new KafkaChannel(target, tracker, options.store)
                                : new RestChannel(target, tracker, options.store));
            }
            Loads loads = new Loads(options, tracker, traffic, resources);
            try {
                int warmupConcurrency = options.concurrency.get(0);
                for (Channel channel : channels.values()) {
                    if (!options.warmup.isZero()) {
                        loads.closed(
                                "warm-up " + channel.name(),
                                channel,
                                warmupConcurrency,
                                options.warmup.dividedBy(channels.size()),
                                false);
                    }
                }
                for (Channel channel : channels.values()) {
                    if (options.calibrate > 0) {
                        var run = loads.counted(
                                "calibration " + channel.name(),
                                channel,
                                Math.min(10, options.calibrate),
                                options.calibrate);
                        var t = run.traffic();
                        double perCompletion = run.succeeded() == 0 ? 0 : t.records() / (double) run.succeeded();
                        messagesPerCompletion.put(channel.name(), Figures.round(perCompletion, 2));
                        calibration.add(new Results.Calibration(
                                channel.name(),
                                run.succeeded(),
                                t.records(),
                                Figures.round(perCompletion, 2),
                                t.recordsByTopic(),
                                t.meanValueBytes(),
                                t.hops()));
                        if (meanBytes == 0) {
                            meanBytes = t.meanValueBytes();
                        }
                    }
                }
                if (options.modes.contains("ceiling")) {
                    int size = options.ceilingSize != null
                            ? options.ceilingSize
                            : meanBytes > 0 ? (int) Math.round(meanBytes) : 700;
                    double perCompletion =
                            messagesPerCompletion.values().stream().findFirst().orElse(12.0);
                    int rate = options.ceilingRate != null
                            ? options.ceilingRate
                            : (int) Math.round(500 * (perCompletion > 0 ? perCompletion : 12.0));
                    System.out.printf(
                            "%s  ceiling: %d-byte messages, max then paced %d/s, %d s each ...%n",
                            Loads.now(), size, rate, options.ceilingDuration.toSeconds());
                    ceiling = new Ceiling(target, resources)
                            .run(options.ceilingDuration, options.ceilingWindow, rate, size);
                    System.out.printf("%s  ceiling: %.0f msgs/s%n", Loads.now(), ceiling.maxMessagesPerSecond());
                }
                if (options.modes.contains("closed")) {
                    for (String via : options.via) {
                        for (int concurrency : options.concurrency) {
                            runs.add(loads.closed(
                                    "closed " + via + " c=" + concurrency,
                                    channels.get(via),
                                    concurrency,
                                    options.closedDuration,
                                    options.hops));
                        }
                    }
                }
                if (options.modes.contains("open")) {
                    for (String via : options.via) {
                        for (int rate : options.rates) {
                            var run = loads.open(
                                    "open " + via + " " + rate + "/s",
                                    channels.get(via),
                                    rate,
                                    options.openDuration,
                                    options.hops);
                            runs.add(run);
                            if (options.stopWhenSaturated && run.saturated()) {
                                System.out.println("  " + via + " fell behind at " + rate
                                        + "/s: higher rates skipped (--stop-when-saturated=false runs them)");
                                break;
                            }
                        }
                    }
                }
                if (options.modes.contains("soak")) {
                    runs.add(loads.soak(
                            "soak " + options.soakVia + " " + options.soakRate + "/s " + human(options.soakDuration),
                            channels.get(options.soakVia),
                            options.soakRate,
                            options.soakDuration,
                            options.soakInterval));
                }
                spotCheck = spotCheck(target, options, runs);
            } finally {
                channels.values().forEach(Channel::close);
            }
        }
        List<Results.Row> rows = new ArrayList<>();
        for (Loads.Run run : runs) {
            rows.add(row(run, ceiling, messagesPerCompletion.get(run.via())));
        }
        return new Results(
                startedAt, machine, target.describe(), arguments, ceiling, calibration, rows, runs, spotCheck);
    }

    static Results.Row row(Loads.Run run, Ceiling.Result ceiling, Double messagesPerCompletion) {
        Double ratio = ceiling == null || messagesPerCompletion == null
                ? null
                : Figures.round(
                        Figures.ratioToCeiling(
                                run.completionsPerSecond(), ceiling.maxMessagesPerSecond(), messagesPerCompletion),
                        4);
        var jvm = run.resources().process("stack-jvm");
        var kafka = run.resources().process("kafka");
        var registry = run.resources().process("registry");
        return new Results.Row(
                run.name(),
                run.mode(),
                run.via(),
                run.concurrency() != null ? "c=" + run.concurrency() : run.offeredPerSecond() + "/s",
                run.completionsPerSecond(),
                run.latency().p50(),
                run.latency().p95(),
                run.latency().p99(),
                run.latency().max(),
                run.succeeded(),
                run.failed(),
                run.timedOut(),
                messagesPerCompletion,
                ratio == null || ratio.isNaN() ? null : ratio,
                jvm.cpuCores(),
                kafka == null ? null : kafka.cpuCores(),
                registry == null ? null : registry.cpuCores(),
                run.resources().otherCores(),
                run.resources().loadAverage(),
                jvm.heapUsedMb(),
                jvm.heapAfterGcMb(),
                kafka == null ? null : kafka.rssMb());
    }

    /** Reads one completed draft's order over REST: it must exist and be captured. */
    static Map<String, Object> spotCheck(Target target, Options options, List<Loads.Run> runs) {
        if (target.orderUrl == null) {
            return null;
        }
        String draftId = runs.stream()
                .map(Loads.Run::sampleDraftId)
                .filter(id -> id != null)
                .reduce((a, b) -> b)
                .orElse(null);
        if (draftId == null) {
            return null;
        }
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("draft_order_id", draftId);
        try {
            var request = HttpRequest.newBuilder(URI.create(target.orderUrl + "/orders?draft_order_id=" + draftId))
                    .timeout(Duration.ofSeconds(10));
            String token = target.bearerToken(options.store);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            var response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode orders = JSON.readTree(response.body()).path("orders");
            check.put("orders", orders.size());
            if (orders.size() > 0) {
                check.put("order_id", orders.get(0).path("id").asString());
                check.put("payment_status", orders.get(0).path("payment_status").asString());
            }
        } catch (IOException | RuntimeException e) {
            check.put("error", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return check;
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    /** {@code git describe --always --dirty} of the working directory, null outside a repository. */
    static String revision() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("cpu", cpuModel());
        machine.put("memory_gb", Figures.round(os.getTotalMemorySize() / 1073741824.0, 1));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("jvm_max_heap_mb", Figures.round(Runtime.getRuntime().maxMemory() / 1048576.0, 0));
        machine.put(
                "gc",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(gc -> gc.getName())
                        .toList());
        machine.put("jvm_args", ManagementFactory.getRuntimeMXBean().getInputArguments());
        machine.put("load_average", Figures.round(os.getSystemLoadAverage(), 2));
        machine.put("revision", revision());
        return machine;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.toLowerCase(Locale.ROOT).startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
