package com.draftorders.draft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.CustomAttribute;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.common.Metafield;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderRequestRejected;
import com.draftorders.draft.support.DraftServiceTestBase;
import com.draftorders.messaging.IncomingMessage;
import com.draftorders.schemas.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** CreateDraftOrder from a channel carries the new content fields; the same limits apply as over REST. */
class DraftOrderRequestIntakeTest extends DraftServiceTestBase {

    @Autowired
    DraftOrderRequestIntake intake;

    private static IncomingMessage<CreateDraftOrder> incoming(String store, CreateDraftOrder request) {
        var metadata = Metadata.newBuilder()
                .setEventId("evt_" + request.getRequestId())
                .setOccurredAt(Instant.now())
                .setCorrelationId("corr_1")
                .setStoreId(store)
                .setAggregateId(request.getChannel() + ":" + request.getExternalReference())
                .setSource("phone-channel")
                .build();
        return new IncomingMessage<>(
                metadata,
                request,
                request.getChannel() + ":" + request.getExternalReference(),
                Topics.DRAFT_ORDER_REQUESTS.name(),
                0,
                0);
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
        intake.create(incoming(
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

        intake.create(incoming(store, request("call-2").setMetafields(many).build()));

        assertThat(drafts.findByChannelReference(store, "phone", "call-2")).isEmpty();
        assertThat(recorded()
                        .payloads(Topics.DRAFT_ORDER_EVENTS.name(), "phone:call-2", DraftOrderRequestRejected.class))
                .singleElement()
                .satisfies(r -> assertThat(r.getField()).isEqualTo("metafields"));
    }
}
