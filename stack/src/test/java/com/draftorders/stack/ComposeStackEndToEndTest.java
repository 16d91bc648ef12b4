package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * docker-compose.yml's four services, each started from the jar its image runs with exactly the environment compose
 * gives it, in front of compose's Kafka (SASL/SCRAM and ACLs from its own settings), a MongoDB replica set, the
 * registry and Keycloak with the compose realm ({@link ComposeStack}). A merchant does what README "The
 * production-shaped stack" tells: gets a token from Keycloak, then calculates, creates and completes a draft.
 *
 * <p>What this catches: a variable that does not configure what it should (the service keeps a default that does not
 * work in compose, e.g. a cart-service URL on 127.0.0.1), a wrong issuer, JWK set or audience (every call 401), a
 * replica set name that does not match, a missing ACL. {@link ComposeEnvironmentTest} checks the same file without
 * starting anything (every variable binds to a setting of its service).
 *
 * <p>Keycloak 26 needs Java 21 or later ({@link ComposeStack#keycloakJava}); without one the test is skipped, except
 * in CI, where it fails.
 */
@Tag("e2e")
class ComposeStackEndToEndTest {

    private static final String REALM = "draft-orders";
    private static final Duration SAGA = Duration.ofSeconds(60);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static ComposeFile compose;
    static ComposeStack stack;

    @BeforeAll
    static void start() {
        Optional<Path> java = ComposeStack.keycloakJava();
        if (System.getenv("CI") == null) {
            assumeTrue(java.isPresent(), "Keycloak needs Java 21+; none found (-Ddraftorders.keycloak.java-home)");
        }
        compose = ComposeFile.load();
        stack = new ComposeStack(
                compose,
                TestStack.tempDir(),
                java.orElseThrow(() -> new IllegalStateException("Keycloak needs Java 21+; none found")));
        stack.start(REALM);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    /** {@code http://localhost:<published port>}: where README's commands reach a service or Keycloak. */
    private static String host(int publishedPort) {
        return "http://localhost:" + stack.network().published(publishedPort);
    }

    /** README's walk-through, run as it is written there: its draft and the totals it promises. */
    @Test
    void aMerchantWithAKeycloakTokenCalculatesCreatesAndCompletesADraftOnTheComposeServices() throws IOException {
        String readme = Files.readString(ComposeFile.ROOT.resolve("README.md"));
        String walkThrough = readme.substring(readme.indexOf("## The production-shaped stack"));
        String draft = between(walkThrough, "cat > draft.json <<'JSON'\n", "\nJSON\n");
        String total = between(walkThrough, "`calculate` answers `\"", "\"`");
        String token = clientCredentialsToken();
        Rest drafts = Rest.withToken(host(8081), token);
        Rest orders = Rest.withToken(host(8083), token);

        // calculate: draft-service asks cart-service (DRAFTORDERS_DRAFTS_CART_SERVICE_URL) with the merchant's token
        var calculated = drafts.post("/draft-orders/calculate", draft);
        assertThat(calculated.status()).as(calculated.body().toString()).isEqualTo(200);
        assertThat(calculated.path("draft_order", "total_price").asString()).isEqualTo(total);

        var created = drafts.post("/draft-orders", draft);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String id = created.path("draft_order", "id").asString();
        Eventually.await(
                "draft ready",
                SAGA,
                () -> drafts.get("/draft-orders/" + id).path("draft_order"),
                d -> d.path("ready").asBoolean());

        var invoice = drafts.post(
                "/draft-orders/" + id + "/send-invoice", "{\"draft_order_invoice\": {\"to\": \"ada@example.com\"}}");
        assertThat(invoice.status()).as(invoice.body().toString()).isEqualTo(200);
        // DRAFTORDERS_DRAFTS_INVOICE_BASE_URL: customers open the link on the host, where compose publishes 8081
        assertThat(invoice.path("draft_order", "invoice_url").asString()).startsWith(host(8081) + "/invoices/" + id);

        var completion = drafts.post("/draft-orders/" + id + "/complete", "{}");
        assertThat(completion.status()).as(completion.body().toString()).isEqualTo(202);
        JsonNode completed = Eventually.await(
                "draft completed",
                SAGA,
                () -> drafts.get("/draft-orders/" + id).path("draft_order"),
                d -> d.path("status").asString().equals("completed"));
        String orderId = completed.path("order_id").asString();
        JsonNode order = Eventually.await(
                "order captured",
                SAGA,
                () -> orders.get("/orders/" + orderId).body(),
                o -> o.path("payment_status").asString().equals("captured"));
        assertThat(order.path("total_price").asString()).isEqualTo(total);
        assertThat(order.path("name").asString()).isEqualTo("#1001");
        assertThat(order.path("draft_order_id").asString()).isEqualTo(id);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("README's compose walk-through has " + start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to)
                .as("README's compose walk-through has " + end + " after " + start)
                .isPositive();
        return text.substring(from + start.length(), to);
    }

    @Test
    void theServicesTrustExactlyTheIssuerKeycloakNamesAndRefuseCallsWithoutItsToken() {
        String discovery = host(8180) + "/realms/" + REALM + "/.well-known/openid-configuration";
        JsonNode configuration = Rest.JSON.readTree(get(discovery));
        for (String service : ComposeFile.SERVICES) {
            Map<String, String> env = stack.environment(service);
            assertThat(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"))
                    .as(service)
                    .isEqualTo(configuration.path("issuer").asString());
            assertThat(env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI"))
                    .as(service)
                    .isEqualTo(configuration
                            .path("jwks_uri")
                            .asString()
                            // Keycloak names its public address; the services fetch the keys inside the network
                            .replace(
                                    host(8180),
                                    "http://keycloak:" + stack.network().port("keycloak", 8080)));
        }
        for (int port : List.of(8081, 8082, 8083, 8084)) {
            assertThat(Rest.withToken(host(port), null).get("/carts/none").status())
                    .isEqualTo(401);
            assertThat(Rest.withToken(host(port), "not.a.jwt").get("/orders").status())
                    .isEqualTo(401);
        }
    }

    @Test
    void theRegistryHealthCheckNeedsOnlyBash() throws Exception {
        List<String> test = compose.list("registry", "healthcheck.test");
        assertThat(test.subList(0, 3)).containsExactly("CMD", "bash", "-c");
        int registry = stack.network().port("registry", 8080);
        // the command runs inside the registry's container, where it listens on 8080
        String script = test.get(3).replace("/dev/tcp/127.0.0.1/8080", "/dev/tcp/127.0.0.1/" + registry);
        assertThat(bash(script)).as("healthy registry").isZero();
        String closed = test.get(3).replace("/dev/tcp/127.0.0.1/8080", "/dev/tcp/127.0.0.1/" + StackSettings.free());
        assertThat(bash(closed)).as("nothing listening").isNotZero();
    }

    /** README's token request: client credentials of merchant-dev, its secret the compose default. */
    private static String clientCredentialsToken() {
        String secret = compose.environment("keycloak").get("MERCHANT_CLIENT_SECRET");
        String form = "grant_type=client_credentials&client_id=merchant-dev&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(
                        URI.create(host(8180) + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(30))
                .build();
        JsonNode answer = Rest.JSON.readTree(send(request));
        assertThat(answer.path("access_token").isString()).as(answer.toString()).isTrue();
        return answer.path("access_token").asString();
    }

    private static String get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build());
    }

    private static String send(HttpRequest request) {
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode())
                    .as(request.uri() + ": " + response.body())
                    .isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int bash(String script) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "-c", script));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }
}
