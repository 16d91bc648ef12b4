package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.draft.persistence.Drafts;
import com.draftorders.draft.support.CartServiceStub;
import com.draftorders.draft.support.DraftServiceTestBase;
import com.draftorders.messaging.testing.GenerativeRest;
import com.draftorders.messaging.testing.GenerativeRest.Route;
import com.draftorders.messaging.work.Outboxes;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Issue 12's generative test of draft-service: every mutating route gets hundreds of requests derived from a valid
 * one (mutated bodies, odd content types and headers, malformed paths). No answer is a 5xx, every refusal is
 * problem+json, and the store's drafts are unchanged after every refusal. Seeded ({@code -Dgenerative.seed}), sized by
 * {@code -Dgenerative.requests} per route; it prints what it tried and the counts.
 */
class GenerativeDraftApiTest extends DraftServiceTestBase {

    private static final long SEED = Long.getLong("generative.seed", 12L);
    private static final int PER_ROUTE = Integer.getInteger("generative.requests", 150);

    private static final String CREATE = """
            {"draft_order": {"currency": "EUR", "email": "ada@example.com", "phone": "+49 30 1234567",
              "line_items": [
                {"variant_id": "var_mug", "title": "Mug", "price": "19.99", "quantity": 2, "grams": 350,
                 "applied_discount": {"value_type": "percentage", "value": "10", "title": "Loyal"}},
                {"title": "Engraving", "price": "5.00", "quantity": 1, "taxable": false, "requires_shipping": false}],
              "applied_discount": {"value_type": "fixed_amount", "value": "1.00", "title": "Welcome"},
              "shipping_line": {"title": "DHL", "price": "4.95", "code": "dhl"},
              "shipping_address": {"first_name": "Ada", "last_name": "Lovelace", "address1": "Main St 1",
                "city": "Berlin", "zip": "10115", "country_code": "DE"},
              "billing_matches_shipping": true,
              "note": "Please gift wrap.\\nThanks", "tags": "vip, phone",
              "metafields": [{"namespace": "crm", "key": "tier", "value": "gold"}],
              "custom_attributes": [{"key": "gift", "value": "yes"}],
              "po_number": "PO-1", "source_name": "phone", "discount_codes": ["WELCOME10"],
              "presentment_currency": "USD", "exchange_rate": "1.0850",
              "reserve_inventory_until": "2030-01-01T00:00:00Z"}}
            """;

    private static final String CALCULATED = """
            {"id": null, "locked": false, "currency": "EUR",
             "line_items": [{"line_item_id": "%s", "price": "19.99", "quantity": 2, "discounted_total": "39.98",
                             "tax_lines": []}],
             "applied_discount": null, "shipping_line": null, "tax_lines": [],
             "totals": {"line_items_subtotal_price": "39.98", "total_discounts": "0.00", "subtotal_price": "39.98",
                        "total_shipping_price": "0.00", "total_tax": "0.00", "total_price": "39.98",
                        "total_quantity": 2, "total_weight": 700}}
            """;

    private String store;
    private String draftId;

    private void newReadyDraft() {
        draftId = readyDraft(store, CREATE);
    }

    /** The store's drafts as stored, without their outboxes (what a relay may change) and running completions. */
    private Object drafts() {
        List<Document> documents = new ArrayList<>();
        mongo.getCollection(Drafts.COLLECTION)
                .find(Filters.eq("storeId", store))
                .sort(Sorts.ascending("_id"))
                .forEach(document -> {
                    // a completion the test started runs on by its own step timer (retries, then compensation): not the
                    // request's doing
                    Document draft = document.get("draft", Document.class);
                    Number attempts = draft == null ? null : draft.get("completionAttempts", Number.class);
                    if (attempts == null || attempts.intValue() == 0) {
                        document.remove(Outboxes.FIELD);
                        documents.add(document);
                    }
                });
        return documents;
    }

    @Test
    void mutatedRequestsOnEveryMutatingRouteAreAnsweredWithoutA5xxAndRefusalsChangeNothing() {
        store = newStore();
        newReadyDraft();
        // cart-service answers the totals of its first line (what it computes is cart-service's own test)
        CART_SERVICE.answer(request -> {
            String lineId =
                    JSON.readTree(request).path("line_items").path(0).path("id").asString("l1");
            return new CartServiceStub.Answer(200, CALCULATED.formatted(lineId));
        });
        List<Route> routes = List.of(
                new Route("/draft-orders", "POST", () -> "/draft-orders", CREATE),
                new Route("/draft-orders/calculate", "POST", () -> "/draft-orders/calculate", CREATE),
                new Route("/draft-orders/{id}", "PATCH", () -> "/draft-orders/" + draftId, """
                        {"draft_order": {"email": "grace@example.com", "note": "call first", "tags": "a, b",
                          "line_items": [{"title": "Cup", "price": "3.50", "quantity": 3}],
                          "shipping_line": {"title": "UPS", "price": "6.00"}, "discount_codes": ["X1"]}}
                        """),
                new Route("/draft-orders/{id}/complete", "POST", () -> "/draft-orders/" + draftId + "/complete", """
                        {"payment_pending": true, "payment_gateway": "system",
                         "payment_terms": {"net_days": 30}}
                        """),
                new Route("/draft-orders/{id}/cancel", "POST", () -> "/draft-orders/" + draftId + "/cancel", """
                        {"reason": "customer changed their mind"}
                        """),
                new Route(
                        "/draft-orders/{id}/duplicate",
                        "POST",
                        () -> "/draft-orders/" + draftId + "/duplicate",
                        (String) null),
                new Route(
                        "/draft-orders/{id}/send-invoice",
                        "POST",
                        () -> "/draft-orders/" + draftId + "/send-invoice",
                        """
                        {"draft_order_invoice": {"to": "ada@example.com", "from": "shop@example.com",
                          "subject": "Your order", "custom_message": "Hello Ada,\\nhere it is."}}
                        """),
                new Route("/draft-orders/{id}", "DELETE", () -> "/draft-orders/" + draftId, (String) null),
                new Route(
                        "/draft-orders/bulk/add-tags",
                        "POST",
                        () -> "/draft-orders/bulk/add-tags",
                        () -> "{\"ids\": [\"" + draftId + "\"], \"tags\": \"x, y\"}"),
                new Route(
                        "/draft-orders/bulk/remove-tags",
                        "POST",
                        () -> "/draft-orders/bulk/remove-tags",
                        () -> "{\"ids\": [\"" + draftId + "\"], \"tags\": [\"vip\"]}"),
                new Route(
                        "/draft-orders/bulk/delete",
                        "POST",
                        () -> "/draft-orders/bulk/delete",
                        () -> "{\"ids\": [\"" + draftId + "\"]}"),
                new Route(
                        "/draft-orders/from-order/{order_id}",
                        "POST",
                        () -> "/draft-orders/from-order/order_1",
                        (String) null));
        routes = routes.stream().map(r -> r.withHeader("X-Store-Id", store)).toList();

        var tally = GenerativeRest.run(
                "draft-service", port, SEED, PER_ROUTE, routes, this::drafts, accepted -> newReadyDraft());

        assertThat(tally.requests()).isEqualTo(PER_ROUTE * routes.size());
        assertThat(tally.refused()).isPositive();
        assertThat(tally.byStatus().keySet()).allMatch(status -> status < 500);
        assertThat(get("/draft-orders/" + draftId, store).status())
                .as("the service still answers")
                .isEqualTo(200);
    }
}
