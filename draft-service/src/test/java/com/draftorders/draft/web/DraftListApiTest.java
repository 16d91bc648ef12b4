package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.draft.support.DraftServiceTestBase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /draft-orders: filters, sort and cursor pagination. */
class DraftListApiTest extends DraftServiceTestBase {

    private static List<String> ids(JsonNode page) {
        return page.path("draft_orders")
                .valueStream()
                .map(d -> d.path("id").asString())
                .toList();
    }

    @Test
    void theNewestDraftsComeFirstAndCursorsPageThroughAllOfThemWhileNewOnesAreCreated() {
        String store = newStore();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createDraft(store, draftBody("1.0" + i, "c" + i + "@example.com", "")));
        }

        var first = get("/draft-orders?limit=2", store);
        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first.body())).containsExactly(created.get(4), created.get(3));
        String cursor = first.path("next_cursor").asString();

        createDraft(store, draftBody("9.99", "late@example.com", "")); // newer than every page: never shows up below

        var second = get("/draft-orders?limit=2&cursor=" + cursor, store);
        assertThat(ids(second.body())).containsExactly(created.get(2), created.get(1));
        var third =
                get("/draft-orders?limit=2&cursor=" + second.path("next_cursor").asString(), store);
        assertThat(ids(third.body())).containsExactly(created.get(0));
        assertThat(third.path("next_cursor").isNull()).isTrue();
    }

    @Test
    void ascendingOrderByCreationAndByLastUpdate() {
        String store = newStore();
        String a = createDraft(store, draftBody("1.00", "a@example.com", ""));
        String b = createDraft(store, draftBody("2.00", "b@example.com", ""));
        String c = createDraft(store, draftBody("3.00", "c@example.com", ""));
        send("PATCH", "/draft-orders/" + a, store, "{\"draft_order\": {\"note\": \"touched\"}}");

        assertThat(ids(get("/draft-orders?sort=created_at:asc", store).body())).containsExactly(a, b, c);
        assertThat(ids(get("/draft-orders?sort=updated_at:desc", store).body())).containsExactly(a, c, b);
        var page = get("/draft-orders?sort=updated_at:asc&limit=2", store);
        assertThat(ids(page.body())).containsExactly(b, c);
        assertThat(ids(get(
                                "/draft-orders?sort=updated_at:asc&limit=2&cursor="
                                        + page.path("next_cursor").asString(),
                                store)
                        .body()))
                .containsExactly(a);
    }

    @Test
    void filtersByStatusTagEmailAndText() {
        String store = newStore();
        String phone = createDraft(store, draftBody("1.00", "Ada@Example.com", "phone, VIP"));
        String web = createDraft(store, draftBody("2.00", "bob@example.org", "web"));
        String canceled = createDraft(store, draftBody("3.00", "carl@example.com", "phone"));
        post("/draft-orders/" + canceled + "/cancel", store, "{}");
        String webName =
                get("/draft-orders/" + web, store).path("draft_order", "name").asString();

        assertThat(ids(get("/draft-orders?status=canceled", store).body())).containsExactly(canceled);
        assertThat(ids(get("/draft-orders?status=open,canceled", store).body())).containsExactly(canceled, web, phone);
        assertThat(ids(get("/draft-orders?tag=vip", store).body())).containsExactly(phone);
        assertThat(ids(get("/draft-orders?tag=phone&status=open", store).body()))
                .containsExactly(phone);
        assertThat(ids(get("/draft-orders?email=ada@example.COM", store).body()))
                .containsExactly(phone);
        assertThat(ids(get("/draft-orders?q=EXAMPLE.ORG", store).body())).containsExactly(web);
        assertThat(ids(get("/draft-orders?q=" + webName.substring(1), store).body()))
                .containsExactly(web);
        assertThat(ids(get("/draft-orders?q=.*", store).body())).isEmpty();
    }

    @Test
    void filtersByCreationAndUpdateTimeRanges() {
        String store = newStore();
        String old = createDraft(store, draftBody("1.00", "a@example.com", ""));
        String createdAt = get("/draft-orders/" + old, store)
                .path("draft_order", "created_at")
                .asString();
        String newer = createDraft(store, draftBody("2.00", "b@example.com", ""));
        String newerCreatedAt = get("/draft-orders/" + newer, store)
                .path("draft_order", "created_at")
                .asString();

        assertThat(ids(get("/draft-orders?created_at_min=" + newerCreatedAt, store)
                        .body()))
                .containsExactly(newer);
        assertThat(ids(get("/draft-orders?created_at_max=" + createdAt, store).body()))
                .containsExactly(old);
        assertThat(ids(get(
                                "/draft-orders?updated_at_min=2000-01-01T00:00:00Z&updated_at_max=2999-01-01T00:00:00Z",
                                store)
                        .body()))
                .containsExactly(newer, old);
    }

    @Test
    void theCreationTimeTheCreateAnswersIsTheOneTheListFiltersBy() {
        String store = newStore();
        var created = post("/draft-orders", store, draftBody("1.00", "a@example.com", ""))
                .path("draft_order");
        String createdAt = created.path("created_at").asString();

        assertThat(get("/draft-orders/" + created.path("id").asString(), store)
                        .path("draft_order", "created_at")
                        .asString())
                .isEqualTo(createdAt);
        assertThat(ids(get("/draft-orders?created_at_min=" + createdAt, store).body()))
                .containsExactly(created.path("id").asString());
    }

    @Test
    void onlyTheStoresOwnDraftsAreListedAndDeletedOnesNever() {
        String store = newStore();
        String kept = createDraft(store, draftBody("1.00", "a@example.com", ""));
        String deleted = createDraft(store, draftBody("2.00", "b@example.com", ""));
        createDraft(newStore(), draftBody("3.00", "c@example.com", ""));
        send("DELETE", "/draft-orders/" + deleted, store, null);

        assertThat(ids(get("/draft-orders", store).body())).containsExactly(kept);
    }

    @Test
    void invalidParametersAreRefusedWithTheirFields() {
        String store = newStore();

        var response =
                get("/draft-orders?limit=251&status=draft&sort=name&created_at_min=yesterday&cursor=bm9wZQ", store);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString()))
                .contains("limit", "status", "sort", "created_at_min", "cursor");
    }

    @Test
    void aCursorOfOtherFiltersIsRefused() {
        String store = newStore();
        createDraft(store, draftBody("1.00", "a@example.com", "x"));
        createDraft(store, draftBody("2.00", "b@example.com", "x"));
        String cursor = get("/draft-orders?limit=1", store).path("next_cursor").asString();

        var response = get("/draft-orders?limit=1&tag=x&cursor=" + cursor, store);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors").get(0).path("field").asString()).isEqualTo("cursor");
    }
}
