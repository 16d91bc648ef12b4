package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.cart.ReplaceCartContent;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderUpdated;
import com.draftorders.draft.support.DraftServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PATCH /draft-orders/{id}: partial updates with optimistic concurrency, and the new content fields. */
class DraftUpdateApiTest extends DraftServiceTestBase {

    private Response patch(String store, String id, String body, String... headers) {
        return send("PATCH", "/draft-orders/" + id, store, body, headers);
    }

    @Test
    void billingMatchesShippingCopiesTheShippingAddressIntoTheBillingAddressAndIsPublished() {
        String store = newStore();
        var created = post("/draft-orders", store, """
                {"draft_order": {"currency": "EUR", "email": "ada@example.com", "phone": "+49 30 1234567",
                  "line_items": [{"title": "Mug", "price": "19.99", "quantity": 1}],
                  "shipping_address": {"first_name": "Ada", "last_name": "Lovelace", "address1": "Unter den Linden 1",
                                       "city": "Berlin", "zip": "10117", "country_code": "DE"},
                  "billing_matches_shipping": true}}
                """);

        assertThat(created.status()).isEqualTo(201);
        JsonNode draft = created.path("draft_order");
        String id = draft.path("id").asString();
        assertThat(draft.path("billing_matches_shipping").asBoolean()).isTrue();
        assertThat(draft.path("billing_address")).isEqualTo(draft.path("shipping_address"));
        assertThat(draft.path("phone").asString()).isEqualTo("+49 30 1234567");
        assertThat(draftEvents(id, DraftOrderCreated.class))
                .singleElement()
                .satisfies(e -> assertThat(e.getDraftOrder().getContent().getBillingAddress())
                        .isEqualTo(e.getDraftOrder().getContent().getShippingAddress()));

        var moved = patch(store, id, """
                {"draft_order": {"shipping_address": {"first_name": "Ada", "last_name": "Lovelace",
                  "address1": "Marienplatz 1", "city": "München", "zip": "80331", "country_code": "DE"}}}
                """);
        assertThat(moved.path("draft_order", "billing_matches_shipping").asBoolean())
                .as("the billing address stays where it was; the flag tells")
                .isFalse();

        var contradicting = patch(store, id, """
                {"draft_order": {"billing_matches_shipping": true,
                  "billing_address": {"first_name": "Someone", "last_name": "Else", "city": "Hamburg", "country_code": "DE"}}}
                """);
        assertThat(contradicting.status()).isEqualTo(422);
        assertThat(contradicting.path("errors").get(0).path("field").asString()).isEqualTo("billing_address");
    }

    @Test
    void aPartialUpdateChangesOnlyTheGivenFieldsAndWaitsForTheCartToRecalculate() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", "phone"));
        var before = get("/draft-orders/" + id, store);
        assertThat(before.header("ETag")).contains("\"2\"");
        String lineId =
                before.path("draft_order", "line_items").get(0).path("id").asString();

        var response = patch(store, id, """
                {"draft_order": {
                  "line_items": [{"id": "%s", "variant_id": "var_mug", "title": "Mug", "price": "19.99", "quantity": 3},
                                 {"title": "Gift wrap", "price": "2.50"}],
                  "note": "deliver before Friday",
                  "shipping_line": null}}
                """.formatted(lineId), "If-Match", "\"2\"");

