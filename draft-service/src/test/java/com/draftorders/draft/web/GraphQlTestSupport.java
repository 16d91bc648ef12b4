package com.draftorders.draft.web;

import com.draftorders.draft.support.DraftServiceTestBase;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** GraphQL documents sent as plain HTTP JSON ({@code {"query": ..., "variables": ...}}) to {@code POST /graphql}. */
abstract class GraphQlTestSupport extends DraftServiceTestBase {

    /** Sends {@code document} with {@code variables} (JSON, or null) for {@code store}; returns the whole answer. */
    protected Response graphQl(String store, String document, String variables, String... headers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        if (variables != null) {
            body.put("variables", JSON.readTree(variables));
        }
        return post("/graphql", store, JSON.writeValueAsString(body), headers);
    }

    /** The {@code data} of an answer that must have no {@code errors}. */
    protected JsonNode data(Response response) {
        if (response.status() != 200 || response.body().has("errors")) {
            throw new AssertionError("GraphQL answered " + response.status() + ": " + response.raw());
        }
        return response.path("data");
    }

    static final String DRAFT_FIELDS = """
            id legacyResourceId name status ready email note2 tags currencyCode
            lineItems(first: 10) { nodes { id title name quantity custom sku variant { id }
              weight { unit value }
              appliedDiscount { title value valueType }
              originalUnitPriceSet { shopMoney { amount currencyCode } } } }
            appliedDiscount { title value valueType }
            shippingLine { title originalPriceSet { shopMoney { amount } } }
            shippingAddress { firstName city countryCodeV2 }
            subtotalPriceSet { shopMoney { amount currencyCode } }
            totalPriceSet { shopMoney { amount currencyCode } presentmentMoney { amount currencyCode } }
            totalTaxSet { shopMoney { amount } }
            order { id name }
            allVariantPricesOverridden anyVariantPricesOverridden defaultCursor transformerFingerprint
            """;

    static final String CREATE = """
            mutation draftOrderCreate($input: DraftOrderInput!) {
              draftOrderCreate(input: $input) {
                draftOrder { %s }
                userErrors { field message code }
              }
            }
            """.formatted(DRAFT_FIELDS);

    static final String GET = "query ($id: ID!) { draftOrder(id: $id) { %s } }".formatted(DRAFT_FIELDS);

    /** The walk-through's phone sale: two variant lines (one discounted), a custom line, shipping, an address. */
    static final String PHONE_SALE = """
            {"input": {
              "currencyCode": "EUR",
              "email": "ada@example.com",
              "lineItems": [
                {"variantId": "gid://shopify/ProductVariant/var_mug", "sku": "MUG-1", "title": "Mug",
                 "originalUnitPrice": "19.99", "quantity": 2, "weight": {"value": 350, "unit": "GRAMS"}},
                {"variantId": "var_coaster", "title": "Coaster", "originalUnitPrice": "5.00", "quantity": 3,
                 "weight": {"value": 0.1, "unit": "KILOGRAMS"},
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

    /** Creates the phone sale for {@code store} over GraphQL; returns its global id. */
    protected String createPhoneSale(String store) {
        JsonNode payload = data(graphQl(store, CREATE, PHONE_SALE)).path("draftOrderCreate");
        if (!payload.path("userErrors").isEmpty()) {
            throw new AssertionError("create refused: " + payload);
        }
        return payload.path("draftOrder").path("id").asString();
    }

    static String plainId(String gid) {
        return gid.substring(gid.lastIndexOf('/') + 1);
    }
}
