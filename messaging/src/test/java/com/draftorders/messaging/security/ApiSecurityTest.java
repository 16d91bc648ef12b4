package com.draftorders.messaging.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
        classes = SecurityTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "draftorders.security.dev-secret=" + ApiSecurityTest.SECRET,
            "draftorders.security.max-body-size=4KB",
            "spring.jmx.enabled=false",
            "management.endpoints.web.exposure.include=health,metrics,prometheus",
            "spring.main.banner-mode=off"
        })
class ApiSecurityTest {

    static final String SECRET = "test-secret-test-secret-test-secret-0123";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    static String token(String store, String... scopes) {
        return DevTokens.mint(SECRET, store, List.of(scopes), Duration.ofMinutes(5));
    }

    HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(body)
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRequestWithoutATokenIsUnauthorizedWithAProblem() throws Exception {
        var response = get("/draft-orders", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"unauthorized\"");
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aTamperedTokenIsUnauthorized() throws Exception {
        String token = token("store_a", Scopes.READ_DRAFT_ORDERS);
        String[] parts = token.split("\\.");
        String forged = token("store_b", Scopes.READ_DRAFT_ORDERS).split("\\.")[1];

        var response = get("/draft-orders", parts[0] + "." + forged + "." + parts[2]);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("\"code\":\"unauthorized\"");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsUnauthorized() throws Exception {
        String other = DevTokens.mint(
                DevTokens.newSecret(), "store_a", List.of(Scopes.READ_DRAFT_ORDERS), Duration.ofMinutes(5));

        assertThat(get("/draft-orders", other).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsUnauthorized() throws Exception {
        String expired = DevTokens.mint(
                SECRET,
                "store_a",
                List.of(Scopes.READ_DRAFT_ORDERS),
                Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1));

        assertThat(get("/draft-orders", expired).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutTheRoutesScopeIsForbidden() throws Exception {
        var response = get("/draft-orders", token("store_a", Scopes.READ_ORDERS, Scopes.WRITE_DRAFT_ORDERS));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"code\":\"forbidden\"").contains("read_draft_orders");
    }

    @Test
    void writingNeedsTheWriteScopeEvenWithTheReadScope() throws Exception {
        var response = post(
                "/draft-orders",
                token("store_a", Scopes.READ_DRAFT_ORDERS),
                HttpRequest.BodyPublishers.ofString("{\"a\":1}"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("write_draft_orders");
    }

    @Test
    void ordersNeedTheOrderScopes() throws Exception {
        assertThat(get("/orders/o1", token("store_a", Scopes.READ_DRAFT_ORDERS)).statusCode())
                .isEqualTo(403);
        assertThat(get("/orders/o1", token("store_a", Scopes.READ_ORDERS)).body())
                .contains("\"store\":\"store_a\"");
    }

    @Test
    void aTokenWithoutAStoreIsForbidden() throws Exception {
        var response = get("/draft-orders", token(null, Scopes.ALL.toArray(String[]::new)));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("store_id");
    }

    @Test
    void theStoreComesFromTheTokenNotFromAHeader() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/draft-orders"))
                .header("Authorization", "Bearer " + token("store_a", Scopes.READ_DRAFT_ORDERS))
                .header("X-Store-Id", "store_b")
                .GET()
                .build();

        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"store\":\"store_a\"");
    }

    @Test
    void healthAndThePublicInvoiceViewNeedNoToken() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/invoices/d1", null).statusCode()).isEqualTo(200);
    }

    @Test
    void otherActuatorEndpointsNeedAToken() throws Exception {
        assertThat(get("/actuator", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
    }

    @Test
    void thePrometheusScrapeNeedsNoToken() throws Exception {
        var response = get("/actuator/prometheus", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void aRefusedRequestIsTracedAndAnswersWithTheCallersTrace() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/draft-orders"))
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .GET()
                .build();

        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("traceparent"))
                .hasValueSatisfying(t -> assertThat(t)
                        .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01")
                        .isNotEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    @Test
    void aBodyWithinTheLimitIsAccepted() throws Exception {
        var response = post(
                "/draft-orders",
                token("store_a", Scopes.WRITE_DRAFT_ORDERS),
                HttpRequest.BodyPublishers.ofString("{\"a\":1,\"b\":2}"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"fields\":2");
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedWith413() throws Exception {
        var response = post(
                "/draft-orders",
                token("store_a", Scopes.WRITE_DRAFT_ORDERS),
                HttpRequest.BodyPublishers.ofString(jsonOfSize(8 * 1024)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
    }

    @Test
    void aChunkedOversizedBodyIsRefusedWith413() throws Exception {
        byte[] body = jsonOfSize(8 * 1024).getBytes();
        var response = post(
                "/draft-orders",
                token("store_a", Scopes.WRITE_DRAFT_ORDERS),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"payload_too_large\"");
    }

    static String jsonOfSize(int bytes) {
        return "{\"a\":\"" + "x".repeat(bytes) + "\"}";
    }
}
