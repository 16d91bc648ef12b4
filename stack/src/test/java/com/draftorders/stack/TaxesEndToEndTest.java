package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A region without a configured rate is no silent zero: the draft and {@code calculate} carry a {@code no_tax_rate}
 * warning; an invalid country or province is 422 naming the field.
 */
@Tag("e2e")
class TaxesEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static Rest drafts;

    @BeforeAll
    static void stack() {
        drafts = new Rest(TestStack.shared().service("draft-service").url());
    }

    static String shippedTo(String address) {
        return """
                {"draft_order": {"currency": "USD",
                  "line_items": [{"title": "Mug", "price": "10.00", "quantity": 1}],
                  "shipping_address": %s}}
                """.formatted(address);
    }

    @Test
    void calculatingForAStateWithoutARateWarnsThatNoTaxIsCharged() {
        var response = drafts.post(
                "/draft-orders/calculate", shippedTo("{\"country_code\": \"US\", \"province_code\": \"TX\"}"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode draft = response.path("draft_order");
        assertThat(draft.path("total_tax").asString()).isEqualTo("0.00");
        assertThat(draft.path("warnings")).singleElement().satisfies(w -> {
            assertThat(w.path("code").asString()).isEqualTo("no_tax_rate");
            assertThat(w.path("field").asString()).isEqualTo("shipping_address");
            assertThat(w.path("message").asString()).contains("US-TX");
        });
    }

    @Test
    void aDraftShippedToACountryWithoutARateCarriesTheWarningOnceCalculated() {
        String id = drafts.post("/draft-orders", shippedTo("{\"country_code\": \"BR\"}"))
                .path("draft_order", "id")
                .asString();

        JsonNode ready = Eventually.await(
                "ready",
                SAGA,
                () -> drafts.get("/draft-orders/" + id).path("draft_order"),
                d -> d.path("ready").asBoolean());

        assertThat(ready.path("warnings"))
                .extracting(w -> w.path("code").asString())
                .containsExactly("no_tax_rate");
        assertThat(ready.path("total_tax").asString()).isEqualTo("0.00");
    }

    @Test
    void aRegionWithARateHasNoWarning() {
        var response = drafts.post(
                "/draft-orders/calculate", shippedTo("{\"country_code\": \"US\", \"province_code\": \"CA\"}"));

        assertThat(response.path("draft_order", "total_tax").asString()).isEqualTo("0.73");
        assertThat(response.path("draft_order", "warnings")).isEmpty();
    }

    @Test
    void anInvalidCountryIsRefusedNamingTheField() {
        var response = drafts.post("/draft-orders", shippedTo("{\"country_code\": \"ZZ\"}"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors"))
                .extracting(e -> e.path("field").asString())
                .containsExactly("shipping_address.country_code");
    }
}
