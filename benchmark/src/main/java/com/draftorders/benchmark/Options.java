package com.draftorders.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The command line of the benchmark: {@code --key=value} options, every one with a default. */
final class Options {

    static final String USAGE = """
            java -jar benchmark/target/benchmark.jar [options]

            What to run
              --modes=ceiling,closed,open       any of ceiling, closed, open, soak (default ceiling,closed,open)
              --via=kafka,rest                  how completions are requested: Kafka requests and/or REST
              --warmup=10s                      closed-loop warm-up before measuring (per via), not reported
              --calibrate=100                   completions counted to find the messages per completion
            Ceiling (raw Avro produce -> consume through the same broker)
              --ceiling-duration=10s            length of each ceiling phase
              --ceiling-window=5000             messages in flight in the max-throughput phase
              --ceiling-rate=auto               messages/s of the paced latency phase (auto: 500 completions/s worth)
              --ceiling-size=auto               message bytes (auto: mean size of a completion's messages)
            Closed loop
              --closed-duration=30s             measured time
              --concurrency=64                  concurrent channels; a list runs one step per value
            Open loop
              --open-duration=20s               measured time per rate
              --rates=100,250,500,1000          offered completions/s, one step per rate
              --stop-when-saturated=true        skip higher rates once one falls behind (saves the drain)
            Soak
              --soak-duration=10m --soak-rate=300 --soak-interval=60s --soak-via=kafka
            Every run
              --timeout=30s                     a completion not captured by then counts as a timeout
              --drain=30s                       wait for completions in flight after sending stops
              --hops=true                       read the run's records afterwards: per-hop latency, sizes
              --max-in-flight=2000              an open loop that falls this far behind stops offering load
              --settle=3m                       before each run, wait (at most this long) for the system to go quiet
              --out=benchmark-results.json      the figures as JSON
            Target: an embedded stack on free ports (default), or a running stack
              --kafka=HOST:PORT --registry=URL --draft-url=URL --order-url=URL
              --watch-pid=NAME:PID              also report CPU/RSS/heap of this process (repeatable)
              --data-dir=DIR --keep-data        embedded stack data (default: a temporary directory, deleted)
              --stack-arg=--key=value           passed to the four embedded services (repeatable)
              --store=bench                     store id of the benchmark's drafts
              --token=JWT                       bearer token for a running stack's REST calls (the embedded
                                                stack's is minted for --store)
            """;

    Set<String> modes = new LinkedHashSet<>(List.of("ceiling", "closed", "open"));
    List<String> via = List.of("kafka", "rest");
    Duration warmup = Duration.ofSeconds(10);
    int calibrate = 100;

    Duration ceilingDuration = Duration.ofSeconds(10);
    int ceilingWindow = 5000;
    Integer ceilingRate; // null: auto
    Integer ceilingSize; // null: auto

    Duration closedDuration = Duration.ofSeconds(30);
    List<Integer> concurrency = List.of(64);

    Duration openDuration = Duration.ofSeconds(20);
    List<Integer> rates = List.of(100, 250, 500, 1000);
    boolean stopWhenSaturated = true;

    Duration soakDuration = Duration.ofMinutes(10);
    int soakRate = 300;
    Duration soakInterval = Duration.ofSeconds(60);
    String soakVia = "kafka";

    Duration timeout = Duration.ofSeconds(30);
    Duration drain = Duration.ofSeconds(30);
    boolean hops = true;
    int maxInFlight = 2000;
    Duration settle = Duration.ofMinutes(3);
    Path out = Path.of("benchmark-results.json");

    String kafka;
    String registry;
    String draftUrl;
    String orderUrl;
    Map<String, Long> watchPids = new LinkedHashMap<>();
    Path dataDir;
    boolean keepData;
    List<String> stackArgs = new ArrayList<>();
    String store = "bench";
    String token;

    boolean help;

