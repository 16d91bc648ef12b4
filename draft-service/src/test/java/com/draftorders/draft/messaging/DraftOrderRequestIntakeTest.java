package com.draftorders.draft.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.CustomAttribute;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.common.Metafield;
import com.draftorders.avro.common.PaymentTerms;
import com.draftorders.avro.common.ShippingLine;
import com.draftorders.avro.draft.CancelDraftOrder;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderRequestRejected;
import com.draftorders.draft.domain.DraftOrderStatus;
import com.draftorders.draft.domain.DraftValidation;
import com.draftorders.draft.support.DraftServiceTestBase;
import com.draftorders.draft.support.RecordingCodec;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests from channels: CreateDraftOrder carries the new content fields; the same limits apply as over REST; only
 * known stores are served, a restricted channel writes only for its stores, and a draft of another store is not
 * found.
 */
class DraftOrderRequestIntakeTest extends DraftServiceTestBase {

    private static IncomingMessage<CreateDraftOrder> incoming(String store, CreateDraftOrder request) {
        return incoming(store, request, request.getChannel() + ":" + request.getExternalReference());
    }

    private static <P> IncomingMessage<P> incoming(String store, P request, String key) {
        var metadata = Metadata.newBuilder()
                .setEventId("evt_" + UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setCorrelationId("corr_1")
                .setStoreId(store)
                .setAggregateId(key)
                .setSource("phone-channel")
                .build();
        return new IncomingMessage<>(metadata, request, key, Topics.DRAFT_ORDER_REQUESTS.name(), 0, 0);
    }

    /** The rejections published for {@code store}'s requests, in order. */
    private List<DraftOrderRequestRejected> rejections(String store) {
        return recorded().ofStore(store).stream()
                .map(RecordingCodec.Recorded::payload)
                .filter(DraftOrderRequestRejected.class::isInstance)
                .map(DraftOrderRequestRejected.class::cast)
                .toList();
    }

    /** Sends {@code request} for a new store and answers its one rejection; no draft was made. */
    private DraftOrderRequestRejected rejectedCreate(CreateDraftOrder request) {
        String store = newStore();
        deliver(incoming(store, request));
        assertThat(drafts.findByChannelReference(store, request.getChannel(), request.getExternalReference()))
                .as("no draft")
                .isEmpty();
        var rejections = rejections(store);
        assertThat(rejections).hasSize(1);
        return rejections.get(0);
    }

    private static LineItem.Builder mug() {
        return LineItem.newBuilder()
                .setLineItemId("l1")
                .setTitle("Mug")
                .setQuantity(1)
                .setPrice(1999)
                .setGrams(350)
                .setTaxable(true)
                .setRequiresShipping(true);
    }

    private static CreateDraftOrder withLines(String reference, List<LineItem> lines) {
        var request = request(reference).build();
        request.getContent().setLineItems(lines);
        return request;
    }

    private static CreateDraftOrder.Builder request(String reference) {
        return CreateDraftOrder.newBuilder()
                .setRequestId("req-" + reference)
                .setChannel("phone")
                .setExternalReference(reference)
                .setEmail("ada@example.com")
                .setContent(CartContent.newBuilder()
                        .setCurrency("EUR")
                        .setLineItems(List.of(LineItem.newBuilder()
                                .setLineItemId("l1")
                                .setTitle("Mug")
                                .setQuantity(1)
                                .setPrice(1999)
                                .setGrams(350)
                                .setTaxable(true)
                                .setRequiresShipping(true)
                                .build()))
                        .build());
    }

    @Test
    void theNewFieldsOfAChannelsDraftAreStoredAndPublished() {
        String store = newStore();
        deliver(incoming(
                store,
                request("call-1")
                        .setMetafields(List.of(new Metafield("erp", "customer_no", "4711", "number_integer")))
                        .setCustomAttributes(List.of(new CustomAttribute("caller", "Ada")))
                        .setPoNumber("PO-9")
                        .setSourceName("phone")
                        .setVisibleToCustomer(true)
                        .setReserveInventoryUntil(Instant.parse("2030-01-01T00:00:00Z"))
                        .build()));

        var draft = drafts.findByChannelReference(store, "phone", "call-1").orElseThrow();
        assertThat(draft.details().poNumber()).isEqualTo("PO-9");
        assertThat(draft.details().metafields())
                .singleElement()
                .satisfies(m -> assertThat(m.type()).isEqualTo("number_integer"));
        assertThat(draftEvents(draft.id(), DraftOrderCreated.class))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getDraftOrder().getCustomAttributes())
                            .singleElement()
                            .satisfies(a -> assertThat(a.getValue()).isEqualTo("Ada"));
                    assertThat(e.getDraftOrder().getVisibleToCustomer()).isTrue();
                    assertThat(e.getDraftOrder().getReserveInventoryUntil()).isEqualTo("2030-01-01T00:00:00Z");
                });
    }

    @Test
    void aChannelsDraftWithTooManyMetafieldsIsRejectedWithTheField() {
        String store = newStore();
        List<Metafield> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(new Metafield("ns", "k" + i, "v", "single_line_text_field"));
        }

        deliver(incoming(store, request("call-2").setMetafields(many).build()));

        assertThat(drafts.findByChannelReference(store, "phone", "call-2")).isEmpty();
        assertThat(recorded()
                        .payloads(Topics.DRAFT_ORDER_EVENTS.name(), "phone:call-2", DraftOrderRequestRejected.class))
                .singleElement()
                .satisfies(r -> assertThat(r.getField()).isEqualTo("metafields"));
    }

    @Test
    void aRequestForAStoreOutsideTheDirectoryIsRejectedAsUnknownStoreAndMakesNoDraft() {
        String unknown = "unknown-" + UUID.randomUUID();

        deliver(incoming(unknown, request("call-3").build()));

        assertThat(drafts.findByChannelReference(unknown, "phone", "call-3")).isEmpty();
        assertThat(rejections(unknown)).singleElement().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo("unknown_store");
            assertThat(r.getField()).isEqualTo("metadata.store_id");
            assertThat(r.getReason()).isEqualTo("store \"" + unknown + "\" is not known");
            assertThat(r.getRequestId()).isEqualTo("req-call-3");
        });
        assertThat(recorded().ofStore(unknown)).as("nothing but the rejection").hasSize(1);
    }

    @Test
    void completingOrCancelingAnotherStoresDraftIsRejectedAsNotFoundAndChangesNothing() {
        String storeA = newStore();
        String storeB = newStore();
        deliver(incoming(storeA, request("call-4").build()));
        var draft = drafts.findByChannelReference(storeA, "phone", "call-4").orElseThrow();

        deliver(incoming(
                storeB,
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-call-4")
                        .setChannel("phone")
                        .setDraftOrderId(draft.id())
                        .build(),
                "phone:call-4"));
        deliver(incoming(
                storeB,
                CancelDraftOrder.newBuilder()
                        .setRequestId("cancel-call-4")
                        .setChannel("phone")
                        .setExternalReference("call-4")
                        .build(),
                "phone:call-4"));

        assertThat(rejections(storeB))
                .extracting(DraftOrderRequestRejected::getCode, DraftOrderRequestRejected::getField)
                .containsExactly(
                        tuple("draft_not_found", "draft_order_id"), tuple("draft_not_found", "external_reference"));
        assertThat(rejections(storeB)).allSatisfy(r -> assertThat(r.getReason()).isEqualTo("draft order not found"));
        var unchanged = drafts.find(storeA, draft.id()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(DraftOrderStatus.OPEN);
        assertThat(unchanged.version()).isEqualTo(draft.version());
        assertThat(rejections(storeA)).isEmpty();
    }

    @Test
    void aChannelRestrictedToOtherStoresIsRejectedAsNotAllowed() {
        String store = newStore();

        deliver(incoming(store, request("kiosk-1").setChannel("kiosk").build()));
        deliver(incoming("store-kiosk", request("kiosk-2").setChannel("kiosk").build()));

        assertThat(drafts.findByChannelReference(store, "kiosk", "kiosk-1")).isEmpty();
        assertThat(rejections(store)).singleElement().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo("store_not_allowed");
            assertThat(r.getReason()).isEqualTo("channel \"kiosk\" may not write for store \"" + store + "\"");
        });
        assertThat(drafts.findByChannelReference("store-kiosk", "kiosk", "kiosk-2"))
                .as("its own store")
                .isPresent();
    }

    @Test
    void fiveHundredLinesAreRejectedNamingLineItems() {
        List<LineItem> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add(mug().setLineItemId("l" + i).build());
        }

        var rejected = rejectedCreate(withLines("many-lines", lines));

        assertThat(rejected.getCode()).isEqualTo("invalid");
        assertThat(rejected.getField()).isEqualTo("line_items");
        assertThat(rejected.getReason()).isEqualTo("line_items must contain at most 499 line items");
    }

    @Test
    void fourHundredNinetyNineLinesAreAccepted() {
        String store = newStore();
        List<LineItem> lines = new ArrayList<>();
        for (int i = 0; i < 499; i++) {
            lines.add(mug().setLineItemId("l" + i).build());
        }

        deliver(incoming(store, withLines("max-lines", lines)));

        assertThat(drafts.findByChannelReference(store, "phone", "max-lines")).isPresent();
        assertThat(rejections(store)).isEmpty();
    }

    @Test
    void overlongStringsAreRejectedNamingTheirField() {
        assertThat(rejectedCreate(withLines(
                                "long-title",
                                List.of(mug().setTitle("t".repeat(256)).build())))
                        .getField())
                .isEqualTo("line_items[0].title");
        assertThat(rejectedCreate(
                                request("long-note").setNote("n".repeat(5_001)).build())
                        .getField())
                .isEqualTo("note");
        assertThat(rejectedCreate(request("long-email")
                                .setEmail("a".repeat(250) + "@example.com")
                                .build())
                        .getField())
                .isEqualTo("email");
        assertThat(rejectedCreate(request("long-tag")
                                .setTags(List.of("t".repeat(256)))
                                .build())
                        .getField())
                .isEqualTo("tags");
        assertThat(rejectedCreate(
                        request("long-request").setRequestId("r".repeat(256)).build()))
                .satisfies(r -> {
                    assertThat(r.getField()).isEqualTo("request_id");
                    assertThat(r.getRequestId()).as("echoed clipped").hasSize(255);
                });
        assertThat(rejectedCreate(request("e".repeat(256))
                                .setRequestId("req-long-reference")
                                .build())
                        .getField())
                .isEqualTo("external_reference");
        assertThat(rejectedCreate(withLines(
                                "long-line-id",
                                List.of(mug().setLineItemId("l".repeat(256)).build())))
                        .getField())
                .isEqualTo("line_items[0].line_item_id");
    }

    @Test
    void quantitiesOutsideOneToAMillionAreRejected() {
        assertThat(rejectedCreate(withLines("zero", List.of(mug().setQuantity(0).build())))
                        .getField())
                .isEqualTo("line_items[0].quantity");
        assertThat(rejectedCreate(withLines(
                                "too-many", List.of(mug().setQuantity(1_000_001).build())))
                        .getReason())
                .isEqualTo("line_items[0].quantity must be between 1 and 1000000");
    }

    @Test
    void moneyThatCouldOverflowIsRejected() {
        assertThat(rejectedCreate(withLines(
                                "max-long",
                                List.of(mug().setPrice(Long.MAX_VALUE).build())))
                        .getField())
                .isEqualTo("line_items[0].price");
        assertThat(rejectedCreate(
                                withLines("negative", List.of(mug().setPrice(-1).build())))
                        .getField())
                .isEqualTo("line_items[0].price");
        // each within the limit, but price x quantity is 10^19: more than a long holds
        assertThat(rejectedCreate(withLines(
                                "overflow",
                                List.of(mug().setPrice(DraftValidation.MAX_AMOUNT)
                                        .setQuantity(DraftValidation.MAX_QUANTITY)
                                        .build())))
                        .getField())
                .isEqualTo("line_items");
        var shipping = request("shipping").build();
        shipping.getContent()
                .setShippingLine(ShippingLine.newBuilder()
                        .setTitle("DHL")
                        .setPrice(DraftValidation.MAX_AMOUNT + 1)
                        .build());
        assertThat(rejectedCreate(shipping).getField()).isEqualTo("shipping_line.price");
    }

    @Test
    void aCompletionWithAnInvalidGatewayOrTermsAndACancellationWithAnOverlongReasonAreRejected() {
        String store = newStore();
        deliver(incoming(store, request("call-5").build()));
        var draft = drafts.findByChannelReference(store, "phone", "call-5").orElseThrow();

        deliver(incoming(
                store,
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-1")
                        .setChannel("phone")
                        .setExternalReference("call-5")
                        .setPaymentGateway("Bad Gateway!")
                        .build(),
                "phone:call-5"));
        deliver(incoming(
                store,
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-2")
                        .setChannel("phone")
                        .setExternalReference("call-5")
                        .setPaymentTerms(new PaymentTerms(400, null))
                        .build(),
                "phone:call-5"));
        deliver(incoming(
                store,
                CancelDraftOrder.newBuilder()
                        .setRequestId("cancel-1")
                        .setChannel("phone")
                        .setExternalReference("call-5")
                        .setReason("r".repeat(256))
                        .build(),
                "phone:call-5"));

        assertThat(rejections(store))
                .extracting(DraftOrderRequestRejected::getCode, DraftOrderRequestRejected::getField)
                .containsExactly(
                        tuple("invalid", "payment_gateway"),
                        tuple("invalid", "payment_terms.net_days"),
                        tuple("invalid", "reason"));
        var unchanged = drafts.find(store, draft.id()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(DraftOrderStatus.OPEN);
        assertThat(unchanged.version()).isEqualTo(draft.version());
    }

    @Test
    void aDraftsOwnRefusalCarriesItsCode() {
        String store = newStore();
        deliver(incoming(store, request("call-6").build()));
        deliver(incoming(
                store,
                CancelDraftOrder.newBuilder()
                        .setRequestId("cancel-a")
                        .setChannel("phone")
                        .setExternalReference("call-6")
                        .build(),
                "phone:call-6"));
        deliver(incoming(
                store,
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-b")
                        .setChannel("phone")
                        .setExternalReference("call-6")
                        .build(),
                "phone:call-6"));

        assertThat(rejections(store)).singleElement().satisfies(r -> {
            assertThat(r.getCode()).isEqualTo("canceled");
            assertThat(r.getRequestId()).isEqualTo("complete-b");
            assertThat(r.getReason()).isEqualTo("the draft order is canceled");
        });
    }
}
