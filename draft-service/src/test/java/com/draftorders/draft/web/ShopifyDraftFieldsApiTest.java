package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderUpdated;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The DraftOrder fields of Shopify's reference that came with the GraphQL API, on REST, GraphQL and the events:
 * localized fields, allowDiscountCodesInCheckout, purchasingEntity, timeline comments, the price-overridden flags,
 * invoiceEmailTemplateSubject, legacyResourceId, defaultCursor and transformerFingerprint.
 */
class ShopifyDraftFieldsApiTest extends GraphQlTestSupport {

    private static final String B2B_DRAFT = """
            {"draft_order": {"currency": "EUR", "email": "buyer@acme.example",
              "line_items": [{"variant_id": "var_mug", "title": "Mug", "price": "15.00", "original_price": "19.99",
                              "quantity": 100}],
              "localized_fields": [{"key": "TAX_CREDENTIAL_BR", "value": "123.456.789-09", "country_code": "br"}],
              "allow_discount_codes_in_checkout": true,
              "purchasing_entity": {"company_id": "comp_acme", "company_location_id": "loc_berlin",
                                    "company_contact_id": "contact_7"}}}
            """;

    @Test
    void localizedFieldsDiscountCodePermissionAndACompanyBuyerAreStoredShownAndPublished() {
        String store = newStore();
        var created = post("/draft-orders", store, B2B_DRAFT);
        assertThat(created.status()).isEqualTo(201);
        JsonNode rest = created.path("draft_order");
        String id = rest.path("id").asString();

        assertThat(rest.path("localized_fields").get(0).path("key").asString()).isEqualTo("TAX_CREDENTIAL_BR");
        assertThat(rest.path("localized_fields").get(0).path("country_code").asString())
                .isEqualTo("BR");
        assertThat(rest.path("allow_discount_codes_in_checkout").asBoolean()).isTrue();
        assertThat(rest.path("purchasing_entity").path("company_location_id").asString())
                .isEqualTo("loc_berlin");
        assertThat(rest.path("all_variant_prices_overridden").asBoolean()).isTrue();
        assertThat(rest.path("any_variant_prices_overridden").asBoolean()).isTrue();

        JsonNode graph = data(graphQl(store, """
                        query ($id: ID!) { draftOrder(id: $id) {
                          localizedFields(first: 5) { nodes { key value countryCode } }
                          allowDiscountCodesInCheckout
                          purchasingEntity {
                            __typename
                            ... on PurchasingCompany { company { id } location { id } contact { id } }
                            ... on Customer { id }
                          }
                        } }
                        """, "{\"id\": \"gid://shopify/DraftOrder/" + id + "\"}"))
                .path("draftOrder");
        assertThat(graph.path("localizedFields")
                        .path("nodes")
                        .get(0)
                        .path("value")
                        .asString())
                .isEqualTo("123.456.789-09");
        assertThat(graph.path("allowDiscountCodesInCheckout").asBoolean()).isTrue();
        assertThat(graph.path("purchasingEntity").path("__typename").asString()).isEqualTo("PurchasingCompany");
        assertThat(graph.path("purchasingEntity").path("location").path("id").asString())
                .isEqualTo("gid://shopify/CompanyLocation/loc_berlin");

        assertThat(draftEvents(id, DraftOrderCreated.class)).singleElement().satisfies(e -> {
            var snapshot = e.getDraftOrder();
            assertThat(snapshot.getLocalizedFields()).singleElement().satisfies(f -> {
                assertThat(f.getKey()).isEqualTo("TAX_CREDENTIAL_BR");
                assertThat(f.getCountryCode()).isEqualTo("BR");
            });
            assertThat(snapshot.getAllowDiscountCodesInCheckout()).isTrue();
            assertThat(snapshot.getPurchasingEntity().getCompanyId()).isEqualTo("comp_acme");
            assertThat(snapshot.getPurchasingEntity().getCompanyLocationId()).isEqualTo("loc_berlin");
            assertThat(snapshot.getAllVariantPricesOverridden()).isTrue();
            assertThat(snapshot.getInvoiceEmailTemplateSubject()).startsWith("Invoice #D");
        });
    }

    @Test
    void theInvoiceViewTellsWhetherDiscountCodesMayBeEntered() {
        String store = newStore();
        String id = readyDraft(store, B2B_DRAFT);
        String url = post("/draft-orders/" + id + "/send-invoice", store, "{}")
                .path("draft_order", "invoice_url")
                .asString();

        var invoice = get(url.substring("https://shop.test".length()), null);

        assertThat(invoice.path("invoice", "allow_discount_codes_in_checkout").asBoolean())
                .isTrue();
    }