    static Options parse(String... args) {
        Options o = new Options();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                o.help = true;
                continue;
            }
            if (arg.equals("--keep-data")) {
                o.keepData = true;
                continue;
            }
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --key=value but got " + arg);
            }
            String key = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            switch (key) {
                case "modes" -> {
                    o.modes = new LinkedHashSet<>(list(value));
                    for (String mode : o.modes) {
                        if (!Set.of("ceiling", "closed", "open", "soak").contains(mode)) {
                            throw new IllegalArgumentException("unknown mode " + mode);
                        }
                    }
                }
                case "via" -> {
                    o.via = list(value);
                    o.via.forEach(Options::checkVia);
                }
                case "warmup" -> o.warmup = duration(value);
                case "calibrate" -> o.calibrate = Integer.parseInt(value);
                case "ceiling-duration" -> o.ceilingDuration = duration(value);
                case "ceiling-window" -> o.ceilingWindow = Integer.parseInt(value);
                case "ceiling-rate" -> o.ceilingRate = value.equals("auto") ? null : Integer.parseInt(value);
                case "ceiling-size" -> o.ceilingSize = value.equals("auto") ? null : Integer.parseInt(value);
                case "closed-duration" -> o.closedDuration = duration(value);
                case "concurrency" -> o.concurrency = ints(value);
                case "open-duration" -> o.openDuration = duration(value);
                case "rates" -> o.rates = ints(value);
                case "stop-when-saturated" -> o.stopWhenSaturated = Boolean.parseBoolean(value);
                case "soak-duration" -> o.soakDuration = duration(value);
                case "soak-rate" -> o.soakRate = Integer.parseInt(value);
                case "soak-interval" -> o.soakInterval = duration(value);
                case "soak-via" -> o.soakVia = checkVia(value);
                case "timeout" -> o.timeout = duration(value);
                case "drain" -> o.drain = duration(value);
                case "hops" -> o.hops = Boolean.parseBoolean(value);
                case "max-in-flight" -> o.maxInFlight = Integer.parseInt(value);
                case "settle" -> o.settle = duration(value);
                case "out" -> o.out = Path.of(value);
                case "kafka" -> o.kafka = value;
                case "registry" -> o.registry = value;
                case "draft-url" -> o.draftUrl = stripSlash(value);
                case "order-url" -> o.orderUrl = stripSlash(value);
                case "watch-pid" -> {
                    String[] parts = value.split(":", 2);
                    if (parts.length != 2) {
                        throw new IllegalArgumentException("--watch-pid=NAME:PID");
                    }
                    o.watchPids.put(parts[0], Long.parseLong(parts[1]));
                }
                case "data-dir" -> o.dataDir = Path.of(value);
                case "stack-arg" -> o.stackArgs.add(value);
                case "store" -> o.store = value;
                case "token" -> o.token = value;
                default -> throw new IllegalArgumentException("unknown option --" + key);
            }
        }
        boolean external = o.kafka != null || o.registry != null || o.draftUrl != null || o.orderUrl != null;
        if (external && (o.kafka == null || o.registry == null || o.draftUrl == null)) {
            throw new IllegalArgumentException(
                    "a running stack needs --kafka, --registry and --draft-url (and --order-url for the final check)");
        }
        return o;
    }

    boolean external() {
        return kafka != null;
    }

    /** Whether any mode drives completions (and so needs the warm-up and the calibration). */
    boolean drivesCompletions() {
        return modes.contains("closed") || modes.contains("open") || modes.contains("soak");
    }

    /** {@code 30s}, {@code 10m}, {@code 500ms}, {@code 1h}, or plain seconds. */
    static Duration duration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 1000));
        }
        if (v.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60_000));
        }
        if (v.endsWith("h")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 3_600_000));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
    }

    private static List<String> list(String value) {
        return List.of(value.split(",")).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<Integer> ints(String value) {
        return list(value).stream().map(Integer::parseInt).toList();
    }

    private static String checkVia(String via) {
        if (!via.equals("kafka") && !via.equals("rest")) {
            throw new IllegalArgumentException("--via takes kafka and/or rest, not " + via);
        }
        return via;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
