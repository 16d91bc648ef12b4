package com.draftorders.benchmark;

import com.draftorders.messaging.security.Scopes;
import com.draftorders.stack.EmbeddedStack;
import com.draftorders.stack.StackSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The system under test: an embedded stack this JVM starts on free ports (the four services then share this JVM
 * with the benchmark's own clients; Kafka and the registry are child JVMs), or a stack already running elsewhere.
 */
final class Target implements AutoCloseable {

    final String kafka;
    /** Apicurio's core API (v2), as the services use it. */
    final String registryUrl;

    final String draftUrl;
    final String orderUrl;
    /** Processes besides this JVM whose CPU, memory and heap are reported, by name. */
    final Map<String, Long> processes;

    private final EmbeddedStack stack;
    private final Path dataDir;
    private final boolean deleteData;
    /** The bearer token given for a running stack (--token); null for the embedded one, which mints its own. */
    private String token;

    private Target(
            String kafka,
            String registryUrl,
            String draftUrl,
            String orderUrl,
            Map<String, Long> processes,
            EmbeddedStack stack,
            Path dataDir,
            boolean deleteData) {
        this.kafka = kafka;
        this.registryUrl = registryUrl;
        this.draftUrl = draftUrl;
        this.orderUrl = orderUrl;
        this.processes = processes;
        this.stack = stack;
        this.dataDir = dataDir;
        this.deleteData = deleteData;
    }

    static Target connect(Options options) {
        Target target = new Target(
                options.kafka,
                coreRegistryUrl(options.registry),
                options.draftUrl,
                options.orderUrl,
                new LinkedHashMap<>(options.watchPids),
                null,
                null,
                false);
        target.token = options.token;
        return target;
    }

    /** The bearer token REST calls for {@code store} carry, or null when none was given. */
    String bearerToken(String store) {
        return stack != null ? stack.mintToken(store, Scopes.ALL, Duration.ofHours(24)) : token;
    }

    static Target startEmbedded(Options options) {
        Path dataDir;
        try {
            dataDir = options.dataDir != null
                    ? Files.createDirectories(options.dataDir)
                    : Files.createTempDirectory("draft-orders-benchmark-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var settings = StackSettings.randomPorts(dataDir.toAbsolutePath());
        List<String> stackArgs = new ArrayList<>(options.stackArgs);
        if (!EmbeddedStack.DEFAULT_STORES.contains(options.store)
                && stackArgs.stream().noneMatch(a -> a.startsWith("--" + EmbeddedStack.KNOWN_STORES + "="))) {
            // draft-service's store directory must know the benchmark's store
            List<String> stores = new ArrayList<>(EmbeddedStack.DEFAULT_STORES);
            stores.add(options.store);
            stackArgs.add("--" + EmbeddedStack.KNOWN_STORES + "=" + String.join(",", stores));
        }
        var stack = new EmbeddedStack(settings, stackArgs).start();
        Map<String, Long> processes = new LinkedHashMap<>();
        ProcessHandle.current().children().forEach(child -> {
            String command = ProcFs.commandLine(child.pid())
                    .orElse(child.info().commandLine().orElse(""));
            if (command.contains("kafka.Kafka")) {
                processes.put("kafka", child.pid());
            } else if (command.contains("apicurio")) {
                processes.put("registry", child.pid());
            }
        });
        processes.putAll(options.watchPids);
        return new Target(
                settings.kafkaBootstrap(),
                settings.registryUrl(),
                stack.service("draft-service").url(),
                stack.service("order-service").url(),
                processes,
                stack,
                dataDir,
                options.dataDir == null && !options.keepData);
    }

    boolean embedded() {
        return stack != null;
    }

    String describe() {
        return (embedded() ? "embedded stack (data " + dataDir + ")" : "running stack") + ": Kafka " + kafka
                + ", registry " + registryUrl + ", draft-service " + draftUrl
                + (orderUrl == null ? "" : ", order-service " + orderUrl);
    }

    /** {@code http://host:8085}, its ccompat API or its core API: the core API (v2) the serdes use. */
    static String coreRegistryUrl(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (u.endsWith("/apis/ccompat/v7")) {
            return u.substring(0, u.length() - "/apis/ccompat/v7".length()) + "/apis/registry/v2";
        }
        return u.contains("/apis/") ? u : u + "/apis/registry/v2";
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
        if (deleteData && dataDir != null) {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + dataDir + ": " + e);
            }
        }
    }
}
