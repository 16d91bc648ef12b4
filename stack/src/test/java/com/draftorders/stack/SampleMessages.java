package com.draftorders.stack;

import com.draftorders.avro.cart.CartLocked;
import com.draftorders.avro.cart.LockCart;
import com.draftorders.avro.common.Address;
import com.draftorders.avro.common.AppliedDiscount;
import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.avro.common.DiscountValueType;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.common.PaymentStatus;
import com.draftorders.avro.common.ShippingLine;
import com.draftorders.avro.common.TaxLine;
import com.draftorders.avro.common.Totals;
import com.draftorders.avro.draft.CreateDraftOrder;
import com.draftorders.avro.draft.DraftOrderCompletionFailed;
import com.draftorders.avro.order.CreateOrderFromCart;
import com.draftorders.avro.order.OrderCreated;
import com.draftorders.avro.order.OrderSnapshot;
import com.draftorders.avro.payment.AuthorizePayment;
import com.draftorders.avro.payment.PaymentAuthorized;
import com.draftorders.schemas.Topic;
import com.draftorders.schemas.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;

/** One realistic envelope per topic, for contract round trips. */
final class SampleMessages {

    private SampleMessages() {}

    static Map<Topic<String, ?>, SpecificRecordBase> oneOfEach() {
        return Map.of(
                Topics.DRAFT_ORDER_REQUESTS, Topics.DRAFT_ORDER_REQUESTS.wrap(metadata("ext-1"), createDraftOrder()),
                Topics.DRAFT_ORDER_EVENTS,
                        Topics.DRAFT_ORDER_EVENTS.wrap(
                                metadata("dorder_1"),
                                new DraftOrderCompletionFailed("dorder_1", "authorize", "card declined", 1)),
                Topics.CART_COMMANDS,
                        Topics.CART_COMMANDS.wrap(metadata("cart_1"), new LockCart("cart_1", "dorder_1", 3L, 1)),
                Topics.CART_EVENTS, Topics.CART_EVENTS.wrap(metadata("cart_1"), new CartLocked(cart(), 1)),
                Topics.PAYMENT_COMMANDS,
                        Topics.PAYMENT_COMMANDS.wrap(
                                metadata("pay_1"),
                                new AuthorizePayment("pay_1", "dorder_1:1", "dorder_1", 4321L, "EUR", "system", null)),
                Topics.PAYMENT_EVENTS,
                        Topics.PAYMENT_EVENTS.wrap(
                                metadata("pay_1"),
                                new PaymentAuthorized("pay_1", "dorder_1", 4321L, "EUR", "system", "sys-1")),
                Topics.ORDER_COMMANDS,
                        Topics.ORDER_COMMANDS.wrap(
                                metadata("dorder_1"),
                                CreateOrderFromCart.newBuilder()
                                        .setDraftOrderId("dorder_1")
                                        .setDraftOrderName("#D1001")
                                        .setPaymentId("pay_1")
                                        .setCart(cart())
                                        .setEmail("ada@example.com")
                                        .build()),
                Topics.ORDER_EVENTS,
                        Topics.ORDER_EVENTS.wrap(
                                metadata("order_1"),
                                new OrderCreated(OrderSnapshot.newBuilder()
                                        .setId("order_1")
                                        .setName("#1001")
                                        .setDraftOrderId("dorder_1")
                                        .setPaymentId("pay_1")
                                        .setPaymentStatus(PaymentStatus.AUTHORIZED)
                                        .setCart(cart())
                                        .setCreatedAt(now())
                                        .build())));
    }

    static Metadata metadata(String aggregateId) {
        return Metadata.newBuilder()
                .setEventId("evt_" + aggregateId + "_" + System.nanoTime())
                .setOccurredAt(now())
                .setCorrelationId("corr_1")
                .setCausationId(null)
                .setStoreId("dev")
                .setAggregateId(aggregateId)
                .setAggregateVersion(1)
                .setSource("contract-test")
                .build();
    }

    static CreateDraftOrder createDraftOrder() {
        return CreateDraftOrder.newBuilder()
                .setRequestId("req-1")
                .setChannel("phone")
                .setExternalReference("ext-1")
                .setEmail("ada@example.com")
                .setContent(content())
                .setTags(List.of("vip"))
                .build();
    }

    static CartContent content() {
        return CartContent.newBuilder()
                .setCurrency("EUR")
                .setLineItems(List.of(LineItem.newBuilder()
                        .setLineItemId("li_1")
                        .setVariantId("var_1")
                        .setSku("MUG-1")
                        .setTitle("Mug")
                        .setQuantity(2)
                        .setPrice(1999)
                        .setGrams(350)
                        .setAppliedDiscount(AppliedDiscount.newBuilder()
                                .setValueType(DiscountValueType.PERCENTAGE)
                                .setPercentage("10")
                                .build())
                        .build()))
                .setShippingLine(new ShippingLine("Standard", 495L, null, List.of(), null))
                .setShippingAddress(Address.newBuilder()
                        .setCountryCode("DE")
                        .setCity("Berlin")
                        .build())
                .build();
    }

    static CartSnapshot cart() {
        return CartSnapshot.newBuilder()
                .setCartId("cart_1")
                .setDraftOrderId("dorder_1")
                .setDraftVersion(3)
                .setContent(content())
                .setTaxLines(List.of(new TaxLine("VAT", "0.19", 690L, null)))
                .setTotals(new Totals("EUR", 3998L, 400L, 3598L, 495L, 690L, 4093L, 2, 700L, null, null, null))
                .build();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
