package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderDeleted;
import com.draftorders.draft.support.DraftServiceTestBase;
import org.junit.jupiter.api.Test;

/** Duplicate, delete and the timeline over REST. */
class DraftLifecycleApiTest extends DraftServiceTestBase {

    @Test
    void aDuplicateIsANewOpenDraftWithANewNumberAndTheSameContent() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", "phone, vip"));
        send("PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"note\": \"regular customer\"}}");
        var original = get("/draft-orders/" + id, store).path("draft_order");

        var response = post("/draft-orders/" + id + "/duplicate", store, null);

        assertThat(response.status()).isEqualTo(201);
        var copy = response.path("draft_order");
        String copyId = copy.path("id").asString();
        assertThat(response.header("Location")).contains("/draft-orders/" + copyId);
        assertThat(copyId).isNotEqualTo(id);
        assertThat(copy.path("name").asString())
                .isNotEqualTo(original.path("name").asString());
        assertThat(copy.path("status").asString()).isEqualTo("open");
        assertThat(copy.path("ready").asBoolean()).isFalse();
        assertThat(copy.path("cart_id").asString())
                .isNotEqualTo(original.path("cart_id").asString());
        assertThat(copy.path("email").asString()).isEqualTo("ada@example.com");
        assertThat(copy.path("note").asString()).isEqualTo("regular customer");
        assertThat(copy.path("tags").asString()).isEqualTo("phone, vip");
        assertThat(copy.path("line_items").get(0).path("title").asString()).isEqualTo("Mug");
        assertThat(copy.path("line_items").get(0).path("price").asString()).isEqualTo("19.99");
        assertThat(copy.path("shipping_line").path("price").asString()).isEqualTo("4.95");
        assertThat(draftEvents(copyId, DraftOrderCreated.class)).hasSize(1);
        assertThat(cartCommands(copy.path("cart_id").asString(), CreateCart.class))
                .singleElement()
                .satisfies(c -> assertThat(c.getDraftOrderId()).isEqualTo(copyId));
    }

    @Test
    void aCompletedDraftCanBeDuplicatedButAMissingOneIsNotFound() {
        String store = newStore();
        String id = readyDraft(store, draftBody("5.00", "ada@example.com", ""));
        post("/draft-orders/" + id + "/complete", store, "{}");

        assertThat(post("/draft-orders/" + id + "/duplicate", store, null).status())
                .isEqualTo(201);
        assertThat(post("/draft-orders/dorder_missing/duplicate", store, null).status())
                .isEqualTo(404);
    }

    @Test
    void deletingIsIdempotentAndTheDeletedDraftIsGoneWithOneEvent() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        assertThat(send("DELETE", "/draft-orders/" + id, store, null).status()).isEqualTo(204);
        assertThat(send("DELETE", "/draft-orders/" + id, store, null).status()).isEqualTo(204);
        assertThat(send("DELETE", "/draft-orders/dorder_never_existed", store, null)
                        .status())
                .isEqualTo(204);

        assertThat(get("/draft-orders/" + id, store).status()).isEqualTo(404);
        assertThat(get("/draft-orders/" + id + "/events", store).status()).isEqualTo(404);
        assertThat(post("/draft-orders/" + id + "/complete", store, "{}").status())
                .isEqualTo(404);
        assertThat(draftEvents(id, DraftOrderDeleted.class))
                .singleElement()
                .satisfies(e -> assertThat(e.getDraftOrderId()).isEqualTo(id));
    }

    @Test
    void anotherStoreCannotDeleteTheDraft() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        assertThat(send("DELETE", "/draft-orders/" + id, newStore(), null).status())
                .isEqualTo(204);

        assertThat(get("/draft-orders/" + id, store).status()).isEqualTo(200);
        assertThat(draftEvents(id, DraftOrderDeleted.class)).isEmpty();
    }

    @Test
    void aCompletingDraftCannotBeDeleted() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));
        post("/draft-orders/" + id + "/complete", store, "{}");

        var response = send("DELETE", "/draft-orders/" + id, store, null);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("code").asString()).isEqualTo("not_editable");
        assertThat(get("/draft-orders/" + id, store).status()).isEqualTo(200);
    }

    @Test
    void paymentTermsWithAnExplicitImmediatePaymentAreRefusedAndTheDraftStaysOpen() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var response = post(
                "/draft-orders/" + id + "/complete",
                store,
                "{\"payment_pending\": false, \"payment_terms\": {\"net_days\": 30}}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors").get(0).path("field").asString()).isEqualTo("payment_pending");
        assertThat(get("/draft-orders/" + id, store)
                        .path("draft_order")
                        .path("status")
                        .asString())
                .isEqualTo("open");
    }

    @Test
    void theTimelineListsWhatHappenedOldestFirst() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));
        send("PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"note\": \"call first\"}}");
        post("/draft-orders/" + id + "/cancel", store, "{\"reason\": \"customer changed their mind\"}");

        var events = get("/draft-orders/" + id + "/events", store).path("events");

        assertThat(events.valueStream().map(e -> e.path("type").asString()))
                .containsExactly("created", "totals_calculated", "updated", "canceled");
        assertThat(events.get(2).path("summary").asString()).isEqualTo("Edited note");
        assertThat(events.get(3).path("summary").asString()).isEqualTo("Canceled: customer changed their mind");
        assertThat(events.get(3).path("version").asLong()).isEqualTo(4);
        assertThat(events.get(0).path("at").isNull()).isFalse();
    }
}
