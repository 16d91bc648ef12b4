package com.draftorders.draft.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * cart-service's {@code POST /carts/calculate} as a JDK HTTP server: it records each request (headers and body) and
 * answers what the test sets. Only the HTTP seam of draft-service's calculate is stubbed; cart-service's own
 * calculation is tested in cart-service.
 */
public final class CartServiceStub {

    /** One request as received: its headers (lower-case names) and its body. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** An answer: status and JSON body. */
    public record Answer(int status, String body) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<String, Answer> responder = body -> new Answer(500, "{}");

    private CartServiceStub(HttpServer server) {
        this.server = server;
    }

    public static CartServiceStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            CartServiceStub stub = new CartServiceStub(server);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                stub.received.add(new Received(
                        exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
                Answer answer = stub.responder.apply(body);
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void answer(Function<String, Answer> responder) {
        this.responder = responder;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public void reset() {
        received.clear();
    }
}
