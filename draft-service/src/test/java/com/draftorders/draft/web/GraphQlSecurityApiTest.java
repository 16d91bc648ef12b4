package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.security.DevTokens;
import com.draftorders.messaging.security.Scopes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /graphql} with security on, as in production: bearer tokens, scopes per field (queries
 * {@code read_draft_orders}, mutations {@code write_draft_orders}) and the token's store.
 */
class GraphQlSecurityApiTest extends GraphQlTestSupport {

    private static final String SECRET = "a-graphql-test-secret-that-is-long-enough";

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        registry.add("draftorders.security.enabled", () -> "true");
        registry.add("draftorders.security.dev-secret", () -> SECRET);
    }

    private static String bearer(String store, String... scopes) {
        return "Bearer " + DevTokens.mint(SECRET, store, List.of(scopes), Duration.ofMinutes(5));
    }

    @Test
    void withoutATokenTheEndpointAnswers401() {
        var response = graphQl(null, "{ draftOrders(first: 1) { nodes { id } } }", null);

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aMutationWithoutTheWriteScopeIsAnErrorNamingTheScopeAndChangesNothing() {
        String store = newStore();
        String readOnly = bearer(store, Scopes.READ_DRAFT_ORDERS);

        var response = graphQl(null, CREATE, PHONE_SALE, "Authorization", readOnly);

        assertThat(response.status()).isEqualTo(200);
        JsonNode error = response.path("errors").get(0);
        assertThat(error.path("message").asString())
                .contains("draftOrderCreate")
                .contains("write_draft_orders");
        assertThat(error.path("extensions").path("code").asString()).isEqualTo("ACCESS_DENIED");
        assertThat(error.path("extensions").path("requiredAccess").asString()).isEqualTo("write_draft_orders");
        assertThat(response.path("data").path("draftOrderCreate").isNull()).isTrue();
        var list = graphQl(null, "{ draftOrders(first: 5) { nodes { id } } }", null, "Authorization", readOnly);
        assertThat(data(list).path("draftOrders").path("nodes")).isEmpty();
    }

    @Test
    void aQueryWithoutTheReadScopeIsAnErrorNamingTheScope() {
        var response = graphQl(
                null,
                "{ draftOrders(first: 1) { nodes { id } } }",
                null,
                "Authorization",
                bearer(newStore(), Scopes.WRITE_DRAFT_ORDERS));

        assertThat(response.path("errors").get(0).path("message").asString()).contains("read_draft_orders");
    }

    @Test
    void theTokensStoreDecidesAndAnotherStoresDraftIsNull() {
        String store = newStore();
        String owner = bearer(store, Scopes.READ_DRAFT_ORDERS, Scopes.WRITE_DRAFT_ORDERS);
        JsonNode created = data(graphQl("store-ignored", CREATE, PHONE_SALE, "Authorization", owner))
                .path("draftOrderCreate")
                .path("draftOrder");
        String gid = created.path("id").asString();

        String query = "{ draftOrder(id: \"" + gid + "\") { id email } }";
        var other = graphQl(store, query, null, "Authorization", bearer(newStore(), Scopes.READ_DRAFT_ORDERS));
        var own = graphQl(null, query, null, "Authorization", owner);

        assertThat(data(other).path("draftOrder").isNull()).isTrue();
        assertThat(data(own).path("draftOrder").path("email").asString()).isEqualTo("ada@example.com");
    }
}