    @Test
    void overGraphQlACustomerBuyerAndLocalizedFieldsAreSetAndAKeysCountryIsItsSuffix() {
        String store = newStore();
        JsonNode draft =
                data(graphQl(store, """
                        mutation { draftOrderCreate(input: {
                            lineItems: [{title: "Mug", originalUnitPrice: "5.00", quantity: 1}],
                            localizedFields: [{key: "TAX_CREDENTIAL_MX", value: "RFC123"}],
                            purchasingEntity: {customerId: "gid://shopify/Customer/cust_9"}
                          }) {
                            draftOrder { localizedFields { nodes { key countryCode } }
                              purchasingEntity { __typename ... on Customer { id } } allowDiscountCodesInCheckout }
                            userErrors { field message }
                          } }
                        """, null)).path("draftOrderCreate").path("draftOrder");

        assertThat(draft.path("localizedFields")
                        .path("nodes")
                        .get(0)
                        .path("countryCode")
                        .asString())
                .isEqualTo("MX");
        assertThat(draft.path("purchasingEntity").path("__typename").asString()).isEqualTo("Customer");
        assertThat(draft.path("purchasingEntity").path("id").asString()).isEqualTo("gid://shopify/Customer/cust_9");
        assertThat(draft.path("allowDiscountCodesInCheckout").asBoolean()).isFalse();
    }

    @Test
    void aCompanyBuyerWithoutALocationIsAUserError() {
        JsonNode payload = data(graphQl(
                        newStore(),
                        "mutation { draftOrderCreate(input: {purchasingEntity: {purchasingCompany:"
                                + " {companyId: \"comp_1\", companyLocationId: \"\"}}}) { userErrors { field message } } }",
                        null))
                .path("draftOrderCreate");

        assertThat(payload.path("userErrors")
                        .valueStream()
                        .map(e -> e.path("field").get(1).asString())
                        .toList())
                .contains("purchasingEntity");
    }

    @Test
    void aTimelineCommentIsListedAndSetsHasTimelineCommentEvenOnACompletedDraft() {
        String store = newStore();
        String id = createDraft(store, draftBody("19.99", "ada@example.com", ""));
        assertThat(get("/draft-orders/" + id, store)
                        .path("draft_order", "has_timeline_comment")
                        .asBoolean())
                .isFalse();

        var commented = post("/draft-orders/" + id + "/comments", store, "{\"comment\": {\"body\": \"Called back\"}}");

        assertThat(commented.status()).isEqualTo(201);
        assertThat(commented.path("draft_order", "has_timeline_comment").asBoolean())
                .isTrue();
        var events = get("/draft-orders/" + id + "/events", store).path("events");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.path("type").asString()).isEqualTo("comment");
        assertThat(last.path("summary").asString()).isEqualTo("Called back");
        assertThat(data(graphQl(store, "{ draftOrder(id: \"" + id + "\") { hasTimelineComment } }", null))
                        .path("draftOrder")
                        .path("hasTimelineComment")
                        .asBoolean())
                .isTrue();
        assertThat(draftEvents(id, DraftOrderUpdated.class))
                .last()
                .satisfies(e ->
                        assertThat(e.getDraftOrder().getHasTimelineComment()).isTrue());
        assertThat(post("/draft-orders/" + id + "/comments", store, "{\"comment\": {\"body\": \" \"}}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void theComputedIdentifiersAndTheFingerprintFollowTheDraft() {
        String store = newStore();
        String id = createDraft(store, draftBody("19.99", "ada@example.com", ""));
        String query = "{ draftOrder(id: \"" + id + "\") { name legacyResourceId invoiceEmailTemplateSubject"
                + " defaultCursor transformerFingerprint } }";

        JsonNode before = data(graphQl(store, query, null)).path("draftOrder");
        assertThat(before.path("legacyResourceId").asString()).isEqualTo(id);
        assertThat(before.path("invoiceEmailTemplateSubject").asString())
                .isEqualTo("Invoice " + before.path("name").asString());
        assertThat(before.path("defaultCursor").asString()).isNotBlank();
        assertThat(before.path("transformerFingerprint").isNull()).isTrue();

        calculate(store, id);
        String first = data(graphQl(store, query, null))
                .path("draftOrder")
                .path("transformerFingerprint")
                .asString();
        send("PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"note\": \"no content change\"}}");
        String afterNote = data(graphQl(store, query, null))
                .path("draftOrder")
                .path("transformerFingerprint")
                .asString();
        send("PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"shipping_line\": null}}");
        calculate(store, id);
        String afterContent = data(graphQl(store, query, null))
                .path("draftOrder")
                .path("transformerFingerprint")
                .asString();

        assertThat(first).hasSize(32).isEqualTo(afterNote);
        assertThat(afterContent).hasSize(32).isNotEqualTo(first);
        assertThat(get("/draft-orders/" + id, store)
                        .path("draft_order", "transformer_fingerprint")
                        .asString())
                .isEqualTo(afterContent);
        assertThat(get("/draft-orders/" + id, store)
                        .path("draft_order", "invoice_email_template_subject")
                        .asString())
                .startsWith("Invoice #D");
        assertThat(draftEvents(id, DraftOrderUpdated.class))
                .last()
                .satisfies(e -> assertThat(e.getDraftOrder().getTransformerFingerprint())
                        .isEqualTo(afterContent));
        assertThat(List.of(first)).doesNotContainNull();
    }
}
