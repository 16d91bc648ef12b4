package com.draftorders.draft.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.draft.DraftOrderInvoiceSent;
import com.draftorders.draft.support.DraftServiceTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: what a hostile or careless client found, each reproduced here. No input is answered with a 5xx; every
 * refusal is an {@code application/problem+json} with {@code status}, {@code title}, {@code code} and, where a field
 * is at fault, {@code errors[].field} as a JSON path; no message names a Java type or method; parsing is strict.
 */
class HostileInputApiTest extends DraftServiceTestBase {

    private static final String LINE = "{\"title\": \"Mug\", \"price\": \"1.00\", \"quantity\": 1}";

    private static String draft(String fields) {
        return "{\"draft_order\": {\"currency\": \"EUR\", \"line_items\": [" + LINE + "]"
                + (fields.isEmpty() ? "" : ", " + fields) + "}}";
    }

    private static String draftWithLine(String lineFields) {
        return "{\"draft_order\": {\"currency\": \"EUR\", \"line_items\": [{\"title\": \"Mug\", " + lineFields + "}]}}";
    }

    /** A problem+json refusal with the shape every refusal has. */
    private static Response assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .as(response.raw())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.path("status").asInt()).isEqualTo(status);
        assertThat(response.path("title").asString()).isNotBlank();
        assertThat(response.path("code").asString()).isNotBlank();
        assertThat(response.raw())
                .as("no Java type, package or method in a message")
                .doesNotContainPattern("java\\.|com\\.draftorders|tools\\.jackson|Exception|`|public ");
        return response;
    }

    private static List<String> fields(Response response) {
        return response.path("errors")
                .valueStream()
                .map(e -> e.path("field").asString())
                .toList();
    }

    /** Refused with {@code status} naming {@code field}, and nothing was created in the store. */
    private void refusedNaming(String body, int status, String field) {
        String store = newStore();
        Response response = assertProblem(post("/draft-orders", store, body), status);
        assertThat(fields(response)).as(response.raw()).contains(field);
        assertThat(get("/draft-orders", store).path("draft_orders"))
                .as("nothing stored")
                .isEmpty();
    }

    @Test
    void finding1_aNullInAListIsRefusedNamingItsIndexOnCreateCalculateAndPatch() {
        String body = draft("\"discount_codes\": [null]");
        refusedNaming(body, 400, "draft_order.discount_codes[0]");
        assertThat(fields(assertProblem(post("/draft-orders/calculate", newStore(), body), 400)))
                .contains("draft_order.discount_codes[0]");
        refusedNaming(draft("\"metafields\": [null]"), 400, "draft_order.metafields[0]");

        String store = newStore();
        String id = createDraft(store, draft(""));
        Response patched =
                send("PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"discount_codes\": [\"A\", null]}}");
        assertThat(fields(assertProblem(patched, 400))).contains("draft_order.discount_codes[1]");
        assertThat(get("/draft-orders/" + id, store)
                        .path("draft_order", "version")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void finding2_parallelPatchesOfOneDraftWithoutIfMatchAreAppliedOrRefusedButNeverFail() throws Exception {
        String store = newStore();
        String id = createDraft(store, draft(""));
        ExecutorService threads = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String note = "note " + i;
                Callable<Response> patch = () -> {
                    start.await();
                    return send(
                            "PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"note\": \"" + note + "\"}}");
                };
                answers.add(threads.submit(patch));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.raw()).isIn(200, 409);
                statuses.add(response.status());
            }
            assertThat(statuses).contains(200);
            long applied = statuses.stream().filter(s -> s == 200).count();
            assertThat(get("/draft-orders/" + id, store)
                            .path("draft_order", "version")
                            .asLong())
                    .isEqualTo(1 + applied);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void finding3_aCarriageReturnOrLineFeedInTheInvoicesSubjectOrSenderIsRefusedAndNothingIsSent() {
        String store = newStore();
        String id = readyDraft(store, draftBody("19.99", "ada@example.com", ""));

        for (String invoice : List.of(
                "{\"draft_order_invoice\": {\"subject\": \"hi\\r\\nBcc: evil@x.y\"}}",
                "{\"draft_order_invoice\": {\"from\": \"shop@example.com\\r\\nBcc: evil@x.y\"}}",
                "{\"draft_order_invoice\": {\"to\": \"ada@example.com\\nBcc: evil@x.y\"}}",
                "{\"draft_order_invoice\": {\"subject\": \"nul \\u0000 here\"}}")) {
            Response response = assertProblem(post("/draft-orders/" + id + "/send-invoice", store, invoice), 422);
            assertThat(fields(response)).singleElement().asString().startsWith("draft_order_invoice.");
        }
        assertThat(draftEvents(id, DraftOrderInvoiceSent.class)).isEmpty();

        String prose = "{\"draft_order_invoice\": {\"custom_message\": \"Dear Ada,\\nthank you.\"}}";
        assertThat(post("/draft-orders/" + id + "/send-invoice", store, prose).status())
                .as("a line break in the message is prose")
                .isEqualTo(200);
    }

    @Test
    void finding4_whatSpringMvcAndTheContainerRefuseIsProblemJsonToo() {
        String store = newStore();
        assertThat(assertProblem(send("POST", "/draft-orders", store, null, "Content-Type", "text/plain"), 415)
                        .path("code")
                        .asString())
                .isEqualTo("unsupported_media_type");
        assertThat(assertProblem(send("PUT", "/draft-orders", store, draft("")), 405)
                        .path("code")
                        .asString())
                .isEqualTo("method_not_allowed");
        assertThat(assertProblem(get("/no-such-route", store), 404).path("code").asString())
                .isEqualTo("not_found");
        assertProblem(get("/draft-orders/dorder_unknown", store), 404);
        for (String path : List.of(
                "/draft-orders/%00",
                "/draft-orders/%ff",
                "/draft-orders/..%2F..%2Fadmin",
                "/draft-orders/a%2Fb",
                "/draft-orders/" + "x".repeat(10_000),
                "/draft-orders?status=%00",
                "/draft-orders?limit=%ff%fe",
                "/draft-orders?" + "q=" + "y".repeat(10_000))) {
            Response response = send("GET", path, store, null);
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertProblem(response, response.status());
        }
    }

    @Test
    void finding5_aMalformedBodyNamesTheFieldAndNoJavaInternals() {
        String store = newStore();
        Response empty = assertProblem(send("POST", "/draft-orders", store, ""), 400);
        assertThat(empty.path("code").asString()).isEqualTo("malformed");

        Response wrongType = assertProblem(
                post("/draft-orders", store, draftWithLine("\"price\": \"1.00\", \"quantity\": \"abc\"")), 400);
        assertThat(fields(wrongType)).containsExactly("draft_order.line_items[0].quantity");
        assertThat(wrongType.path("errors").get(0).path("reason").asString()).contains("integer");

        Response notJson = assertProblem(post("/draft-orders", store, "{\"draft_order\": {"), 400);
        assertThat(notJson.path("code").asString()).isEqualTo("malformed");
        assertThat(get("/draft-orders", store).path("draft_orders")).isEmpty();
    }

    @Test
    void finding6_quantitiesAreIntegersAndNeverDefaultedFromNull() {
        refusedNaming(
                draftWithLine("\"price\": \"1.00\", \"quantity\": 1.5"), 400, "draft_order.line_items[0].quantity");
        refusedNaming(
                draftWithLine("\"price\": \"1.00\", \"quantity\": null"), 400, "draft_order.line_items[0].quantity");
        refusedNaming(
                draftWithLine("\"price\": \"1.00\", \"quantity\": \"2\""), 400, "draft_order.line_items[0].quantity");
        refusedNaming(
                draftWithLine("\"price\": \"1.00\", \"quantity\": 1e0"), 400, "draft_order.line_items[0].quantity");
    }

    @Test
    void finding6_moneyIsAPlainAsciiDecimalString() {
        for (String price :
                List.of("1e2", " 1.00 ", "+1.00", "-1.00", "١٠٠", "1,00", "1.", ".5", "0x10", "1.001", "")) {
            refusedNaming(draftWithLine("\"price\": \"" + price + "\", \"quantity\": 1"), 422, "line_items[0].price");
        }
        refusedNaming(draftWithLine("\"price\": 1.5, \"quantity\": 1"), 400, "draft_order.line_items[0].price");
        assertThat(post("/draft-orders", newStore(), draftWithLine("\"price\": \"100\", \"quantity\": 1"))
                        .path("draft_order", "line_items")
                        .get(0)
                        .path("price")
                        .asString())
                .isEqualTo("100.00");
    }

    @Test
    void finding6_currenciesAreActiveUpperCaseCodesTheSameWayAsOverKafkaAndNullIsNotTheDefault() {
        for (String currency : List.of("XXX", "XAU", "eur", "Eur", "DEM", "EURO", " EUR")) {
            refusedNaming(draft("").replace("\"EUR\"", "\"" + currency + "\""), 422, "currency");
        }
        refusedNaming(draft("").replace("\"EUR\"", "null"), 400, "draft_order.currency");
        refusedNaming(
                draft("\"presentment_currency\": \"usd\", \"exchange_rate\": \"1.1\""), 422, "presentment_currency");
        refusedNaming(draft("\"presentment_currency\": \"USD\", \"exchange_rate\": \"1e0\""), 422, "exchange_rate");
        String absent = "{\"draft_order\": {\"line_items\": [" + LINE + "]}}";
        Response defaulted = post("/draft-orders", newStore(), absent);
        assertThat(defaulted.path("draft_order", "currency").asString())
                .as("an absent currency is the store's shop currency: " + defaulted.raw())
                .isEqualTo("USD");
    }

    @Test
    void finding6_controlCharactersAreRefusedInTextAndAllowedAsLineBreaksOnlyInProse() {
        refusedNaming(draft("\"email\": \"ada\\u0000@example.com\""), 422, "email");
        refusedNaming(
                "{\"draft_order\": {\"currency\": \"EUR\", \"line_items\": [{\"title\": \"Mu\\u0000g\", \"price\": \"1.00\"}]}}",
                422,
                "line_items[0].title");
        refusedNaming(draft("\"po_number\": \"PO\\u001b[31m\""), 422, "po_number");
        refusedNaming(draft("\"tags\": \"a\\u0007b\""), 422, "tags");
        refusedNaming(draft("\"note\": \"nul \\u0000\""), 422, "note");
        refusedNaming(draft("\"shipping_address\": {\"city\": \"Berlin\\r\\nX\"}"), 422, "shipping_address.city");
        refusedNaming(draft("\"note\": \"broken \\ud800 surrogate\""), 422, "note");
        assertThat(post("/draft-orders", newStore(), draft("\"note\": \"two\\nlines\\tand a tab\""))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void finding6_duplicateKeysAreRefused() {
        String store = newStore();
        Response response = assertProblem(
                post("/draft-orders", store, draft("\"email\": \"a@example.com\", \"email\": \"b@example.com\"")), 400);
        assertThat(fields(response)).singleElement().asString().endsWith("email");
        assertThat(get("/draft-orders", store).path("draft_orders")).isEmpty();

        String id = createDraft(store, draft(""));
        assertProblem(
                send("PATCH", "/draft-orders/" + id, store, "{\"draft_order\": {\"note\": \"a\", \"note\": \"b\"}}"),
                400);
        assertThat(get("/draft-orders/" + id, store).path("draft_order", "note").isNull())
                .isTrue();
    }

    @Test
    void finding6_aFixedDueDateBeforeTheCompletionIsRefused() {
        String store = newStore();
        String id = readyDraft(store, draft(""));
        Response response = assertProblem(
                post(
                        "/draft-orders/" + id + "/complete",
                        store,
                        "{\"payment_pending\": true, \"payment_terms\": {\"due_at\": \"1970-01-01T00:00:00Z\"}}"),
                422);
        assertThat(fields(response)).containsExactly("payment_terms.due_at");
        assertThat(get("/draft-orders/" + id, store)
                        .path("draft_order", "status")
                        .asString())
                .isEqualTo("open");
    }

    @Test
    void finding6_aPercentageWithTooManyDecimalsIsRefusedSayingWhatWouldBeAccepted() {
        String store = newStore();
        Response response = assertProblem(
                post(
                        "/draft-orders",
                        store,
                        draft(
                                "\"applied_discount\": {\"value_type\": \"percentage\", \"value\": \"33.3333333333333333\"}")),
                422);
        assertThat(response.path("errors").get(0).path("reason").asString()).contains("at most 4 decimal places");
        refusedNaming(
                draft("\"applied_discount\": {\"value_type\": \"percentage\", \"value\": \"1e1\"}"),
                422,
                "applied_discount.value");
    }
}
