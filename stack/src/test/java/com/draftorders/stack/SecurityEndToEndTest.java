package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.security.DevTokens;
import com.draftorders.messaging.security.Scopes;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every REST route of every service over the running stack. The route table below is checked against the routes the
 * four services actually map (a new route without an entry fails {@link #theRouteTableNamesEveryRouteEveryServiceMaps}),
 * and for every route: 401 without a token or with a bad one, 403 without the route's scope or without a store, 404
 * for another store's resource (lists of another store show nothing of it, and nothing of store A changes), 403
 * {@code unknown_store} on draft-service for a store outside its directory; and 413 for an oversized body.
 */
@Tag("e2e")
class SecurityEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static EmbeddedStack stack;
    static String draftUrl;
    static String orderUrl;
    static String storeA;
    static String storeB;
    /** Store A's completed draft and its order, cart and payment. */
    static String completedDraft;

    static String orderId;
    static String paymentId;
    /** Store A's open draft and its cart. */
    static String openDraft;

    static String openCart;

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
        JsonNode order = Eventually.await(
                "order captured",
                SAGA,
                () -> new Rest(orderUrl, storeA).get("/orders/" + orderId).body(),
                o -> o.path("payment_status").asString().equals("captured"));
        paymentId = order.path("payment_id").asString();
        assertThat(paymentId).isNotBlank();
        openDraft = created(drafts, "8.00");
        openCart = drafts.get("/draft-orders/" + openDraft)
                .path("draft_order", "cart_id")
                .asString();
        assertThat(openCart).isNotBlank();
        assertThat(new Rest(stack.service("cart-service").url(), storeA)
                        .put("/discount-codes/" + DISCOUNT_CODE, """
                                {"discount_code": {"title": "Store A only", "value_type": "percentage", "value": "10"}}
                                """)
                        .status())
                .isEqualTo(201);
        Eventually.await(
                "store A's cart calculated",
                SAGA,
                () -> new Rest(stack.service("cart-service").url(), storeA).get("/carts/" + openCart),
                r -> r.status() == 200);
    }

    static String created(Rest drafts, String price) {
        var response = drafts.post("/draft-orders", CompletionOverRestEndToEndTest.simpleDraft(price));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.path("draft_order", "id").asString();
    }

    /** What another store's token must get from a route. */
    enum Access {
        /** A resource of store A named in the path: another store gets 404 (DELETE: 204, as for no such draft). */
        RESOURCE,
        /** A list or search: another store sees nothing of store A. */
        LIST,
        /** Draft ids in the body: each is {@code not_found} for another store. */
        BULK,
        /** Acts only in the caller's own store (create, calculate). */
        OWN_STORE,
        /** No token needed; the route has its own proof (the signed invoice token). */
        PUBLIC,
        /** No token needed and nothing of any store in it: the API's own description. */
        API_DOCUMENT
    }

    /**
     * One route: the service, its mapped pattern, a concrete call naming store A's resources, the scopes of which it
     * needs one, and what another store gets.
     */
    record Route(
            String service,
            String method,
            String pattern,
            String path,
            String body,
            List<String> scopes,
            Access access) {

        String baseUrl() {
            return stack.service(service).url();
        }

        HttpRequest.Builder request() {
            var builder = HttpRequest.newBuilder(URI.create(baseUrl() + path));
            if (pattern.startsWith("/orders/{id}/")) {
                builder.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            if (method.equals("GET")) {
                return builder.GET();
            }
            if (body == null) {
                return builder.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }

        Rest.Response send(String token) {
            return Rest.withToken(baseUrl(), token).send(request());
        }

        @Override
        public String toString() {
            return service + " " + method + " " + pattern;
        }
    }

    static Route route(
            String service, String method, String pattern, String path, String body, Access access, String... scopes) {
        return new Route(service, method, pattern, path, body, List.of(scopes), access);
    }

    static final String DISCOUNT_CODE = "STOREA10";
    static final String DRAFTS = "draft-service";
    static final String CARTS = "cart-service";
    static final String ORDERS = "order-service";
    static final String PAYMENTS = "payment-service";

    /** Every route of every service (checked against the services' mappings). */
    static List<Route> routes() {
        String read = Scopes.READ_DRAFT_ORDERS;
        String write = Scopes.WRITE_DRAFT_ORDERS;
        String draft = "/draft-orders/" + openDraft;
        String bulk = "{\"ids\": [\"" + openDraft + "\"], \"tags\": \"from-b\"}";
        return List.of(
                route(DRAFTS, "GET", "/draft-orders", "/draft-orders?limit=250", null, Access.LIST, read),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders",
                        "/draft-orders",
                        CompletionOverRestEndToEndTest.simpleDraft("1.00"),
                        Access.OWN_STORE,
                        write),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders/calculate",
                        "/draft-orders/calculate",
                        CompletionOverRestEndToEndTest.simpleDraft("1.00"),
                        Access.OWN_STORE,
                        write),
                route(DRAFTS, "GET", "/draft-orders/{id}", draft, null, Access.RESOURCE, read),
                route(
                        DRAFTS,
                        "PATCH",
                        "/draft-orders/{id}",
                        draft,
                        "{\"draft_order\": {\"note\": \"from B\"}}",
                        Access.RESOURCE,
                        write),
                route(DRAFTS, "DELETE", "/draft-orders/{id}", draft, null, Access.RESOURCE, write),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders/{id}/complete",
                        draft + "/complete",
                        "{\"payment_pending\": true}",
                        Access.RESOURCE,
                        write),
                route(DRAFTS, "POST", "/draft-orders/{id}/cancel", draft + "/cancel", "{}", Access.RESOURCE, write),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders/{id}/comments",
                        draft + "/comments",
                        "{\"comment\": {\"body\": \"called back\"}}",
                        Access.RESOURCE,
                        write),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders/{id}/duplicate",
                        draft + "/duplicate",
                        "{}",
                        Access.RESOURCE,
                        write),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders/{id}/send-invoice",
                        draft + "/send-invoice",
                        "{\"draft_order_invoice\": {\"to\": \"b@example.com\"}}",
                        Access.RESOURCE,
                        write),
                route(DRAFTS, "GET", "/draft-orders/{id}/events", draft + "/events", null, Access.RESOURCE, read),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders/from-order/{orderId}",
                        "/draft-orders/from-order/" + orderId,
                        "{}",
                        Access.RESOURCE,
                        write),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders/bulk/add-tags",
                        "/draft-orders/bulk/add-tags",
                        bulk,
                        Access.BULK,
                        write),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders/bulk/remove-tags",
                        "/draft-orders/bulk/remove-tags",
                        bulk,
                        Access.BULK,
                        write),
                route(
                        DRAFTS,
                        "POST",
                        "/draft-orders/bulk/delete",
                        "/draft-orders/bulk/delete",
                        bulk,
                        Access.BULK,
                        write),
                route(
                        DRAFTS,
                        "GET",
                        "/invoices/{draftId}",
                        "/invoices/" + openDraft + "?token=forged",
                        null,
                        Access.PUBLIC),
                route(CARTS, "GET", "/carts/{id}", "/carts/" + openCart, null, Access.RESOURCE, Scopes.READ_ORDERS),
                route(CARTS, "GET", "/discount-codes", "/discount-codes", null, Access.LIST, read),
                route(
                        CARTS,
                        "GET",
                        "/discount-codes/{code}",
                        "/discount-codes/" + DISCOUNT_CODE,
                        null,
                        Access.RESOURCE,
                        read),
                route(
                        CARTS,
                        "DELETE",
                        "/discount-codes/{code}",
                        "/discount-codes/" + DISCOUNT_CODE,
                        null,
                        Access.RESOURCE,
                        write),
                route(
                        CARTS,
                        "PUT",
                        "/discount-codes/{code}",
                        "/discount-codes/" + DISCOUNT_CODE,
                        "{\"discount_code\": {\"title\": \"B's own\", \"value_type\": \"percentage\", \"value\": \"5\"}}",
                        Access.OWN_STORE,
                        write),
                route(
                        CARTS,
                        "POST",
                        "/carts/calculate",
                        "/carts/calculate",
                        "{}",
                        Access.OWN_STORE,
                        Scopes.WRITE_ORDERS,
                        Scopes.WRITE_DRAFT_ORDERS),
                route(ORDERS, "GET", "/orders/{id}", "/orders/" + orderId, null, Access.RESOURCE, Scopes.READ_ORDERS),
                route(
                        ORDERS,
                        "GET",
                        "/orders",
                        "/orders?draft_order_id=" + completedDraft,
                        null,
                        Access.LIST,
                        Scopes.READ_ORDERS),
                route(
                        ORDERS,
                        "POST",
                        "/orders/{id}/capture",
                        "/orders/" + orderId + "/capture",
                        "{}",
                        Access.RESOURCE,
                        Scopes.WRITE_ORDERS),
                route(
                        ORDERS,
                        "POST",
                        "/orders/{id}/void",
                        "/orders/" + orderId + "/void",
                        "{}",
                        Access.RESOURCE,
                        Scopes.WRITE_ORDERS),
                route(
                        ORDERS,
                        "POST",
                        "/orders/{id}/refund",
                        "/orders/" + orderId + "/refund",
                        "{\"amount\": \"1.00\"}",
                        Access.RESOURCE,
                        Scopes.WRITE_ORDERS),
                route(
                        PAYMENTS,
                        "GET",
                        "/payments/{id}",
                        "/payments/" + paymentId,
                        null,
                        Access.RESOURCE,
                        Scopes.READ_ORDERS),
                apiDocument(DRAFTS, "/v3/api-docs"),
                apiDocument(DRAFTS, "/v3/api-docs.yaml"),
                apiDocument(CARTS, "/v3/api-docs"),
                apiDocument(CARTS, "/v3/api-docs.yaml"),
                apiDocument(ORDERS, "/v3/api-docs"),
                apiDocument(ORDERS, "/v3/api-docs.yaml"),
                apiDocument(PAYMENTS, "/v3/api-docs"),
                apiDocument(PAYMENTS, "/v3/api-docs.yaml"));
    }

    static Route apiDocument(String service, String path) {
        return route(service, "GET", path, path, null, Access.API_DOCUMENT);
    }

    static List<Route> protectedRoutes() {
        return routes().stream()
                .filter(r -> r.access() != Access.PUBLIC && r.access() != Access.API_DOCUMENT)
                .toList();
    }

    static String token(String store, List<String> scopes) {
        return DevTokens.mint(Rest.secretFor(draftUrl), store, scopes, Duration.ofMinutes(10));
    }

    static List<String> allScopesBut(List<String> scopes) {
        List<String> remaining = new ArrayList<>(Scopes.ALL);
        remaining.removeAll(scopes);
        return remaining;
    }

    @Test
    void theRouteTableNamesEveryRouteEveryServiceMaps() {
        Set<String> mapped = new TreeSet<>();
        for (ServiceInstance service : stack.services()) {
            var mapping = service.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (pattern.equals("/error")) {
                        continue; // Boot's error page, only reached by error dispatches
                    }
                    if (methods.isEmpty()) {
                        mapped.add(service.name() + " * " + pattern);
                    }
                    methods.forEach(m -> mapped.add(service.name() + " " + m + " " + pattern));
                }
            }
        }
        Set<String> tested = new TreeSet<>();
        routes().forEach(r -> tested.add(r.toString()));

        assertThat(mapped).as("routes the services map").hasSizeGreaterThan(20);
        assertThat(tested).as("routes this test checks").isEqualTo(mapped);
    }

    @Test
    void everyRouteWithoutATokenIsUnauthorized() {
        for (Route route : protectedRoutes()) {
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
        for (Route route : protectedRoutes()) {
            var response = route.send(tampered);
            assertThat(response.status()).as(route.toString()).isEqualTo(401);
            assertThat(response.path("code").asString()).as(route.toString()).isEqualTo("unauthorized");
        }
    }

    @Test
    void everyRouteWithATokenSignedByAnotherKeyIsUnauthorized() {
        String foreign = DevTokens.mint(DevTokens.newSecret(), storeA, Scopes.ALL, Duration.ofMinutes(10));
        for (Route route : protectedRoutes()) {
            assertThat(route.send(foreign).status()).as(route.toString()).isEqualTo(401);
        }
    }

    @Test
    void everyRouteWithoutItsScopeIsForbidden() {
        for (Route route : protectedRoutes()) {
            var response = route.send(token(storeA, allScopesBut(route.scopes())));
            assertThat(response.status()).as(route.toString()).isEqualTo(403);
            assertThat(response.path("code").asString()).as(route.toString()).isEqualTo("forbidden");
        }
        assertStoreAUnchanged();
    }

    @Test
    void everyRouteWithATokenWithoutAStoreIsForbidden() {
        for (Route route : protectedRoutes()) {
            assertThat(route.send(token(null, Scopes.ALL)).status())
                    .as(route.toString())
                    .isEqualTo(403);
        }
        assertStoreAUnchanged();
    }

    @Test
    void everyDraftServiceRouteRefusesAStoreOutsideItsDirectory() {
        String unknown = token("unknown_" + UUID.randomUUID().toString().substring(0, 8), Scopes.ALL);
        for (Route route : protectedRoutes()) {
            if (!route.service().equals(DRAFTS)) {
                continue; // the store directory is draft-service's: the other services only answer store-scoped
            }
            var response = route.send(unknown);
            assertThat(response.status()).as(route.toString()).isEqualTo(403);
            assertThat(response.path("code").asString()).as(route.toString()).isEqualTo("unknown_store");
        }
        assertStoreAUnchanged();
    }

    @Test
    void anotherStoresResourcesAreNotFoundOnEveryRouteAndNothingOfStoreAChanges() {
        String tokenB = token(storeB, Scopes.ALL);
        for (Route route : protectedRoutes()) {
            var response = route.send(tokenB);
            switch (route.access()) {
                case RESOURCE -> {
                    if (route.method().equals("DELETE") && route.pattern().startsWith("/draft-orders")) {
                        var nonexistent = Rest.withToken(route.baseUrl(), tokenB)
                                .send(HttpRequest.newBuilder(URI.create(route.baseUrl() + "/draft-orders/dorder_none"))
                                        .DELETE());
                        assertThat(response.status())
                                .as(route + ": the same answer as for a draft that does not exist")
                                .isEqualTo(nonexistent.status())
                                .isEqualTo(204);
                    } else {
                        assertThat(response.status())
                                .as(route + " " + response.body())
                                .isEqualTo(404);
                        assertThat(response.path("code").asString())
                                .as(route.toString())
                                .isEqualTo("not_found");
                    }
                }
                case BULK ->
                    assertThat(response.path("results").get(0).path("status").asString())
                            .as(route.toString())
                            .isEqualTo("not_found");
                case LIST -> {
                    assertThat(response.status()).as(route.toString()).isEqualTo(200);
                    assertThat(response.body().toString())
                            .as(route + " shows nothing of store A")
                            .doesNotContain(openDraft, completedDraft, orderId);
                }
                default -> {
                    // acts in store B only
                }
            }
        }
        assertStoreAUnchanged();
    }

    /** Store A's open draft is still open, untouched, with its tags; its order still captured, not refunded. */
    static void assertStoreAUnchanged() {
        var drafts = new Rest(draftUrl, storeA);
        JsonNode draft = drafts.get("/draft-orders/" + openDraft).path("draft_order");
        assertThat(draft.path("status").asString()).as("store A's open draft").isEqualTo("open");
        assertThat(draft.path("note").isNull() || draft.path("note").isMissingNode())
                .as("no note from B")
                .isTrue();
        assertThat(draft.path("tags").asString()).as("no tag from B").doesNotContain("from-b");
        assertThat(drafts.get("/draft-orders/" + completedDraft)
                        .path("draft_order", "status")
                        .asString())
                .isEqualTo("completed");
        JsonNode order = new Rest(orderUrl, storeA).get("/orders/" + orderId).body();
        assertThat(order.path("payment_status").asString())
                .as("store A's order")
                .isEqualTo("captured");
        assertThat(new Rest(stack.service("cart-service").url(), storeA)
                        .get("/discount-codes/" + DISCOUNT_CODE)
                        .path("discount_code", "title")
                        .asString())
                .as("store A's discount code")
                .isEqualTo("Store A only");
        assertThat(ids(drafts.get("/draft-orders?limit=250")))
                .as("no draft was added to store A")
                .containsExactlyInAnyOrder(openDraft, completedDraft);
    }

    @Test
    void listsNeverShowAnotherStoresDrafts() {
        var drafts = new Rest(draftUrl, storeB);
        String own = created(drafts, "9.00");

        List<String> seenByB = ids(drafts.get("/draft-orders?limit=250"));
        List<String> seenByA = ids(new Rest(draftUrl, storeA).get("/draft-orders?limit=250"));

        assertThat(seenByB).contains(own).doesNotContain(openDraft, completedDraft);
        assertThat(seenByA).contains(openDraft, completedDraft).doesNotContain(own);
        assertThat(new Rest(orderUrl, storeB)
                        .get("/orders?draft_order_id=" + completedDraft)
                        .path("orders"))
                .isEmpty();
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
    void thePublicInvoiceViewNeedsNoBearerTokenButItsSignedLinkToken() {
        for (Route route : routes()) {
            if (route.access() != Access.PUBLIC) {
                continue;
            }
            var response = route.send(null);
            assertThat(response.status()).as(route.toString()).isEqualTo(403);
            assertThat(response.path("code").asString()).as(route.toString()).isEqualTo("invalid_token");
        }
    }

    @Test
    void theApiDocumentsNeedNoToken() {
        for (Route route : routes()) {
            if (route.access() == Access.API_DOCUMENT) {
                assertThat(route.send(null).status()).as(route.toString()).isEqualTo(200);
            }
        }
    }

    @Test
    void healthNeedsNoToken() {
        assertThat(Rest.withToken(draftUrl, null).get("/actuator/health").status())
                .isEqualTo(200);
        assertThat(Rest.withToken(orderUrl, null).get("/actuator/health").status())
                .isEqualTo(200);
    }
}
