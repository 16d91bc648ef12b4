package com.draftorders.benchmark;

import com.draftorders.avro.common.Address;
import com.draftorders.avro.common.AppliedDiscount;
import com.draftorders.avro.common.CartContent;
import com.draftorders.avro.common.DiscountValueType;
import com.draftorders.avro.common.LineItem;
import com.draftorders.avro.common.ShippingLine;
import java.util.List;

/**
 * The draft every completion uses, the same over Kafka and REST: a phone sale of two variant lines (one with a
 * 10% line discount), shipping, a German address (so VAT is calculated), an email, and the benchmark's reference
 * as the note.
 */
final class Drafts {

    private Drafts() {}

    static final CartContent CONTENT = CartContent.newBuilder()
            .setCurrency("EUR")
            .setLineItems(List.of(
                    LineItem.newBuilder()
                            .setLineItemId("li_1")
                            .setVariantId("var_mug")
                            .setSku("MUG-1")
                            .setTitle("Mug")
                            .setQuantity(2)
                            .setPrice(1999)
                            .setGrams(350)
                            .build(),
                    LineItem.newBuilder()
                            .setLineItemId("li_2")
                            .setVariantId("var_coaster")
                            .setTitle("Coaster")
                            .setQuantity(3)
                            .setPrice(500)
                            .setGrams(100)
                            .setAppliedDiscount(AppliedDiscount.newBuilder()
                                    .setTitle("Bundle")
                                    .setValueType(DiscountValueType.PERCENTAGE)
                                    .setPercentage("10")
                                    .build())
                            .build()))
            .setShippingLine(new ShippingLine("DHL Standard", 495L, null, List.of(), null))
            .setShippingAddress(Address.newBuilder()
                    .setFirstName("Ada")
                    .setLastName("Lovelace")
                    .setCity("Berlin")
                    .setZip("10117")
                    .setCountryCode("DE")
                    .build())
            .build();

    static final String EMAIL = "ada@example.com";

    /** The same draft as JSON for {@code POST /draft-orders}. */
    static String restBody(String ref) {
        return """
                {"draft_order": {"currency": "EUR", "email": "%s", "note": "%s",
                  "line_items": [
                    {"variant_id": "var_mug", "sku": "MUG-1", "title": "Mug", "price": "19.99", "quantity": 2, "grams": 350},
                    {"variant_id": "var_coaster", "title": "Coaster", "price": "5.00", "quantity": 3, "grams": 100,
                     "applied_discount": {"title": "Bundle", "value_type": "percentage", "value": "10"}}],
                  "shipping_line": {"title": "DHL Standard", "price": "4.95"},
                  "shipping_address": {"first_name": "Ada", "last_name": "Lovelace", "city": "Berlin", "zip": "10117",
                                       "country_code": "DE"}}}
                """.formatted(EMAIL, ref);
    }
}
