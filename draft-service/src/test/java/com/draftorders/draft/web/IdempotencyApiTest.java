package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.draft.DraftOrderCompletionStarted;
import com.draftorders.draft.DraftProperties;
import com.draftorders.draft.application.IdempotencyKeyCleanup;
import com.draftorders.draft.persistence.IdempotencyKeys;
import com.draftorders.draft.support.DraftServiceTestBase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Idempotency-Key on the mutating calls of the draft API. */
class IdempotencyApiTest extends DraftServiceTestBase {

    @Autowired
    IdempotencyKeys keys;

    @Autowired
    IdempotencyKeyCleanup cleanup;

    @Autowired
    DraftProperties properties;

    private long draftsIn(String store) {
        return get("/draft-orders?limit=250", store).path("draft_orders").size();
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstResponseAndCreateOneDraft() {
        String store = newStore();
        String body = draftBody("19.99", "ada@example.com", "phone");

        var first = post("/draft-orders", store, body, "Idempotency-Key", "create-1");
        var again = post("/draft-orders", store, body, "Idempotency-Key", "create-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.raw()).isEqualTo(first.raw());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(draftsIn(store)).isEqualTo(1);
    }

    @Test
    void keyOrderAndWhitespaceInTheBodyDoNotMakeItAnotherRequest() {
        String store = newStore();

        var first = post(
                "/draft-orders",
                store,
                "{\"draft_order\": {\"line_items\": [{\"title\": \"A\", \"price\":" + " \"1.00\"}], \"note\": \"n\"}}",
                "Idempotency-Key",
                "k");
        var again = post(
                "/draft-orders",
                store,
                "{\"draft_order\":{\"note\":\"n\",\"line_items\":[{\"price\":" + "\"1.00\",\"title\":\"A\"}]}}",
                "Idempotency-Key",
                "k");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.path("draft_order", "id").asString())
                .isEqualTo(first.path("draft_order", "id").asString());
    }

    @Test
    void theSameKeyWithAnotherBodyOrPathIsRefused() {
        String store = newStore();
        post("/draft-orders", store, draftBody("19.99", "ada@example.com", ""), "Idempotency-Key", "k-1");

        var otherBody =
                post("/draft-orders", store, draftBody("29.99", "ada@example.com", ""), "Idempotency-Key", "k-1");
        var otherPath = post("/draft-orders/dorder_x/cancel", store, "{}", "Idempotency-Key", "k-1");

        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.path("code").asString()).isEqualTo("idempotency_key_reused");
        assertThat(otherBody.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(otherPath.status()).isEqualTo(422);
        assertThat(draftsIn(store)).isEqualTo(1);
    }

    @Test
    void keysBelongToTheirStore() {
        String store = newStore();
        String other = newStore();
        String body = draftBody("19.99", "ada@example.com", "");

        var mine = post("/draft-orders", store, body, "Idempotency-Key", "shared");
        var theirs = post("/draft-orders", other, body, "Idempotency-Key", "shared");

        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.path("draft_order", "id").asString())
                .isNotEqualTo(mine.path("draft_order", "id").asString());
    }

