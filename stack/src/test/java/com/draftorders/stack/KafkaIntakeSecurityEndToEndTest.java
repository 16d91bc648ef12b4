package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.PaymentTerms;
import com.draftorders.avro.draft.CancelDraftOrder;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderCanceled;
import com.draftorders.avro.draft.DraftOrderCompletionStarted;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderRequestRejected;
import com.draftorders.schemas.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * draft-order-requests over the running stack, as an untrusted channel would use it: a store outside draft-service's
 * directory is rejected ({@code unknown_store}) and gets no draft; another store's draft is not found
 * ({@code draft_not_found}) and stays as it was; a channel restricted to other stores is rejected
 * ({@code store_not_allowed}); and every input limit REST applies is applied here too, naming its field.
 */
@Tag("e2e")
class KafkaIntakeSecurityEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static EmbeddedStack stack;
    static Channel channel;
    static TopicReader<?> draftEvents;
    static String run;
    static String storeA;
    static String storeB;

    @BeforeAll
    static void stack() {
        stack = TestStack.shared();
        channel = new Channel(stack, "security-test");
        draftEvents = new TopicReader<>(stack, Topics.DRAFT_ORDER_EVENTS);
        run = UUID.randomUUID().toString().substring(0, 8);
        storeA = "e2e_a_" + run;
        storeB = "e2e_b_" + run;
    }

    @AfterAll
    static void close() {
        channel.close();
        draftEvents.close();
    }

    @Test
    void aCreateForAStoreOutsideTheDirectoryIsRejectedAsUnknownStoreAndMakesNoDraft() throws Exception {
        String unknown = "unknown_" + run;
        String reference = "unknown-" + run;
        send(unknown, reference, create("req-" + reference, "phone", reference, content(lines(1))));
        // the same key (same partition, handled in order) for a known store: once its draft exists, the first
        // request has been handled
        send(storeA, reference, create("marker-" + reference, "phone", reference + "-marker", content(lines(1))));

        var rejected = rejection("req-" + reference);
        assertThat(rejected.getCode()).isEqualTo("unknown_store");
        assertThat(rejected.getField()).isEqualTo("metadata.store_id");
        assertThat(rejected.getReason()).isEqualTo("store \"" + unknown + "\" is not known");
        assertThat(draftEvents.awaitPayloads(
                        DraftOrderCreated.class,
                        e -> (reference + "-marker").equals(e.getDraftOrder().getExternalReference()),
                        WAIT))
                .hasSize(1);
        assertThat(draftEvents.payloads(
                        DraftOrderCreated.class,
                        e -> reference.equals(e.getDraftOrder().getExternalReference())))
                .as("no draft for the unknown store")
                .isEmpty();
    }

    @Test
    void storeBCompletingOrCancelingStoreAsDraftIsRejectedAsNotFoundAndTheDraftStaysAsItWas() throws Exception {
        String reference = "call-" + run;
        send(storeA, reference, create("req-" + reference, "phone", reference, content(lines(1))));
        String draftId = draftEvents
                .awaitPayloads(
                        DraftOrderCreated.class,
                        e -> reference.equals(e.getDraftOrder().getExternalReference()),
                        WAIT)
                .get(0)
                .getDraftOrder()
                .getId();
        var drafts = new Rest(stack.service("draft-service").url(), storeA);
        var ready = Eventually.await(
                "store A's draft ready",
                WAIT,
                () -> drafts.get("/draft-orders/" + draftId).path("draft_order"),
                d -> d.path("ready").asBoolean());

        send(
                storeB,
                reference,
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-" + reference)
                        .setChannel("phone")
                        .setDraftOrderId(draftId)
                        .build());
        send(
                storeB,
                reference,
                CancelDraftOrder.newBuilder()
                        .setRequestId("cancel-" + reference)
                        .setChannel("phone")
                        .setExternalReference(reference)
                        .build());

        var byId = rejection("complete-" + reference);
        var byReference = rejection("cancel-" + reference);
        assertThat(byId.getCode()).isEqualTo("draft_not_found");
        assertThat(byId.getField()).isEqualTo("draft_order_id");
        assertThat(byId.getReason()).isEqualTo("draft order not found");
        assertThat(byReference.getCode()).isEqualTo("draft_not_found");
        assertThat(byReference.getField()).isEqualTo("external_reference");
        var after = drafts.get("/draft-orders/" + draftId).path("draft_order");
        assertThat(after.path("status").asString()).isEqualTo("open");
        assertThat(after.path("version").asLong())
                .isEqualTo(ready.path("version").asLong());
        assertThat(draftEvents.payloads(DraftOrderCompletionStarted.class, e -> draftId.equals(e.getDraftOrderId())))
                .isEmpty();
        assertThat(draftEvents.payloads(
                        DraftOrderCanceled.class,
                        e -> draftId.equals(e.getDraftOrder().getId())))
                .isEmpty();
    }

    @Test
    void aChannelRestrictedToAnotherStoreIsRejectedAsNotAllowedAndWritesForItsOwn() throws Exception {
        String reference = "kiosk-" + run;
        send(storeA, reference, create("req-" + reference, "kiosk", reference, content(lines(1))));
        send(
                TestStack.KIOSK_STORE,
                reference,
                create("own-" + reference, "kiosk", reference + "-own", content(lines(1))));

        var rejected = rejection("req-" + reference);
        assertThat(rejected.getCode()).isEqualTo("store_not_allowed");
        assertThat(rejected.getReason()).isEqualTo("channel \"kiosk\" may not write for store \"" + storeA + "\"");
        assertThat(draftEvents.awaitPayloads(
                        DraftOrderCreated.class,
                        e -> (reference + "-own").equals(e.getDraftOrder().getExternalReference()),
                        WAIT))
                .singleElement()
                .satisfies(created ->
                        assertThat(created.getDraftOrder().getChannel()).isEqualTo("kiosk"));
        assertThat(draftEvents.payloads(
                        DraftOrderCreated.class,
                        e -> reference.equals(e.getDraftOrder().getExternalReference())))
                .isEmpty();
    }

    @Test
    void everyInputLimitIsRejectedNamingItsField() throws Exception {
        String r = "limits-" + run;
        List<LineItem> tooMany = lines(500);
        var longTitle = lines(1);
        longTitle.get(0).setTitle("t".repeat(256));
        var zero = lines(1);
        zero.get(0).setQuantity(0);
        var millionAndOne = lines(1);
        millionAndOne.get(0).setQuantity(1_000_001);
        var maxLong = lines(1);
        maxLong.get(0).setPrice(Long.MAX_VALUE);
        // each within its limit (10^13 minor units, 10^6), but 10^19 in total: more than a long holds
        var overflow = lines(1);
        overflow.get(0).setPrice(10_000_000_000_000L);
        overflow.get(0).setQuantity(1_000_000);
        var overlongNote = create(r + "-note", "phone", r + "-note", content(lines(1)));
        overlongNote.setNote("n".repeat(5_001));

        List<Case> cases = List.of(
                new Case("line_items", create(r + "-500", "phone", r + "-500", content(tooMany))),
                new Case("line_items[0].title", create(r + "-title", "phone", r + "-title", content(longTitle))),
                new Case("note", overlongNote),
                new Case("line_items[0].quantity", create(r + "-zero", "phone", r + "-zero", content(zero))),
                new Case(
                        "line_items[0].quantity",
                        create(r + "-million", "phone", r + "-million", content(millionAndOne))),
                new Case("line_items[0].price", create(r + "-maxlong", "phone", r + "-maxlong", content(maxLong))),
                new Case("line_items", create(r + "-overflow", "phone", r + "-overflow", content(overflow))),
                new Case(
                        "payment_terms.net_days",
                        CompleteDraftOrder.newBuilder()
                                .setRequestId(r + "-terms")
                                .setChannel("phone")
                                .setExternalReference(r + "-title")
                                .setPaymentTerms(new PaymentTerms(400, null))
                                .build()),
                new Case(
                        "reason",
                        CancelDraftOrder.newBuilder()
                                .setRequestId(r + "-reason")
                                .setChannel("phone")
                                .setExternalReference(r + "-title")
                                .setReason("x".repeat(256))
                                .build()));
        for (Case c : cases) {
            send(storeA, r, c.request());
        }
        // the request id itself is bounded: echoed back clipped to 255 characters
        String longId = r + "-" + "i".repeat(300);
        send(storeA, r, create(longId, "phone", r + "-longid", content(lines(1))));

        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            String requestId = requestIdOf(c.request());
            var rejected = rejection(requestId);
            if (!c.field().equals(rejected.getField()) || !"invalid".equals(rejected.getCode())) {
                problems.add(
                        requestId + ": " + rejected.getCode() + " " + rejected.getField() + " " + rejected.getReason());
            }
        }
        assertThat(problems).isEmpty();
        var byLongId = rejection(longId.substring(0, 255));
        assertThat(byLongId.getField()).isEqualTo("request_id");
        assertThat(rejection(r + "-million").getReason())
                .isEqualTo("line_items[0].quantity must be between 1 and 1000000");
        assertThat(rejection(r + "-500").getReason()).isEqualTo("line_items must contain at most 499 line items");
        assertThat(draftEvents.payloads(
                        DraftOrderCreated.class,
                        e -> e.getDraftOrder().getExternalReference().startsWith(r)))
                .as("no draft from any of them")
                .isEmpty();
    }

    /** A request that breaks one limit, and the field its rejection must name. */
    record Case(String field, Object request) {}

    private static String requestIdOf(Object request) {
        if (request instanceof CreateDraftOrder c) {
            return c.getRequestId();
        }
        if (request instanceof CompleteDraftOrder c) {
            return c.getRequestId();
        }
        return ((CancelDraftOrder) request).getRequestId();
    }

    private static DraftOrderRequestRejected rejection(String requestId) {
        var found = draftEvents.awaitPayloads(
                DraftOrderRequestRejected.class, e -> e.getRequestId().equals(requestId), WAIT);
        assertThat(found).as("the rejection of " + requestId).hasSize(1);
        return found.get(0);
    }

    static CreateDraftOrder create(String requestId, String channel, String reference, CartContent content) {
        return CreateDraftOrder.newBuilder()
                .setRequestId(requestId)
                .setChannel(channel)
                .setExternalReference(reference)
                .setEmail("ada@example.com")
                .setContent(content)
                .build();
    }

    static List<LineItem> lines(int count) {
        List<LineItem> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(LineItem.newBuilder()
                    .setLineItemId("li_" + i)
                    .setVariantId("var_1")
                    .setTitle("Phone case")
                    .setQuantity(1)
                    .setPrice(2500)
                    .build());
        }
        return lines;
    }

    static CartContent content(List<LineItem> lines) {
        return CartContent.newBuilder().setCurrency("EUR").setLineItems(lines).build();
    }

    static void send(String store, String reference, Object payload) throws Exception {
        channel.send(store, reference, payload);
    }
}
