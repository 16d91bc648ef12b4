package com.draftorders.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.draft.CompleteDraftOrder;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderCompleted;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.draft.DraftOrderRequestRejected;
import com.draftorders.avro.order.OrderPaymentCaptured;
import com.draftorders.schemas.Topics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An upstream channel creates and completes drafts through draft-order-requests. */
@Tag("e2e")
class CompletionOverKafkaEndToEndTest {

    static final Duration SAGA = Duration.ofSeconds(30);
    static EmbeddedStack stack;
    static Channel channel;
    static TopicReader<?> draftEvents;
    static TopicReader<?> orderEvents;

    @BeforeAll
    static void stack() {
        stack = TestStack.shared();
        channel = new Channel(stack, "phone-channel");
        draftEvents = new TopicReader<>(stack, Topics.DRAFT_ORDER_EVENTS);
        orderEvents = new TopicReader<>(stack, Topics.ORDER_EVENTS);
    }

    @AfterAll
    static void close() {
        channel.close();
        draftEvents.close();
        orderEvents.close();
    }

    @Test
    void aChannelsDraftIsCreatedOnceAndCompletedIntoACapturedOrder() throws Exception {
        String reference = "phone-" + UUID.randomUUID();
        var create = CreateDraftOrder.newBuilder()
                .setRequestId("req-" + reference)
                .setChannel("phone")
                .setExternalReference(reference)
                .setEmail("ada@example.com")
                .setContent(content(2, 2500))
                .setTags(List.of("phone"))
                .build();
        send(reference, create);
        send(reference, create); // the channel re-sends: same request, new message
        // Completing right away: the draft completes as soon as its totals are ready.
        send(
                reference,
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-" + reference)
                        .setChannel("phone")
                        .setExternalReference(reference)
                        .build());

        var completed = draftEvents.awaitPayloads(
                DraftOrderCompleted.class,
                e -> reference.equals(e.getDraftOrder().getExternalReference()),
                SAGA);
        assertThat(completed).singleElement();
        String orderId = completed.get(0).getDraftOrder().getOrderId();
        assertThat(orderEvents.awaitPayloads(
                        OrderPaymentCaptured.class, e -> e.getOrderId().equals(orderId), SAGA))
                .singleElement()
                .satisfies(captured -> assertThat(captured.getAmount()).isEqualTo(5000L));
        assertThat(draftEvents.payloads(
                        DraftOrderCreated.class,
                        e -> reference.equals(e.getDraftOrder().getExternalReference())))
                .as("one draft for the re-sent request")
                .hasSize(1);
    }

    @Test
    void anInvalidRequestIsRejectedWithItsReasonAndTheNextRequestIsStillProcessed() throws Exception {
        String reference = "pos-" + UUID.randomUUID();
        send(
                reference,
                CreateDraftOrder.newBuilder()
                        .setRequestId("bad-" + reference)
                        .setChannel("pos")
                        .setExternalReference(reference)
                        .setContent(content(0, 2500))
                        .build());
        String goodReference = reference + "-fixed";
        send(
                reference,
                CreateDraftOrder.newBuilder()
                        .setRequestId("good-" + reference)
                        .setChannel("pos")
                        .setExternalReference(goodReference)
                        .setContent(content(1, 2500))
                        .build());

        assertThat(draftEvents.awaitPayloads(
                        DraftOrderRequestRejected.class, e -> e.getRequestId().equals("bad-" + reference), SAGA))
                .singleElement()
                .satisfies(rejected -> {
                    assertThat(rejected.getField()).isEqualTo("line_items[0].quantity");
                    assertThat(rejected.getReason()).contains("between 1 and");
                    assertThat(rejected.getRequestType()).isEqualTo("CreateDraftOrder");
                });
        assertThat(draftEvents.awaitPayloads(
                        DraftOrderCreated.class,
                        e -> goodReference.equals(e.getDraftOrder().getExternalReference()),
                        SAGA))
                .hasSize(1);
    }

    @Test
    void completingAnUnknownDraftIsRejected() throws Exception {
        String reference = "chat-" + UUID.randomUUID();
        send(
                reference,
                CompleteDraftOrder.newBuilder()
                        .setRequestId("complete-" + reference)
                        .setChannel("chat")
                        .setExternalReference(reference)
                        .build());

        assertThat(draftEvents.awaitPayloads(
                        DraftOrderRequestRejected.class, e -> e.getRequestId().equals("complete-" + reference), SAGA))
                .singleElement()
                .satisfies(rejected -> assertThat(rejected.getReason()).isEqualTo("draft order not found"));
    }

    static CartContent content(int quantity, long price) {
        return CartContent.newBuilder()
                .setCurrency("EUR")
                .setLineItems(List.of(LineItem.newBuilder()
                        .setLineItemId("li_1")
                        .setVariantId("var_1")
                        .setTitle("Phone case")
                        .setQuantity(quantity)
                        .setPrice(price)
                        .build()))
                .build();
    }

    static void send(String reference, Object payload) throws Exception {
        channel.send(reference, payload);
    }
}
