package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.messaging.security.Scopes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Shopify's draft-order GraphQL Admin API against the whole stack: GraphQL documents as plain HTTP JSON to
 * {@code POST /graphql} with a bearer token, no client of this project in between. The walk-through's phone sale is
 * created, calculated by cart-service, completed through the saga, and its order captured with the same total.
 */
@Tag("e2e")
class GraphQlEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static EmbeddedStack stack;
    static Rest graphQl;
    static Rest orders;

    @BeforeAll
    static void stack() {
        stack = TestStack.shared();
        graphQl = new Rest(stack.service("draft-service").url(), "e2e_graphql");
        orders = new Rest(stack.service("order-service").url(), "e2e_graphql");
    }

    static final String PHONE_SALE = """
            {"input": {
              "currencyCode": "EUR",
              "email": "ada@example.com",
              "lineItems": [
                {"variantId": "gid://shopify/ProductVariant/var_mug", "sku": "MUG-1", "title": "Mug",
                 "originalUnitPrice": "19.99", "quantity": 2, "weight": {"value": 350, "unit": "GRAMS"}},
                {"variantId": "var_coaster", "title": "Coaster", "originalUnitPrice": "5.00", "quantity": 3,
                 "weight": {"value": 100, "unit": "GRAMS"},
                 "appliedDiscount": {"title": "Bundle", "valueType": "PERCENTAGE", "value": 10}},
                {"title": "Gift wrapping", "originalUnitPrice": "2.50", "quantity": 1}
              ],
              "appliedDiscount": {"title": "Loyalty", "valueType": "PERCENTAGE", "value": 10},
              "shippingLine": {"title": "DHL Standard", "price": "4.95"},
              "shippingAddress": {"firstName": "Ada", "lastName": "Lovelace", "address1": "Unter den Linden 1",
                                  "city": "Berlin", "zip": "10117", "countryCode": "DE"},
              "note": "Called in, wants it before Friday",
              "tags": ["phone", "vip"]
            }}
            """;

    @Test
    void thePhoneSaleCreatedOverGraphQlCompletesIntoACapturedOrderWithTheSameTotal() {
        JsonNode created = data(send(graphQl, """
                        mutation draftOrderCreate($input: DraftOrderInput!) {
                          draftOrderCreate(input: $input) {
                            draftOrder { id name status ready }
                            userErrors { field message code }
                          }
                        }
                        """, PHONE_SALE)).path("draftOrderCreate");
        assertThat(created.path("userErrors").isEmpty()).isTrue();
        String gid = created.path("draftOrder").path("id").asString();
        assertThat(gid).startsWith("gid://shopify/DraftOrder/");

        JsonNode ready = Eventually.await(
                "draft ready",
                SAGA,
                () -> data(send(graphQl, """
                                query ($id: ID!) {
                                  draftOrder(id: $id) {
                                    ready
                                    subtotalPriceSet { shopMoney { amount currencyCode } }
                                    totalTaxSet { shopMoney { amount } }
                                    totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount } }
                                    lineItems(first: 5) { nodes { title discountedTotalSet { shopMoney { amount } } } }
                                  }
                                }
                                """, vars("id", gid))).path("draftOrder"),
                d -> d.path("ready").asBoolean());
        assertThat(ready.path("subtotalPriceSet")
                        .path("shopMoney")
                        .path("amount")
                        .asString())
                .isEqualTo("50.38");
        assertThat(ready.path("totalTaxSet").path("shopMoney").path("amount").asString())
                .isEqualTo("10.52");
        assertThat(ready.path("totalPriceSet").path("shopMoney").path("amount").asString())
                .isEqualTo("65.85");
        assertThat(ready.path("totalPriceSet")
                        .path("shopMoney")
                        .path("currencyCode")
                        .asString())
                .isEqualTo("EUR");
        assertThat(ready.path("lineItems")
                        .path("nodes")
                        .get(0)
                        .path("discountedTotalSet")
                        .path("shopMoney")
                        .path("amount")
                        .asString())
                .isEqualTo("35.98");

        JsonNode completing = data(send(graphQl, """
                        mutation ($id: ID!) {
                          draftOrderComplete(id: $id, paymentPending: false) {
                            draftOrder { status }
                            userErrors { field message code }
                          }
                        }
                        """, vars("id", gid))).path("draftOrderComplete");
        assertThat(completing.path("userErrors").isEmpty()).isTrue();
        assertThat(completing.path("draftOrder").path("status").asString()).isEqualTo("COMPLETING");

        JsonNode completed = Eventually.await(
                "draft completed",
                SAGA,
                () -> data(send(
                                graphQl,
                                "query ($id: ID!) { draftOrder(id: $id) { status order { id name } } }",
                                vars("id", gid)))
                        .path("draftOrder"),
                d -> d.path("status").asString().equals("COMPLETED")
                        && !d.path("order").path("name").isNull());
        String orderGid = completed.path("order").path("id").asString();
        assertThat(orderGid).startsWith("gid://shopify/Order/order_");
        assertThat(completed.path("order").path("name").asString()).startsWith("#");

        String orderId = orderGid.substring(orderGid.lastIndexOf('/') + 1);
        JsonNode order = Eventually.await(
                "order captured",
                SAGA,
                () -> orders.get("/orders/" + orderId).body(),
                o -> o.path("payment_status").asString().equals("captured"));
        assertThat(order.path("total_price").asString()).isEqualTo("65.85");
        assertThat(order.path("draft_order_id").asString()).isEqualTo(gid.substring(gid.lastIndexOf('/') + 1));

        JsonNode again = data(send(
                        graphQl,
                        "mutation ($id: ID!) { draftOrderComplete(id: $id) { draftOrder { status }"
                                + " userErrors { field message code } } }",
                        vars("id", gid)))
                .path("draftOrderComplete");
        assertThat(again.path("userErrors").get(0).path("code").asString()).isEqualTo("ALREADY_COMPLETED");
    }

    @Test
    void draftOrdersPagesThroughAStoresOpenPhoneDraftsWithAfter() {
        Rest store = new Rest(stack.service("draft-service").url(), "e2e_graphql_paging");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(data(send(
                            store,
                            "mutation ($input: DraftOrderInput!) { draftOrderCreate(input: $input) {"
                                    + " draftOrder { id } } }",
                            PHONE_SALE))
                    .path("draftOrderCreate")
                    .path("draftOrder")
                    .path("id")
                    .asString());
        }
        String page = """
                query ($after: String) {
                  draftOrders(first: 2, after: $after, query: "status:open tag:phone") {
                    nodes { id }
                    pageInfo { hasNextPage endCursor }
                  }
                }
                """;

        JsonNode first = data(send(store, page, "{}")).path("draftOrders");
        JsonNode second = data(send(
                        store,
                        page,
                        vars("after", first.path("pageInfo").path("endCursor").asString())))
                .path("draftOrders");

        assertThat(first.path("nodes").valueStream().map(n -> n.path("id").asString()))
                .containsExactly(ids.get(0), ids.get(1));
        assertThat(first.path("pageInfo").path("hasNextPage").asBoolean()).isTrue();
        assertThat(second.path("nodes").valueStream().map(n -> n.path("id").asString()))
                .containsExactly(ids.get(2));
        assertThat(second.path("pageInfo").path("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void anotherStoresDraftIsNullAndAMissingScopeIsAnErrorNamingIt() {
        String gid = data(send(
                        graphQl,
                        "mutation ($input: DraftOrderInput!) { draftOrderCreate(input: $input) {"
                                + " draftOrder { id } } }",
                        PHONE_SALE))
                .path("draftOrderCreate")
                .path("draftOrder")
                .path("id")
                .asString();

        Rest otherStore = new Rest(stack.service("draft-service").url(), "other-store");
        assertThat(data(send(otherStore, "query ($id: ID!) { draftOrder(id: $id) { id } }", vars("id", gid)))
                        .path("draftOrder")
                        .isNull())
                .isTrue();

        Rest readOnly =
                new Rest(stack.service("draft-service").url(), "e2e_graphql", List.of(Scopes.READ_DRAFT_ORDERS));
        Rest.Response refused =
                send(readOnly, "mutation { draftOrderDelete(input: {id: \"" + gid + "\"}) { deletedId } }", null);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.path("errors").get(0).path("message").asString()).contains("write_draft_orders");
    }

    @Test
    void graphiQlIsServedWithoutATokenWhileTheEndpointNeedsOne() {
        Rest anonymous = Rest.withToken(stack.service("draft-service").url(), null);

        Rest.Response page = anonymous.get("/graphiql?path=/graphql");
        Rest.Response query = send(anonymous, "{ draftOrders(first: 1) { nodes { id } } }", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().asString()).containsIgnoringCase("graphiql");
        assertThat(query.status()).isEqualTo(401);
    }

    private static Rest.Response send(Rest client, String document, String variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        if (variables != null) {
            body.put("variables", Rest.JSON.readTree(variables));
        }
        return client.post("/graphql", Rest.JSON.writeValueAsString(body));
    }

    private static JsonNode data(Rest.Response response) {
        if (response.status() != 200 || response.body().has("errors")) {
            throw new AssertionError("GraphQL answered " + response.status() + ": " + response.body());
        }
        return response.path("data");
    }

    private static String vars(String name, String value) {
        return Rest.JSON.writeValueAsString(Map.of(name, value));
    }
}
