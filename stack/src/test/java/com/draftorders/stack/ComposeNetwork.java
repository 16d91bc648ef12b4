package com.draftorders.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's network on this machine, on 127.0.0.1 only. In compose every container has an address of its own, so
 * {@code kafka:9092}, {@code registry:8080} and {@code keycloak:8080} never collide; here they share 127.0.0.1 with
 * each other and with whatever else runs on this machine (a developer's embedded stack on 8081-8085 and 9092, another
 * test run). So:
 *
 * <ul>
 *   <li>host names: a hosts file ({@code -Djdk.net.hosts.file}) resolves every compose service name (each is also its
 *       container's host name), {@code localhost} and this machine's name to 127.0.0.1 in the JVMs that play
 *       containers;
 *   <li>ports: every (compose host, container port) a value names gets a free port of its own, and a port compose
 *       publishes on the host ({@code localhost:8180} for {@code 8180:8080}) the same port as the container port
 *       behind it. {@link #rewrite} changes exactly the port numbers of such addresses in a value and nothing else
 *       ({@code mongodb://mongo:27017/drafts?...} becomes {@code mongodb://mongo:40123/drafts?...}).
 * </ul>
 */
final class ComposeNetwork {

    private final Set<String> hosts;
    /** Published host port -> compose service whose container port it forwards to, as "service:port". */
    private final Map<Integer, String> published = new LinkedHashMap<>();

    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Pattern address;

    ComposeNetwork(ComposeFile compose) {
        this.hosts = new TreeSet<>(compose.serviceNames());
        for (String service : compose.serviceNames()) {
            compose.publishedPorts(service)
                    .forEach((host, container) -> published.put(host, service + ":" + container));
        }
        this.address = Pattern.compile("(?<![A-Za-z0-9.-])("
                + String.join("|", hosts.stream().map(Pattern::quote).toList()) + "|localhost):(\\d+)(?![0-9])");
    }

    /** The free local port standing for {@code host:containerPort}. */
    int port(String host, int containerPort) {
        if (!hosts.contains(host)) {
            throw new IllegalArgumentException(host + " is not a compose service");
        }
        return ports.computeIfAbsent(host + ":" + containerPort, key -> StackSettings.free());
    }

    /** The free local port standing for {@code localhost:hostPort} on the host compose runs on. */
    int published(int hostPort) {
        String target = published.get(hostPort);
        if (target == null) {
            throw new IllegalArgumentException("compose publishes no port " + hostPort);
        }
        int colon = target.lastIndexOf(':');
        return port(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
    }

    /** {@code value} with the port of every compose address (and published {@code localhost} port) remapped. */
    String rewrite(String value) {
        Matcher m = address.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String host = m.group(1);
            int port = Integer.parseInt(m.group(2));
            int local;
            if (host.equals("localhost")) {
                if (!published.containsKey(port)) {
                    continue; // not published: nothing in compose listens there
                }
                local = published(port);
            } else {
                local = port(host, port);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(host + ":" + local));
        }
        m.appendTail(out);
        return out.toString();
    }

    Map<String, String> rewrite(Map<String, String> environment) {
        Map<String, String> result = new LinkedHashMap<>();
        environment.forEach((key, value) -> result.put(key, rewrite(value)));
        return result;
    }

    /** Writes the hosts file that resolves every compose host to 127.0.0.1, for {@code -Djdk.net.hosts.file}. */
    Path hostsFile(Path dir) {
        Set<String> names = new TreeSet<>(hosts);
        names.add("localhost");
        try {
            names.add(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            // without a resolvable machine name there is nothing to add
        }
        try {
            return Files.writeString(dir.resolve("hosts"), StackSettings.HOST + " " + String.join(" ", names) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
