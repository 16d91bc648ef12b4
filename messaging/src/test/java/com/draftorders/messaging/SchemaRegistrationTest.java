package com.draftorders.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.schemas.Topics;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A service registering a schema the registry already holds (another service registered it at the same moment and
 * the registry answered 409) gets the existing id: a quiet start, not a warning. A schema the registry refuses is
 * still a failure.
 */
class SchemaRegistrationTest {

    private HttpServer server;

    private String registry(boolean identicalSchemaRegistered) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/apis/ccompat/v7/subjects/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/versions")) {
                answer(exchange, 409, "{\"error_code\":409,\"message\":\"Artifact already exists\"}");
            } else if (identicalSchemaRegistered) {
                answer(exchange, 200, "{\"subject\":\"cart-commands-value\",\"id\":7,\"version\":1,\"schema\":\"\"}");
            } else {
                answer(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anIdenticalSchemaRegisteredAlreadyAnswersItsIdInsteadOfAConflict() throws Exception {
        var registration = new SchemaRegistration(registry(true));

        assertThat(registration.register(Topics.CART_COMMANDS)).isEqualTo(7);
    }

    @Test
    void aSchemaTheRegistryRefusesIsStillAFailure() throws Exception {
        var registration = new SchemaRegistration(registry(false));

        assertThatThrownBy(() -> registration.register(Topics.CART_COMMANDS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HTTP 409");
    }
}
