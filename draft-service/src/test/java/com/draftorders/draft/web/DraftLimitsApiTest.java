package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.draft.support.DraftServiceTestBase;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The input limits of FEATURES.md "Security" over REST (the same {@code DraftValidation} as the Kafka intake): at most
 * 499 line items, bounded strings and quantities, money that cannot overflow; each answered 422 naming the field.
 * And a store outside the directory is refused with 403 {@code unknown_store}.
 */
class DraftLimitsApiTest extends DraftServiceTestBase {

    private static String line(String fields) {
        return "{\"title\": \"Mug\", \"price\": \"1.00\", \"quantity\": 1" + (fields.isEmpty() ? "" : ", " + fields)
                + "}";
    }

    private static String draft(List<String> lines, String fields) {
        return "{\"draft_order\": {\"currency\": \"EUR\", \"line_items\": [" + String.join(", ", lines) + "]"
                + (fields.isEmpty() ? "" : ", " + fields) + "}}";
    }

    private static String lines(int count) {
        return IntStream.range(0, count).mapToObj(i -> line("")).collect(Collectors.joining(", "));
    }

    private List<String> refusedFields(String body) {
        String store = newStore();
        var response = post("/draft-orders", store, body);
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(get("/draft-orders", store).path("draft_orders"))
                .as("nothing created")
                .isEmpty();
        return response.path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
    }

    @Test
    void fiveHundredLineItemsAreRefusedAndFourHundredNinetyNineAccepted() {
        assertThat(refusedFields(draft(List.of(lines(500)), ""))).containsExactly("line_items");
        assertThat(post("/draft-orders", newStore(), draft(List.of(lines(499)), ""))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void overlongStringsAreRefusedNamingTheirField() {
        String t256 = "x".repeat(256);
        assertThat(refusedFields(draft(List.of(line("\"sku\": \"" + t256 + "\"")), "")))
                .containsExactly("line_items[0].sku");
        assertThat(refusedFields(draft(List.of(line("")), "\"note\": \"" + "n".repeat(5_001) + "\"")))
                .containsExactly("note");
        assertThat(refusedFields(draft(List.of(line("")), "\"po_number\": \"" + t256 + "\"")))
                .containsExactly("po_number");
        assertThat(refusedFields(draft(
                        List.of(line("")), "\"shipping_line\": {\"title\": \"" + t256 + "\", \"price\": \"1.00\"}")))
                .containsExactly("shipping_line.title");
        assertThat(refusedFields(draft(List.of(line("")), "\"shipping_address\": {\"city\": \"" + t256 + "\"}")))
                .containsExactly("shipping_address.city");
        assertThat(refusedFields(draft(List.of(line("")), "\"tags\": \"" + t256 + "\"")))
                .containsExactly("tags");
    }

    @Test
    void quantitiesOutsideOneToAMillionAreRefused() {
        assertThat(refusedFields(draft(List.of(line("\"quantity\": 1000001").replace("\"quantity\": 1,", "")), "")))
                .containsExactly("line_items[0].quantity");
        assertThat(refusedFields(draft(List.of(line("\"quantity\": 0").replace("\"quantity\": 1,", "")), "")))
                .containsExactly("line_items[0].quantity");
    }

    @Test
    void anUnknownCurrencyIsReportedTogetherWithEveryOtherInvalidField() {
        assertThat(refusedFields("""
                        {"draft_order": {"currency": "EURO", "email": "nope",
                          "line_items": [{"title": "", "price": "-1", "quantity": 2000000}]}}
                        """))
                .contains("currency", "email", "line_items[0].title", "line_items[0].price", "line_items[0].quantity");
    }

    @Test
    void anInvalidCountryOrProvinceIsRefusedNamingTheField() {
        assertThat(refusedFields(draft(List.of(line("")), "\"shipping_address\": {\"country_code\": \"ZZ\"}")))
                .containsExactly("shipping_address.country_code");
        assertThat(refusedFields(draft(
                        List.of(line("")),
                        "\"shipping_address\": {\"country_code\": \"US\", \"province_code\": \"XX\"}")))
                .containsExactly("shipping_address.province_code");
    }

    @Test
    void moneyThatCouldOverflowIsRefused() {
        // a price beyond a long
        assertThat(refusedFields(draft(List.of(line("").replace("\"1.00\"", "\"99999999999999999999.00\"")), "")))
                .containsExactly("line_items[0].price");
        // each within the limits, but price x quantity is 10^19 minor units: more than a long holds
        assertThat(refusedFields(draft(
                        List.of("{\"title\": \"Mug\", \"price\": \"100000000000.00\", \"quantity\": 1000000}"), "")))
                .containsExactly("line_items");
        assertThat(refusedFields(draft(
                        List.of(line("")), "\"shipping_line\": {\"title\": \"DHL\", \"price\": \"100000000000.01\"}")))
                .containsExactly("shipping_line.price");
    }

    @Test
    void completionAndCancellationInputsAreBounded() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var complete = post(
                "/draft-orders/" + id + "/complete",
                store,
                "{\"payment_gateway\": \"Not A Gateway\", \"payment_terms\": {\"net_days\": 366}}");
        var cancel = post("/draft-orders/" + id + "/cancel", store, "{\"reason\": \"" + "r".repeat(256) + "\"}");

        assertThat(complete.status()).isEqualTo(422);
        assertThat(complete.path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .containsExactly("payment_terms.net_days", "payment_gateway");
        assertThat(cancel.status()).isEqualTo(422);
        assertThat(cancel.path("errors").get(0).path("field").asString()).isEqualTo("reason");
        assertThat(get("/draft-orders/" + id, store)
                        .path("draft_order", "status")
                        .asString())
                .isEqualTo("open");
    }

    @Test
    void aStoreOutsideTheDirectoryIsRefusedWith403UnknownStore() {
        var list = get("/draft-orders", "not-a-known-store");
        var create = post("/draft-orders", "not-a-known-store", draft(List.of(line("")), ""));
        var withKey = post(
                "/draft-orders", "not-a-known-store", draft(List.of(line("")), ""), "Idempotency-Key", "k-unknown");

        for (var response : List.of(list, create, withKey)) {
            assertThat(response.status()).as(response.raw()).isEqualTo(403);
            assertThat(response.path("code").asString()).isEqualTo("unknown_store");
        }
        assertThat(get("/draft-orders", newStore()).status())
                .as("a known store")
                .isEqualTo(200);
    }
}