        assertThat(response.status()).isEqualTo(200);
        JsonNode draft = response.path("draft_order");
        assertThat(draft.path("version").asLong()).isEqualTo(3);
        assertThat(response.header("ETag")).contains("\"3\"");
        assertThat(draft.path("ready").asBoolean()).isFalse();
        assertThat(draft.path("total_price").asString())
                .as("the last totals stay visible while the cart recalculates")
                .isEqualTo(before.path("draft_order", "total_price").asString());
        assertThat(draft.path("line_items")).hasSize(2);
        assertThat(draft.path("line_items").get(0).path("id").asString()).isEqualTo(lineId);
        assertThat(draft.path("line_items").get(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(draft.path("note").asString()).isEqualTo("deliver before Friday");
        assertThat(draft.path("shipping_line").isNull()).isTrue();
        assertThat(draft.path("email").asString()).isEqualTo("ada@example.com");
        assertThat(draft.path("tags").asString()).isEqualTo("phone");

        String cartId = draft.path("cart_id").asString();
        assertThat(cartCommands(cartId, ReplaceCartContent.class))
                .singleElement()
                .satisfies(replace -> {
                    assertThat(replace.getDraftVersion()).isEqualTo(3);
                    assertThat(replace.getContent().getLineItems()).hasSize(2);
                    assertThat(replace.getContent().getShippingLine()).isNull();
                });
        assertThat(draftEvents(id, DraftOrderUpdated.class))
                .filteredOn(u -> u.getDraftOrder().getVersion() == 3)
                .singleElement()
                .satisfies(u -> assertThat(u.getDraftOrder().getReady()).isFalse());

        calculate(store, id);
        var ready = get("/draft-orders/" + id, store).path("draft_order");
        assertThat(ready.path("ready").asBoolean()).isTrue();
        assertThat(ready.path("total_price").asString()).isEqualTo("62.47");
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailureAndChangesNothing() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var response = patch(store, id, "{\"draft_order\": {\"note\": \"late\"}}", "If-Match", "\"1\"");

        assertThat(response.status()).isEqualTo(412);
        assertThat(response.path("code").asString()).isEqualTo("version_mismatch");
        var draft = get("/draft-orders/" + id, store).path("draft_order");
        assertThat(draft.path("version").asLong()).isEqualTo(2);
        assertThat(draft.path("note").isNull()).isTrue();
    }

    @Test
    void withoutIfMatchTheUpdateAppliesToTheCurrentVersion() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var response = patch(store, id, "{\"draft_order\": {\"note\": \"call first\", \"tags\": \"vip, phone\"}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.path("draft_order", "ready").asBoolean()).isTrue();
        assertThat(response.path("draft_order", "tags").asString()).isEqualTo("vip, phone");
    }

    @Test
    void anUpdateThatChangesNothingKeepsTheVersionAndPublishesNothing() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", "vip"));
        int updates = draftEvents(id, DraftOrderUpdated.class).size();

        var response = patch(store, id, "{\"draft_order\": {\"email\": \"ada@example.com\", \"tags\": \"vip\"}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.path("draft_order", "version").asLong()).isEqualTo(2);
        assertThat(draftEvents(id, DraftOrderUpdated.class)).hasSize(updates);
    }

    @Test
    void aCompletingDraftCannotBeEdited() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));
        assertThat(post("/draft-orders/" + id + "/complete", store, "{}").status())
                .isEqualTo(202);

        var response = patch(store, id, "{\"draft_order\": {\"note\": \"too late\"}}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("code").asString()).isEqualTo("not_editable");
    }

    @Test
    void invalidValuesAreRefusedWithEveryFieldAndChangeNothing() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var response = patch(store, id, """
                {"draft_order": {"currency": "USD", "email": "not-an-email",
                  "line_items": [{"title": "Mug", "price": "-1", "quantity": 0}],
                  "metafields": [{"namespace": "erp", "key": "", "value": "1"}]}}
                """);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .contains("currency", "email", "line_items[0].price", "line_items[0].quantity", "metafields[0].key");
        assertThat(get("/draft-orders/" + id, store)
                        .path("draft_order", "version")
                        .asLong())
                .isEqualTo(2);
    }

    @Test
    void anotherStoresOrADeletedDraftIsNotFound() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        assertThat(patch(newStore(), id, "{\"draft_order\": {\"note\": \"x\"}}").status())
                .isEqualTo(404);
        assertThat(send("DELETE", "/draft-orders/" + id, store, null).status()).isEqualTo(204);
        assertThat(patch(store, id, "{\"draft_order\": {\"note\": \"x\"}}").status())
                .isEqualTo(404);
    }

    @Test
    void metafieldsCustomAttributesAndTheOtherDetailsAreStoredReturnedAndPublished() {
        String store = newStore();
        var created = post("/draft-orders", store, """
                {"draft_order": {"currency": "EUR", "email": "ada@example.com",
                  "line_items": [{"title": "Consulting", "price": "100.00"}],
                  "metafields": [{"namespace": "erp", "key": "customer_no", "value": "4711"}],
                  "custom_attributes": [{"key": "gift_wrap", "value": "yes"}],
                  "po_number": "PO-2025-17", "source_name": "phone", "visible_to_customer": true,
                  "reserve_inventory_until": "2030-01-31T12:00:00Z"}}
                """);

        assertThat(created.status()).isEqualTo(201);
        String id = created.path("draft_order", "id").asString();
        JsonNode draft = get("/draft-orders/" + id, store).path("draft_order");
        assertThat(draft.path("metafields").get(0).path("namespace").asString()).isEqualTo("erp");
        assertThat(draft.path("metafields").get(0).path("type").asString()).isEqualTo("single_line_text_field");
        assertThat(draft.path("custom_attributes").get(0).path("value").asString())
                .isEqualTo("yes");
        assertThat(draft.path("po_number").asString()).isEqualTo("PO-2025-17");
        assertThat(draft.path("source_name").asString()).isEqualTo("phone");
        assertThat(draft.path("visible_to_customer").asBoolean()).isTrue();
        assertThat(draft.path("reserve_inventory_until").asString()).isEqualTo("2030-01-31T12:00:00Z");
        assertThat(draftEvents(id, DraftOrderCreated.class)).singleElement().satisfies(e -> {
            var snapshot = e.getDraftOrder();
            assertThat(snapshot.getMetafields()).singleElement().satisfies(m -> {
                assertThat(m.getKey()).isEqualTo("customer_no");
                assertThat(m.getValue()).isEqualTo("4711");
            });
            assertThat(snapshot.getCustomAttributes())
                    .singleElement()
                    .satisfies(a -> assertThat(a.getKey()).isEqualTo("gift_wrap"));
            assertThat(snapshot.getPoNumber()).isEqualTo("PO-2025-17");
            assertThat(snapshot.getSourceName()).isEqualTo("phone");
            assertThat(snapshot.getVisibleToCustomer()).isTrue();
            assertThat(snapshot.getReserveInventoryUntil()).isEqualTo("2030-01-31T12:00:00Z");
        });

        var cleared = send("PATCH", "/draft-orders/" + id, store, """
                {"draft_order": {"metafields": null, "po_number": null, "visible_to_customer": false}}
                """);
        assertThat(cleared.path("draft_order", "metafields")).isEmpty();
        assertThat(cleared.path("draft_order", "po_number").isNull()).isTrue();
        assertThat(cleared.path("draft_order", "custom_attributes")).hasSize(1);
        assertThat(cleared.path("draft_order", "visible_to_customer").asBoolean())
                .isFalse();
    }

    @Test
    void tooManyMetafieldsAreRefusedOnCreate() {
        StringBuilder metafields = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            metafields
                    .append(i == 0 ? "" : ",")
                    .append("{\"namespace\": \"ns\", \"key\": \"k%d\", \"value\": \"v\"}".formatted(i));
        }
        var response = post("/draft-orders", newStore(), """
                {"draft_order": {"line_items": [{"title": "Mug", "price": "1.00"}], "metafields": [%s]}}
                """.formatted(metafields));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors").get(0).path("field").asString()).isEqualTo("metafields");
    }
}
