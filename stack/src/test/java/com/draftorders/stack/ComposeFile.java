package com.draftorders.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as compose reads it when no variable is set and there is no {@code .env} file: anchors and
 * merge keys resolved (SnakeYAML), {@code ${VAR:-default}} and {@code ${VAR-default}} replaced by their defaults,
 * {@code $$} by {@code $}. Anything else compose would interpolate ({@code ${VAR}} without a default,
 * {@code ${VAR:?error}}) is refused: the stack must start without a {@code .env} file.
 */
final class ComposeFile {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path FILE = ROOT.resolve("docker-compose.yml");

    /** The four services built from this repository. */
    static final List<String> SERVICES = List.of("draft-service", "cart-service", "order-service", "payment-service");

    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?}|\\$[A-Za-z_{]");

    private final Map<String, Object> services;

    private ComposeFile(Map<String, Object> services) {
        this.services = services;
    }

    static ComposeFile load() {
        try {
            return parse(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static ComposeFile parse(String yaml) {
        Map<String, Object> root = new Yaml().load(yaml);
        return new ComposeFile((Map<String, Object>) interpolate(root.get("services")));
    }

    Set<String> serviceNames() {
        return services.keySet();
    }

    /** A service's {@code environment}, interpolated. */
    Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        if (env == null) {
            return Map.of();
        }
        if (!(env instanceof Map<?, ?> map)) {
            throw new IllegalStateException(service + ": environment must be a mapping, not a list");
        }
        Map<String, String> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? "" : String.valueOf(value)));
        return result;
    }

    /** A service's published ports, {@code host port -> container port}. */
    Map<Integer, Integer> publishedPorts(String service) {
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (Object port : list(service, "ports")) {
            String[] parts = String.valueOf(port).split(":");
            if (parts.length != 2) {
                throw new IllegalStateException(service + ": only HOST:CONTAINER ports are understood, not " + port);
            }
            ports.put(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        }
        return ports;
    }

    /** The one port a service publishes (its container port). */
    int containerPort(String service) {
        Map<Integer, Integer> ports = publishedPorts(service);
        if (ports.size() != 1) {
            throw new IllegalStateException(service + " publishes " + ports + ", not exactly one port");
        }
        return ports.values().iterator().next();
    }

    /** A service's {@code command}, {@code entrypoint} or a healthcheck's {@code test}, as a list of words. */
    List<String> list(String service, String key) {
        Object value = key.startsWith("healthcheck.")
                ? section(service(service).get("healthcheck"), key.substring("healthcheck.".length()))
                : service(service).get(key);
        List<String> words = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(word -> words.add(String.valueOf(word)));
        } else if (value != null) {
            words.add(String.valueOf(value));
        }
        return words;
    }

    String image(String service) {
        return String.valueOf(service(service).get("image"));
    }

    /** The host directory a service mounts at {@code containerPath}, resolved against the compose file's folder. */
    Path volumeSource(String service, String containerPath) {
        for (String volume : list(service, "volumes")) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[1].equals(containerPath)) {
                return ROOT.resolve(parts[0]).normalize();
            }
        }
        throw new IllegalStateException(service + " mounts nothing at " + containerPath);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> service(String name) {
        Object service = services.get(name);
        if (service == null) {
            throw new IllegalStateException("docker-compose.yml has no service " + name);
        }
        return (Map<String, Object>) service;
    }

    @SuppressWarnings("unchecked")
    private static Object section(Object map, String key) {
        return map == null ? null : ((Map<String, Object>) map).get(key);
    }

    /** Replaces every variable in {@code value} by its default, as compose does without a {@code .env} file. */
    static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$$")) {
                replacement = "$";
            } else if (m.group(2) != null) {
                replacement = m.group(3);
            } else {
                throw new IllegalStateException("compose would need a value for " + m.group() + " in: " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Object interpolate(Object node) {
        if (node instanceof String s) {
            return interpolate(s);
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((key, value) -> result.put(String.valueOf(key), interpolate(value)));
            return result;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ComposeFile::interpolate).toList();
        }
        return node;
    }
}
