package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.draft.DraftOrderInvoiceSent;
import com.draftorders.draft.support.DraftServiceTestBase;
import org.junit.jupiter.api.Test;

/** POST /draft-orders/{id}/send-invoice and the public invoice view behind the signed link. */
class InvoiceApiTest extends DraftServiceTestBase {

    private static final String INVOICE = """
            {"draft_order_invoice": {"to": "bob@example.com", "from": "shop@example.com",
              "subject": "Your order", "custom_message": "Pay within 14 days"}}
            """;

    @Test
    void sendingAnInvoiceMarksTheDraftAndPublishesTheInvoiceWithASignedLink() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var response = post("/draft-orders/" + id + "/send-invoice", store, INVOICE);

        assertThat(response.status()).isEqualTo(200);
        var draft = response.path("draft_order");
        assertThat(draft.path("status").asString()).isEqualTo("invoice_sent");
        assertThat(draft.path("invoice_sent_at").isNull()).isFalse();
        String url = draft.path("invoice_url").asString();
        assertThat(url).startsWith("https://shop.test/invoices/" + id + "?token=" + store + ".");
        assertThat(response.path("draft_order_invoice", "to").asString()).isEqualTo("bob@example.com");
        assertThat(response.path("draft_order_invoice", "invoice_url").asString())
                .isEqualTo(url);
        assertThat(draftEvents(id, DraftOrderInvoiceSent.class)).singleElement().satisfies(sent -> {
            assertThat(sent.getTo()).isEqualTo("bob@example.com");
            assertThat(sent.getFrom()).isEqualTo("shop@example.com");
            assertThat(sent.getSubject()).isEqualTo("Your order");
            assertThat(sent.getCustomMessage()).isEqualTo("Pay within 14 days");
            assertThat(sent.getInvoiceUrl()).isEqualTo(url);
            assertThat(sent.getDraftOrder().getStatus().name()).isEqualTo("INVOICE_SENT");
            assertThat(sent.getDraftOrder().getInvoiceUrl()).isEqualTo(url);
        });
    }

    @Test
    void theInvoiceLinkShowsAMinimalPublicViewWithoutAStoreHeader() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));
        String url = post("/draft-orders/" + id + "/send-invoice", store, INVOICE)
                .path("draft_order", "invoice_url")
                .asString();
        String path = url.substring("https://shop.test".length());

        var invoice = get(path, null);

        assertThat(invoice.status()).isEqualTo(200);
        assertThat(invoice.header("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        var view = invoice.path("invoice");
        assertThat(view.path("name").asString()).startsWith("#D");
        assertThat(view.path("status").asString()).isEqualTo("invoice_sent");
        assertThat(view.path("total_price").asString()).isEqualTo("44.93");
        assertThat(view.path("line_items").get(0).path("title").asString()).isEqualTo("Mug");
        assertThat(view.path("line_items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(invoice.raw()).doesNotContain("ada@example.com").doesNotContain(store);
    }

    @Test
    void aTamperedOrMissingTokenIsForbidden() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));
        String url = post("/draft-orders/" + id + "/send-invoice", store, INVOICE)
                .path("draft_order", "invoice_url")
                .asString();
        String token = url.substring(url.indexOf("token=") + "token=".length());
        String[] parts = token.split("\\.");
        String otherStore = newStore() + "." + parts[1] + "." + parts[2];
        String laterExpiry = parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2];

        for (String bad : new String[] {otherStore, laterExpiry, token + "x", "garbage"}) {
            var response = get("/invoices/" + id + "?token=" + bad, null);
            assertThat(response.status()).as(bad).isEqualTo(403);
            assertThat(response.path("code").asString()).isEqualTo("invalid_token");
        }
        assertThat(get("/invoices/" + id, null).status()).isEqualTo(403);
        String otherDraft = readyDraft(store, draftBody("1.00", "ada@example.com", ""));
        assertThat(get("/invoices/" + otherDraft + "?token=" + token, null).status())
                .isEqualTo(403);
    }

    @Test
    void theRecipientDefaultsToTheDraftsEmailAndAnInvoicedDraftCanStillBeCompleted() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var response = post("/draft-orders/" + id + "/send-invoice", store, null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(draftEvents(id, DraftOrderInvoiceSent.class))
                .singleElement()
                .satisfies(sent -> assertThat(sent.getTo()).isEqualTo("ada@example.com"));
        assertThat(post("/draft-orders/" + id + "/complete", store, "{}").status())
                .isEqualTo(202);
    }

    @Test
    void aDraftWithoutEmailNeedsARecipient() {
        String store = newStore();
        String id = readyDraft(store, """
                {"draft_order": {"line_items": [{"title": "Mug", "price": "1.00"}]}}
                """);

        var response = post("/draft-orders/" + id + "/send-invoice", store, "{}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors").get(0).path("field").asString()).isEqualTo("draft_order_invoice.to");
    }

    @Test
    void aDraftWhoseTotalsAreNotReadyCannotBeInvoicedYet() {
        String store = newStore();
        String id = createDraft(store, draftBody("19.99", "ada@example.com", ""));

        var response = post("/draft-orders/" + id + "/send-invoice", store, INVOICE);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("code").asString()).isEqualTo("not_ready");
        assertThat(response.header("Retry-After")).contains("1");
    }

    @Test
    void anInvalidRecipientIsRefused() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var response =
                post("/draft-orders/" + id + "/send-invoice", store, "{\"draft_order_invoice\": {\"to\": \"nobody\"}}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors").get(0).path("field").asString()).isEqualTo("draft_order_invoice.to");
    }
}
