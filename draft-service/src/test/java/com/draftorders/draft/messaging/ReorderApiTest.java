package com.draftorders.draft.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.cart.CreateCart;
import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.common.PaymentStatus;
import com.draftorders.avro.common.Totals;
import com.draftorders.avro.draft.DraftOrderCreated;
import com.draftorders.avro.order.OrderCreated;
import com.draftorders.avro.order.OrderSnapshot;
import com.draftorders.draft.domain.DraftContent;
import com.draftorders.draft.support.DraftServiceTestBase;
import com.draftorders.messaging.IncomingMessage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Re-order: draft-service copies each order from {@code OrderCreated} ({@code order_copies}) and makes a new open
 * draft from the copy on {@code POST /draft-orders/from-order/{orderId}}.
 */
class ReorderApiTest extends DraftServiceTestBase {

    private static final AtomicInteger EVENTS = new AtomicInteger();

    private static DraftContent orderedContent() {
        var address = new DraftContent.Address(
                "Ada", "Lovelace", null, "Unter den Linden 1", null, "Berlin", null, "DE", "10117", null);
        return new DraftContent(
                "EUR",
                List.of(
                        new DraftContent.LineItem(
                                "li_1",
                                "var_mug",
                                "prod_mug",
                                "MUG-1",
                                "Mug",
                                "Blue",
                                2,
                                1999,
                                2499L,
                                350,
                                true,
                                true,
                                new DraftContent.AppliedDiscount(
                                        "Bundle", null, DraftContent.DiscountType.PERCENTAGE, "10", null)),
                        new DraftContent.LineItem(
                                "li_2", null, null, null, "Gift wrapping", null, 1, 250, null, 0, false, false, null)),
                new DraftContent.AppliedDiscount("Loyalty", null, DraftContent.DiscountType.FIXED_AMOUNT, null, 500L),
                new DraftContent.ShippingLine("DHL", 495, "dhl"),
                address,
                address,
                false,
                false);
    }

    private void orderCreated(String store, String orderId) {
        var order = OrderSnapshot.newBuilder()
                .setId(orderId)
                .setName("#1001")
                .setDraftOrderId("dorder_of_" + orderId)
                .setPaymentId("pay_1")
                .setPaymentStatus(PaymentStatus.AUTHORIZED)
                .setEmail("ada@example.com")
                .setPhone("+49 30 000000")
                .setCustomerId("cust_1")
                .setCart(CartSnapshot.newBuilder()
                        .setCartId("cart_1")
                        .setDraftOrderId("dorder_of_" + orderId)
                        .setDraftVersion(1)
                        .setContent(AvroMapping.toAvro(orderedContent(), null))
                        .setTotals(new Totals("EUR", 4248L, 400L, 3848L, 495L, 0L, 4343L, 3, 700L, null, null, null))
                        .build())
                .setNote("call before delivery")
                .setTags(List.of("phone", "vip"))
                .setCreatedAt(Instant.parse("2025-03-01T10:00:00Z"))
                .build();
        var metadata = Metadata.newBuilder()
                .setEventId("evt_order_" + EVENTS.incrementAndGet())
                .setOccurredAt(Instant.now())
                .setCorrelationId("corr_1")
                .setStoreId(store)
                .setAggregateId(orderId)
                .setSource("order-service")
                .build();
        deliver(new IncomingMessage<>(metadata, new OrderCreated(order), orderId, "order-events", 0, EVENTS.get()));
    }

    @Test
    void aNewOpenDraftIsMadeWithTheOrdersLinesAddressesCustomerNoteAndTags() {
        String store = newStore();
        orderCreated(store, "order_r1");

        var response = post("/draft-orders/from-order/order_r1", store, null);

        assertThat(response.status()).isEqualTo(201);
        var draft = response.path("draft_order");
        String id = draft.path("id").asString();
        assertThat(response.header("Location")).contains("/draft-orders/" + id);
        assertThat(draft.path("status").asString()).isEqualTo("open");
        assertThat(draft.path("name").asString()).startsWith("#D");
        assertThat(draft.path("currency").asString()).isEqualTo("EUR");
        var mug = draft.path("line_items").get(0);
        assertThat(mug.path("id").asString()).isNotEqualTo("li_1");
        assertThat(mug.path("variant_id").asString()).isEqualTo("var_mug");
        assertThat(mug.path("sku").asString()).isEqualTo("MUG-1");
        assertThat(mug.path("quantity").asInt()).isEqualTo(2);
        assertThat(mug.path("price").asString()).isEqualTo("19.99");
        var wrap = draft.path("line_items").get(1);
        assertThat(wrap.path("custom").asBoolean()).isTrue();
        assertThat(wrap.path("title").asString()).isEqualTo("Gift wrapping");
        assertThat(wrap.path("price").asString()).isEqualTo("2.50");
        assertThat(wrap.path("taxable").asBoolean()).isFalse();
        assertThat(draft.path("shipping_address").path("city").asString()).isEqualTo("Berlin");
        assertThat(draft.path("billing_address").path("zip").asString()).isEqualTo("10117");
        assertThat(draft.path("email").asString()).isEqualTo("ada@example.com");
        assertThat(draft.path("phone").asString()).isEqualTo("+49 30 000000");
        assertThat(draft.path("note").asString()).isEqualTo("call before delivery");
        assertThat(draft.path("tags").asString()).isEqualTo("phone, vip");
        assertThat(draftEvents(id, DraftOrderCreated.class)).hasSize(1);
        assertThat(cartCommands(draft.path("cart_id").asString(), CreateCart.class))
                .singleElement()
                .satisfies(c -> assertThat(c.getDraftOrderId()).isEqualTo(id));
    }

    @Test
    void discountsAndTheShippingLineOfTheOrderAreNotCarriedOver() {
        String store = newStore();
        orderCreated(store, "order_r2");

        var draft = post("/draft-orders/from-order/order_r2", store, null).path("draft_order");

        assertThat(draft.path("applied_discount").isNull()).isTrue();
        assertThat(draft.path("line_items").get(0).path("applied_discount").isNull())
                .isTrue();
        assertThat(draft.path("shipping_line").isNull()).isTrue();
    }

    @Test
    void aRedeliveredOrderCreatedKeepsOneCopy() {
        String store = newStore();
        orderCreated(store, "order_r3");
        orderCreated(store, "order_r3");

        assertThat(mongo.getCollection("order_copies").countDocuments(new org.bson.Document("_id", "order_r3")))
                .isEqualTo(1);
        assertThat(post("/draft-orders/from-order/order_r3", store, null).status())
                .isEqualTo(201);
    }

    @Test
    void anUnknownOrderOrAnotherStoresOrderIsNotFound() {
        String store = newStore();
        orderCreated(store, "order_r4");

        assertThat(post("/draft-orders/from-order/order_unknown", store, null).status())
                .isEqualTo(404);
        assertThat(post("/draft-orders/from-order/order_r4", newStore(), null).status())
                .isEqualTo(404);
    }
}
