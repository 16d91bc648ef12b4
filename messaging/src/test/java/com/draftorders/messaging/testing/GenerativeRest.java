package com.draftorders.messaging.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generative test of a service's mutating REST routes (issue 12): for every route, requests derived from a valid
 * one by {@link JsonMutations} — mutated bodies, odd {@code Content-Type}s and {@code Accept}s, malformed path
 * segments — sent over a plain socket, so any bytes and any path can be sent. Every answer must be below 500; every
 * refusal an {@code application/problem+json} with {@code status}, {@code title} and {@code code} and no Java in it;
 * and after every refusal the service's store must be as it was before the request.
 */
public final class GenerativeRest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GenerativeRest() {}

    /** One route: its method, its path (asked again for every request), a valid body (null: none) and headers. */
    public record Route(
            String name,
            String method,
            Supplier<String> path,
            Supplier<String> validBody,
            Map<String, String> headers) {

        public Route(String name, String method, Supplier<String> path, String validBody) {
            this(name, method, path, validBody == null ? null : () -> validBody, Map.of());
        }

        public Route(String name, String method, Supplier<String> path, Supplier<String> validBody) {
            this(name, method, path, validBody, Map.of());
        }

        public Route withHeader(String header, String value) {
            var more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Route(name, method, path, validBody, more);
        }
    }

    /** An HTTP answer: status, headers (lower-case names) and body text. */
    public record Answer(int status, Map<String, String> headers, String body) {}

    /** What was tried and how it was answered. */
    public static final class Tally {
        private final String service;
        private int requests;
        private int accepted;
        private int refused;
        private final Map<String, Integer> byRoute = new TreeMap<>();
        private final Map<Integer, Integer> byStatus = new TreeMap<>();
        private final Map<String, Integer> byCode = new TreeMap<>();
        private final Map<String, Integer> byKind = new TreeMap<>();

        Tally(String service) {
            this.service = service;
        }

        void count(Route route, String kind, Answer answer, String code) {
            requests++;
            if (answer.status() < 400) {
                accepted++;
            } else {
                refused++;
                byCode.merge(code, 1, Integer::sum);
            }
            byRoute.merge(route.name(), 1, Integer::sum);
            byStatus.merge(answer.status(), 1, Integer::sum);
            byKind.merge(kind, 1, Integer::sum);
        }

        public int requests() {
            return requests;
        }

        public int accepted() {
            return accepted;
        }

        public int refused() {
            return refused;
        }

        public Map<Integer, Integer> byStatus() {
            return byStatus;
        }

        @Override
        public String toString() {
            return "generative REST test of " + service + ": " + requests + " requests (" + accepted + " accepted, "
                    + refused + " refused, every refusal problem+json with the store unchanged, no 5xx)\n"
                    + "  by kind:   " + byKind + "\n"
                    + "  by status: " + byStatus + "\n"
                    + "  by code:   " + byCode + "\n"
                    + "  by route:  " + byRoute;
        }
    }

    /**
     * Runs {@code perRoute} requests on every route. {@code snapshot} reads the store (what must not change on a
     * refusal); {@code afterAccepted} may replace what a route works on once a request was accepted.
     */
    public static Tally run(
            String service,
            int port,
            long seed,
            int perRoute,
            List<Route> routes,
            Supplier<Object> snapshot,
            Consumer<Route> afterAccepted) {
        Tally tally = new Tally(service);
        JsonMutations mutations = new JsonMutations(seed);
        for (Route route : routes) {
            for (int i = 0; i < perRoute; i++) {
                String path = route.path().get();
                Map<String, String> headers = new LinkedHashMap<>(route.headers());
                headers.putIfAbsent(
                        "Idempotency-Key", "gen-" + seed + "-" + route.name().hashCode() + "-" + i);
                JsonNode valid = route.validBody() == null
                        ? null
                        : JsonMutations.parse(route.validBody().get());
                byte[] body = valid == null ? null : bytes(valid.toString());
                String kind;
                int choice = mutations.nextInt(100);
                if (valid != null && choice < 78) {
                    kind = "body";
                    body = mutations.mutate(valid);
                    headers.putIfAbsent("Content-Type", "application/json");
                } else if (choice < 86) {
                    kind = "content-type";
                    String type = mutations.oddContentType();
                    if (type != null) {
                        headers.put("Content-Type", type);
                    }
                    if (body == null) {
                        body = bytes("{}");
                    }
                } else if (choice < 94) {
                    kind = "path";
                    path = oddPath(path, mutations);
                    headers.putIfAbsent("Content-Type", "application/json");
                } else {
                    kind = "headers";
                    headers.putIfAbsent("Content-Type", "application/json");
                    switch (mutations.nextInt(5)) {
                        case 0 -> headers.put("Accept", "text/html");
                        case 1 -> headers.put("Accept", "garbage/;;;");
                        case 2 ->
                            headers.put(
                                    "If-Match",
                                    mutations.pick(List.of("\"abc\"", "W/\"-1\"", "*", "\"99999999999999999999\"")));
                        case 3 -> headers.put("Idempotency-Key", "k".repeat(mutations.pick(List.of(0, 1, 300, 5000))));
                        default ->
                            headers.put("X-Store-Id", mutations.pick(List.of("", "a b", "../x", "x".repeat(300))));
                    }
                }
                Object before = snapshot.get();
                Answer answer = send(port, route.method(), path, headers, body);
                String what = service + " " + route.method() + " " + abbreviate(path) + " [" + kind + ", seed " + seed
                        + ", #" + i + "] body "
                        + abbreviate(body == null ? "(none)" : new String(body, StandardCharsets.UTF_8))
                        + " → " + answer.status() + " " + abbreviate(answer.body());
                assertThat(answer.status()).as(what).isLessThan(500);
                String code = null;
                if (answer.status() >= 400) {
                    code = assertProblem(answer, what);
                    assertThat(snapshot.get())
                            .as("the store after a refusal: " + what)
                            .isEqualTo(before);
                }
                tally.count(route, kind, answer, code);
                if (answer.status() < 300) {
                    afterAccepted.accept(route);
                }
            }
        }
        System.out.println(tally);
        return tally;
    }

    /** Asserts the RFC 9457 shape every refusal has and answers its {@code code}. */
    public static String assertProblem(Answer answer, String what) {
        assertThat(answer.headers().getOrDefault("content-type", "")).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(answer.status());
        assertThat(problem.path("title").asString()).as(what).isNotBlank();
        assertThat(problem.path("code").asString()).as(what).isNotBlank();
        assertThat(answer.body())
                .as("no Java type, package or method in a refusal: " + what)
                .doesNotContainPattern("java\\.|com\\.draftorders|tools\\.jackson|Exception|`");
        for (JsonNode error : problem.path("errors").values()) {
            assertThat(error.path("field").isString()).as(what).isTrue();
            assertThat(error.path("reason").asString()).as(what).isNotBlank();
        }
        return problem.path("code").asString();
    }

    private static String oddPath(String path, JsonMutations mutations) {
        int query = path.indexOf('?');
        String plain = query < 0 ? path : path.substring(0, query);
        int slash = plain.lastIndexOf('/');
        if (mutations.nextInt(4) == 0) {
            return plain + "?"
                    + mutations.pick(List.of("a=%00", "a=%ff%fe", "%=%", "x=" + "y".repeat(10_000), "&&&=="));
        }
        return plain.substring(0, slash + 1) + mutations.oddPathSegment();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Sends one HTTP/1.1 request exactly as given (the path is not encoded again) and reads the whole answer. */
    public static Answer send(int port, String method, String path, Map<String, String> headers, byte[] body) {
        try {
            return sendOnce(port, method, path, headers, body);
        } catch (IOException first) {
            // Tomcat answers a request line or header it refuses (a 10,000-character path) and closes at once; a
            // client still writing the rest then sees a broken pipe or a reset instead of the answer. Ask once more.
            try {
                return sendOnce(port, method, path, headers, body);
            } catch (IOException e) {
                e.addSuppressed(first);
                throw new UncheckedIOException(method + " " + abbreviate(path), e);
            }
        }
    }

    private static Answer sendOnce(int port, String method, String path, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder()
                    .append(method)
                    .append(' ')
                    .append(path)
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(port)
                    .append("\r\nConnection: close\r\n");
            headers.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                request.write(body);
            }
            OutputStream out = socket.getOutputStream();
            try {
                // one write: the whole request is in the socket's buffer before the server can refuse its head
                out.write(request.toByteArray());
                out.flush();
            } catch (IOException refusedEarly) {
                // the server answered and closed before reading all of it: its answer may still be readable
            }
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no complete HTTP answer: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(Objects.requireNonNullElse(headers.get("transfer-encoding"), ""))) {
            rest = dechunk(rest);
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\r', '\n'});
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(chunked, at, Math.min(size, chunked.length - at));
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The names of the routes, for a test that wants to say which it covered. */
    public static List<String> names(List<Route> routes) {
        List<String> names = new ArrayList<>();
        routes.forEach(r -> names.add(r.method() + " " + r.name()));
        return names;
    }
}