    @Test
    void aCompletionRetriedWithItsKeyIsAcceptedOnceAndReplayed() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var first = post("/draft-orders/" + id + "/complete", store, "{}", "Idempotency-Key", "complete-1");
        var retry = post("/draft-orders/" + id + "/complete", store, "{}", "Idempotency-Key", "complete-1");
        var withoutKey = post("/draft-orders/" + id + "/complete", store, "{}");

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.raw()).isEqualTo(first.raw());
        assertThat(withoutKey.status()).isEqualTo(409);
        assertThat(draftEvents(id, DraftOrderCompletionStarted.class)).hasSize(1);
    }

    @Test
    void aFailedRequestReleasesItsKeySoItCanBeRetried() {
        String store = newStore();
        String id = createDraft(store, draftBody("19.99", "ada@example.com", ""));

        var notReady = post("/draft-orders/" + id + "/complete", store, "{}", "Idempotency-Key", "c");
        calculate(store, id);
        var retried = post("/draft-orders/" + id + "/complete", store, "{}", "Idempotency-Key", "c");

        assertThat(notReady.status()).isEqualTo(409);
        assertThat(retried.status()).isEqualTo(202);
    }

    @Test
    void theSameRequestArrivingWhileTheFirstRunsGetsAConflictWithRetryAfter() {
        String store = newStore();
        String body = "{\"draft_order\": {\"line_items\": [{\"title\": \"A\", \"price\": \"1.00\"}]}}";
        var first = post("/draft-orders", store, body, "Idempotency-Key", "probe");
        // Find the hash the filter stored for this request and hold a fresh key with it, as a running request would.
        String hash = mongo.findById(store + "|probe", com.draftorders.draft.persistence.IdempotencyRecord.class)
                .getRequestHash();
        var held = keys.claim(store, "held", hash, Instant.now(), Duration.ofMinutes(1));

        var response = post("/draft-orders", store, body, "Idempotency-Key", "held");

        assertThat(first.status()).isEqualTo(201);
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.path("code").asString()).isEqualTo("idempotency_key_in_use");
        assertThat(response.header("Retry-After")).contains("1");
        keys.release((IdempotencyKeys.Claim.Claimed) held);
    }

    @Test
    void aKeyAbandonedByACrashedRequestIsTakenOverAfterTheLeaseTime() {
        String store = newStore();
        var crashed =
                keys.claim(store, "crashed", "h", Instant.now().minus(Duration.ofMinutes(5)), Duration.ofMinutes(1));

        var retry = keys.claim(store, "crashed", "h", Instant.now(), Duration.ofMinutes(1));

        assertThat(crashed).isInstanceOf(IdempotencyKeys.Claim.Claimed.class);
        assertThat(retry).isInstanceOf(IdempotencyKeys.Claim.Claimed.class);
        assertThat(((IdempotencyKeys.Claim.Claimed) retry).lease())
                .isNotEqualTo(((IdempotencyKeys.Claim.Claimed) crashed).lease());
    }

    @Test
    void keysAreForgottenAfterTheRetentionAndCanBeUsedAgain() {
        String store = newStore();
        var old = keys.claim(
                store,
                "old",
                "h",
                Instant.now().minus(properties.idempotency().retention()).minusSeconds(1),
                Duration.ofMinutes(1));
        keys.finish((IdempotencyKeys.Claim.Claimed) old, 201, java.util.Map.of(), new byte[0]);

        assertThat(cleanup.forgetExpiredKeys()).isGreaterThanOrEqualTo(1);

        assertThat(keys.claim(store, "old", "other", Instant.now(), Duration.ofMinutes(1)))
                .isInstanceOf(IdempotencyKeys.Claim.Claimed.class);
    }

    @Test
    void patchAndDeleteAreCoveredToo() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        var patched = send(
                "PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"note\": \"a\"}}", "Idempotency-Key", "p");
        send("PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"note\": \"b\"}}");
        var replayed = send(
                "PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"note\": \"a\"}}", "Idempotency-Key", "p");
        var deleted = send("DELETE", "/draft-orders/" + id, store, null, "Idempotency-Key", "d");
        var deletedAgain = send("DELETE", "/draft-orders/" + id, store, null, "Idempotency-Key", "d");

        assertThat(replayed.raw()).isEqualTo(patched.raw());
        assertThat(get("/draft-orders/" + id, store).status()).isEqualTo(404);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deletedAgain.status()).isEqualTo(204);
        assertThat(deletedAgain.header("Idempotent-Replayed")).contains("true");
    }

    @Test
    void anOverlongKeyIsRefused() {
        var response = post(
                "/draft-orders",
                newStore(),
                draftBody("1.00", "a@example.com", ""),
                "Idempotency-Key",
                "k".repeat(256));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
    }
}
