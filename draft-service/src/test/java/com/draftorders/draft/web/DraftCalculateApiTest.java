package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.draftorders.draft.support.CartServiceStub.Answer;
import com.draftorders.draft.support.DraftServiceTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /draft-orders/calculate}: validated like create, calculated by cart-service, saved nowhere. */
class DraftCalculateApiTest extends DraftServiceTestBase {

    private static final String BODY = """
            {"draft_order": {"currency": "EUR", "email": "ada@example.com", "tags": "phone",
              "line_items": [{"variant_id": "var_mug", "title": "Mug", "price": "19.99", "quantity": 2, "grams": 350,
                              "applied_discount": {"title": "Bundle", "value_type": "percentage", "value": "10"}}],
              "shipping_line": {"title": "DHL", "price": "4.95"},
              "shipping_address": {"first_name": "Ada", "city": "Berlin", "country_code": "DE"}}}
            """;

    @BeforeEach
    void cartServiceCalculatesAsItWould() {
        CART_SERVICE.reset();
        CART_SERVICE.answer(request -> {
            JsonNode cart = JSON.readTree(request);
            String lineId = cart.path("line_items").get(0).path("id").asString();
            return new Answer(200, """
                    {"id": null, "locked": false, "currency": "EUR",
                     "line_items": [{"line_item_id": "%s", "price": "19.99", "quantity": 2,
                                     "applied_discount": {"value_type": "PERCENTAGE", "percentage": "10", "amount": "4.00"},
                                     "discounted_total": "35.98",
                                     "tax_lines": [{"title": "VAT", "rate": "0.19", "price": "6.84"}]}],
                     "applied_discount": null,
                     "shipping_line": {"title": "DHL", "price": "4.95",
                                       "tax_lines": [{"title": "VAT", "rate": "0.19", "price": "0.94"}]},
                     "tax_lines": [{"title": "VAT", "rate": "0.19", "price": "7.78"}],
                     "totals": {"line_items_subtotal_price": "39.98", "total_discounts": "4.00",
                                "subtotal_price": "35.98", "total_shipping_price": "4.95", "total_tax": "7.78",
                                "total_price": "48.71", "total_quantity": 2, "total_weight": 700}}
                    """.formatted(lineId));
        });
    }

    @Test
    void theDraftIsCalculatedByCartServiceAndShownReadyWithItsTotalsButNoIdOrName() {
        String store = newStore();

        var response = post("/draft-orders/calculate", store, BODY, "Authorization", "Bearer token-1");

        assertThat(response.status()).isEqualTo(200);
        var draft = response.path("draft_order");
        assertThat(draft.path("ready").asBoolean()).isTrue();
        assertThat(draft.path("id").isNull()).isTrue();
        assertThat(draft.path("name").isNull()).isTrue();
        assertThat(draft.path("cart_id").isNull()).isTrue();
        assertThat(draft.path("total_price").asString()).isEqualTo("48.71");
        assertThat(draft.path("total_tax").asString()).isEqualTo("7.78");
        assertThat(draft.path("subtotal_price").asString()).isEqualTo("35.98");
        assertThat(draft.path("total_weight").asLong()).isEqualTo(700);
        var line = draft.path("line_items").get(0);
        assertThat(line.path("discounted_total").asString()).isEqualTo("35.98");
        assertThat(line.path("applied_discount").path("amount").asString()).isEqualTo("4.00");
        assertThat(line.path("tax_lines").get(0).path("price").asString()).isEqualTo("6.84");
        assertThat(draft.path("shipping_line")
                        .path("tax_lines")
                        .get(0)
                        .path("price")
                        .asString())
                .isEqualTo("0.94");
        assertThat(draft.path("email").asString()).isEqualTo("ada@example.com");
    }

    @Test
    void cartServiceGetsTheContentWithTheCallersAuthorizationAndStore() {
        String store = newStore();

        post("/draft-orders/calculate", store, BODY, "Authorization", "Bearer token-1");

        assertThat(CART_SERVICE.received()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/carts/calculate");
            assertThat(request.header("Authorization")).isEqualTo("Bearer token-1");
            assertThat(request.header("X-Store-Id")).isEqualTo(store);
            JsonNode cart = JSON.readTree(request.body());
            assertThat(cart.path("currency").asString()).isEqualTo("EUR");
            assertThat(cart.path("line_items").get(0).path("price").asString()).isEqualTo("19.99");
            assertThat(cart.path("line_items").get(0).path("quantity").asInt()).isEqualTo(2);
            assertThat(cart.path("line_items")
                            .get(0)
                            .path("applied_discount")
                            .path("value_type")
                            .asString())
                    .isEqualTo("percentage");
            assertThat(cart.path("shipping_line").path("price").asString()).isEqualTo("4.95");
            assertThat(cart.path("shipping_address").path("country_code").asString())
                    .isEqualTo("DE");
        });
    }

    @Test
    void nothingIsSavedAndNothingIsPublished() {
        String store = newStore();

        assertThat(post("/draft-orders/calculate", store, BODY).status()).isEqualTo(200);

        assertThat(mongo.count(query(where("storeId").is(store)), "draft_orders"))
                .isZero();
        assertThat(recorded().ofStore(store)).isEmpty();
        assertThat(get("/draft-orders", store).path("draft_orders").size()).isZero();
    }

    @Test
    void anInvalidDraftIsRefusedLikeOnCreateWithoutAskingCartService() {
        String store = newStore();

        var response = post("/draft-orders/calculate", store, """
                {"draft_order": {"currency": "EUR",
                  "line_items": [{"title": "Mug", "price": "-1", "quantity": 0}]}}
                """);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("code").asString()).isEqualTo("invalid");
        assertThat(response.raw()).contains("line_items[0].price", "line_items[0].quantity");
        assertThat(CART_SERVICE.received()).isEmpty();
    }

    @Test
    void whenCartServiceFailsTheAnswerIs503() {
        String store = newStore();
        CART_SERVICE.answer(request -> new Answer(500, "{\"code\": \"boom\"}"));

        var response = post("/draft-orders/calculate", store, BODY);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.path("code").asString()).isEqualTo("cart_service_unavailable");
    }
}
