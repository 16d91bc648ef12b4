package com.draftorders.cart.support;

import com.draftorders.avro.common.Address;
import com.draftorders.avro.common.AppliedDiscount;
import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.DiscountValueType;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.Metadata;
import com.draftorders.avro.common.ShippingLine;
import com.draftorders.messaging.IncomingMessage;
import java.time.Instant;
import java.util.List;

/** Commands as draft-service sends them. */
public final class AvroFixtures {

    public static final String STORE = "store_a";
    public static final String CORRELATION = "corr_1";

    private AvroFixtures() {}

    public static <P> IncomingMessage<P> command(String eventId, String cartId, P payload) {
        return command(eventId, STORE, cartId, payload);
    }

    public static <P> IncomingMessage<P> command(String eventId, String storeId, String cartId, P payload) {
        Metadata metadata = Metadata.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.parse("2025-01-01T10:00:00Z"))
                .setCorrelationId(CORRELATION)
                .setCausationId(null)
                .setStoreId(storeId)
                .setAggregateId(cartId)
                .setAggregateVersion(1)
                .setSource("draft-service")
                .build();
        return new IncomingMessage<>(metadata, payload, cartId, "cart-commands", 0, 0);
    }

    /** 2 mugs at 19.99 with 10% off, 4.95 shipping, shipped to Germany (19% VAT). */
    public static CartContent mugsToGermany() {
        return CartContent.newBuilder()
                .setCurrency("EUR")
                .setLineItems(List.of(mug(2, percentage("10"))))
                .setShippingLine(new ShippingLine("Standard", 495L, "STD", List.of(), null))
                .setShippingAddress(Address.newBuilder()
                        .setCountryCode("DE")
                        .setCity("Berlin")
                        .build())
                .build();
    }

    public static LineItem mug(int quantity, AppliedDiscount discount) {
        return LineItem.newBuilder()
                .setLineItemId("li_1")
                .setVariantId("var_1")
                .setSku("MUG-1")
                .setTitle("Mug")
                .setQuantity(quantity)
                .setPrice(1999)
                .setGrams(350)
                .setAppliedDiscount(discount)
                .build();
    }

    public static AppliedDiscount percentage(String percent) {
        return AppliedDiscount.newBuilder()
                .setTitle("Promo")
                .setValueType(DiscountValueType.PERCENTAGE)
                .setPercentage(percent)
                .build();
    }

    public static AppliedDiscount fixedAmount(long amount) {
        return AppliedDiscount.newBuilder()
                .setValueType(DiscountValueType.FIXED_AMOUNT)
                .setFixedAmount(amount)
                .build();
    }
}
