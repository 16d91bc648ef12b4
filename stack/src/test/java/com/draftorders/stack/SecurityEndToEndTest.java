package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.security.DevTokens;
import com.draftorders.messaging.security.Scopes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every REST route of draft-service and order-service over the running stack: 401 without a token or with a bad
 * one, 403 without the route's scope or without a store, 404 for another store's draft or order, lists that never
 * show another store's drafts, and 413 for an oversized body.
 */
class SecurityEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static EmbeddedStack stack;
    static String draftUrl;
    static String orderUrl;
    static String storeA;
    static String storeB;
    /** Store A's completed draft and its order. */
    static String completedDraft;

    static String orderId;
    /** Store A's open draft. */
    static String openDraft;

    @BeforeAll
    static void aDraftCompletedAndAnOpenOneInStoreA() {
        stack = TestStack.shared();
        draftUrl = stack.service("draft-service").url();
        orderUrl = stack.service("order-service").url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        storeA = "sec_a_" + run;
        storeB = "sec_b_" + run;
        Rest drafts = new Rest(draftUrl, storeA);
        completedDraft = created(drafts, "7.00");
        Eventually.await(
                "draft ready",
                SAGA,
                () -> drafts.get("/draft-orders/" + completedDraft).body(),
                d -> d.path("draft_order").path("ready").asBoolean());
        assertThat(drafts.post("/draft-orders/" + completedDraft + "/complete", "{\"payment_pending\": false}")
                        .status())
                .isEqualTo(202);
        JsonNode completed = Eventually.await(
                "draft completed",
                SAGA,
                () -> drafts.get("/draft-orders/" + completedDraft).path("draft_order"),
                d -> d.path("status").asString().equals("completed"));
        orderId = completed.path("order_id").asString();
        assertThat(orderId).startsWith("order_");
        openDraft = created(drafts, "8.00");
    }

    static String created(Rest drafts, String price) {
        var response = drafts.post("/draft-orders", CompletionOverRestEndToEndTest.simpleDraft(price));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.path("draft_order", "id").asString();
    }

    /** One route: where it is, how it is called, and the scope it needs. */
    record Route(String baseUrl, String method, String path, String body, String scope) {

        HttpRequest.Builder request() {
            var builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
            if (method.equals("GET")) {
                return builder.GET();
            }
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }

        Rest.Response send(String token) {
            return Rest.withToken(baseUrl, token).send(request());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Route> routes() {
        return List.of(
                new Route(draftUrl, "GET", "/draft-orders", null, Scopes.READ_DRAFT_ORDERS),
                new Route(
                        draftUrl,
                        "POST",
                        "/draft-orders",
                        CompletionOverRestEndToEndTest.simpleDraft("1.00"),
                        Scopes.WRITE_DRAFT_ORDERS),
                new Route(draftUrl, "GET", "/draft-orders/" + openDraft, null, Scopes.READ_DRAFT_ORDERS),
                new Route(
                        draftUrl,
                        "POST",
                        "/draft-orders/" + openDraft + "/complete",
                        "{\"payment_pending\": true}",
                        Scopes.WRITE_DRAFT_ORDERS),
                new Route(draftUrl, "POST", "/draft-orders/" + openDraft + "/cancel", "{}", Scopes.WRITE_DRAFT_ORDERS),
                new Route(orderUrl, "GET", "/orders/" + orderId, null, Scopes.READ_ORDERS),
                new Route(orderUrl, "GET", "/orders?draft_order_id=" + completedDraft, null, Scopes.READ_ORDERS));
    }

    static String token(String store, List<String> scopes) {
        return DevTokens.mint(Rest.secretFor(draftUrl), store, scopes, Duration.ofMinutes(10));
    }

    static List<String> allScopesBut(String scope) {
        List<String> scopes = new ArrayList<>(Scopes.ALL);
        scopes.remove(scope);
        return scopes;
    }

    @Test
    void everyRouteWithoutATokenIsUnauthorized() {
        for (Route route : routes()) {
            var response = route.send(null);
            assertThat(response.status()).as(route.toString()).isEqualTo(401);
            assertThat(response.path("code").asString()).as(route.toString()).isEqualTo("unauthorized");
        }
    }

    @Test
    void everyRouteWithATamperedTokenIsUnauthorized() {
        String genuine = token(storeA, Scopes.ALL);
        String[] parts = genuine.split("\\.");
        String otherClaims = token(storeB, Scopes.ALL).split("\\.")[1];
        String tampered = parts[0] + "." + otherClaims + "." + parts[2];
        for (Route route : routes()) {
            var response = route.send(tampered);
            assertThat(response.status()).as(route.toString()).isEqualTo(401);
            assertThat(response.path("code").asString()).as(route.toString()).isEqualTo("unauthorized");
        }
    }

    @Test
    void everyRouteWithATokenSignedByAnotherKeyIsUnauthorized() {
        String foreign = DevTokens.mint(DevTokens.newSecret(), storeA, Scopes.ALL, Duration.ofMinutes(10));
        for (Route route : routes()) {
            assertThat(route.send(foreign).status()).as(route.toString()).isEqualTo(401);
        }
    }

    @Test
    void everyRouteWithoutItsScopeIsForbidden() {
        for (Route route : routes()) {
            var response = route.send(token(storeA, allScopesBut(route.scope())));
            assertThat(response.status()).as(route.toString()).isEqualTo(403);
            assertThat(response.path("code").asString()).as(route.toString()).isEqualTo("forbidden");
        }
    }

    @Test
    void everyRouteWithATokenWithoutAStoreIsForbidden() {
        for (Route route : routes()) {
            assertThat(route.send(token(null, Scopes.ALL)).status())
                    .as(route.toString())
                    .isEqualTo(403);
        }
        var drafts = new Rest(draftUrl, storeA);
        assertThat(drafts.get("/draft-orders/" + openDraft)
                        .path("draft_order", "status")
                        .asString())
                .as("refused writes changed nothing")
                .isEqualTo("open");
    }

    @Test
    void anotherStoresDraftsAndOrdersAreNotFound() {
        var drafts = new Rest(draftUrl, storeB);
        var orders = new Rest(orderUrl, storeB);

        assertThat(drafts.get("/draft-orders/" + openDraft).status()).isEqualTo(404);
        assertThat(drafts.get("/draft-orders/" + completedDraft).status()).isEqualTo(404);
        assertThat(drafts.post("/draft-orders/" + openDraft + "/complete", "{\"payment_pending\": true}")
                        .status())
                .isEqualTo(404);
        assertThat(drafts.post("/draft-orders/" + openDraft + "/cancel", "{}").status())
                .isEqualTo(404);
        assertThat(orders.get("/orders/" + orderId).status()).isEqualTo(404);
        var byDraft = orders.get("/orders?draft_order_id=" + completedDraft);
        assertThat(byDraft.status()).isEqualTo(200);
        assertThat(byDraft.path("orders")).isEmpty();

        assertThat(new Rest(draftUrl, storeA)
                        .get("/draft-orders/" + openDraft)
                        .path("draft_order", "status")
                        .asString())
                .as("store B's attempts changed nothing")
                .isEqualTo("open");
    }

    @Test
    void listsNeverShowAnotherStoresDrafts() {
        var drafts = new Rest(draftUrl, storeB);
        String own = created(drafts, "9.00");

        List<String> seenByB = ids(drafts.get("/draft-orders?limit=250"));
        List<String> seenByA = ids(new Rest(draftUrl, storeA).get("/draft-orders?limit=250"));

        assertThat(seenByB).containsExactly(own);
        assertThat(seenByA).contains(openDraft, completedDraft).doesNotContain(own);
    }

    static List<String> ids(Rest.Response list) {
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        return list.path("draft_orders")
                .valueStream()
                .map(d -> d.path("id").asString())
                .toList();
    }

    @Test
    void aBodyOfTwoMebibytesIsRefusedBeforeBeingRead() {
        String huge = "{\"draft_order\": {\"note\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}}";

        var response = new Rest(draftUrl, storeA).post("/draft-orders", huge);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.path("code").asString()).isEqualTo("payload_too_large");
    }

    @Test
    void theDevelopmentTokenInTheBannerActsForStoreDevWithEveryScope() {
        String banner = stack.banner();
        String token = banner.lines()
                .filter(l -> l.strip().startsWith("export TOKEN="))
                .map(l -> l.strip().substring("export TOKEN=".length()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no token in the banner:\n" + banner));

        assertThat(banner).contains("Authorization: Bearer $TOKEN");
        assertThat(Rest.withToken(draftUrl, token).get("/draft-orders").status())
                .isEqualTo(200);
        assertThat(Rest.withToken(orderUrl, token)
                        .get("/orders?draft_order_id=" + completedDraft)
                        .path("orders"))
                .as("the dev store does not see store A's order")
                .isEmpty();
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(Rest.withToken(draftUrl, null).get("/actuator/health").status())
                .isEqualTo(200);
        assertThat(Rest.withToken(orderUrl, null).get("/actuator/health").status())
                .isEqualTo(200);
    }
}
