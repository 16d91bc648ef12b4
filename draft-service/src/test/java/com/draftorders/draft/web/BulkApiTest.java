package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.draft.DraftOrderDeleted;
import com.draftorders.avro.draft.DraftOrderUpdated;
import com.draftorders.draft.support.DraftServiceTestBase;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /draft-orders/bulk/add-tags, /remove-tags and /delete: per-id results. */
class BulkApiTest extends DraftServiceTestBase {

    private static List<String> statuses(JsonNode response) {
        return response.path("results")
                .valueStream()
                .map(r -> r.path("status").asString())
                .toList();
    }

    @Test
    void addingTagsReportsPerIdWhatHappened() {
        String store = newStore();
        String plain = createDraft(store, draftBody("1.00", "a@example.com", ""));
        String tagged = createDraft(store, draftBody("2.00", "b@example.com", "vip, phone"));
        String completing = readyDraft(store, draftBody("3.00", "c@example.com", ""));
        post("/draft-orders/" + completing + "/complete", store, "{}");
        int updates = draftEvents(plain, DraftOrderUpdated.class).size();

        var response = post("/draft-orders/bulk/add-tags", store, """
                {"ids": ["%s", "%s", "%s", "dorder_missing"], "tags": "vip, phone"}
                """.formatted(plain, tagged, completing));

        assertThat(response.status()).isEqualTo(200);
        assertThat(statuses(response.body())).containsExactly("updated", "unchanged", "refused", "not_found");
        assertThat(response.path("results").get(0).path("id").asString()).isEqualTo(plain);
        assertThat(response.path("results").get(2).path("reason").asString()).contains("completing");
        assertThat(get("/draft-orders/" + plain, store)
                        .path("draft_order", "tags")
                        .asString())
                .isEqualTo("vip, phone");
        assertThat(draftEvents(plain, DraftOrderUpdated.class)).hasSize(updates + 1);
    }

    @Test
    void removingTagsTakesAnArrayToo() {
        String store = newStore();
        String tagged = createDraft(store, draftBody("1.00", "a@example.com", "vip, phone"));
        String plain = createDraft(store, draftBody("2.00", "b@example.com", ""));

        var response = post("/draft-orders/bulk/remove-tags", store, """
                {"ids": ["%s", "%s"], "tags": ["VIP"]}
                """.formatted(tagged, plain));

        assertThat(statuses(response.body())).containsExactly("updated", "unchanged");
        assertThat(get("/draft-orders/" + tagged, store)
                        .path("draft_order", "tags")
                        .asString())
                .isEqualTo("phone");
    }

    @Test
    void bulkDeleteDeletesWhatItMayAndSaysWhyNotForTheRest() {
        String store = newStore();
        String open = createDraft(store, draftBody("1.00", "a@example.com", ""));
        String completing = readyDraft(store, draftBody("2.00", "b@example.com", ""));
        post("/draft-orders/" + completing + "/complete", store, "{}");
        String otherStores = createDraft(newStore(), draftBody("3.00", "c@example.com", ""));

        var response = post("/draft-orders/bulk/delete", store, """
                {"ids": ["%s", "%s", "%s", "%s"]}
                """.formatted(open, completing, otherStores, open));

        assertThat(statuses(response.body())).containsExactly("deleted", "refused", "not_found");
        assertThat(get("/draft-orders/" + open, store).status()).isEqualTo(404);
        assertThat(draftEvents(open, DraftOrderDeleted.class)).hasSize(1);
        assertThat(post("/draft-orders/bulk/delete", store, "{\"ids\": [\"%s\"]}".formatted(open))
                        .path("results")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("not_found");
    }

    @Test
    void atMost250IdsAndAtLeastOneTagAreAccepted() {
        String store = newStore();
        String ids = IntStream.range(0, 251).mapToObj(i -> "\"d" + i + "\"").collect(Collectors.joining(","));

        var tooMany = post("/draft-orders/bulk/delete", store, "{\"ids\": [" + ids + "]}");
        var noTags = post("/draft-orders/bulk/add-tags", store, "{\"ids\": [\"d1\"], \"tags\": \" , \"}");
        var noIds = post("/draft-orders/bulk/delete", store, "{\"ids\": []}");

        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.path("errors").get(0).path("field").asString()).isEqualTo("ids");
        assertThat(noTags.status()).isEqualTo(422);
        assertThat(noTags.path("errors").get(0).path("field").asString()).isEqualTo("tags");
        assertThat(noIds.status()).isEqualTo(422);
    }
}
