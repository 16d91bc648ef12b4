package com.draftorders.draft.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderCopyTest {

    private static final DraftContent.Address BERLIN =
            new DraftContent.Address("Ada", "Lovelace", null, null, null, "Berlin", null, "DE", "10117", null);

    private static OrderCopy order() {
        return new OrderCopy(
                "order_1",
                "store-a",
                "#1001",
                "dorder_1",
                new DraftOrder.Customer("ada@example.com", null, null),
                new DraftContent(
                        "EUR",
                        List.of(
                                new DraftContent.LineItem(
                                        "li_1",
                                        "var_mug",
                                        null,
                                        "MUG-1",
                                        "Mug",
                                        null,
                                        2,
                                        1999,
                                        2499L,
                                        350,
                                        true,
                                        true,
                                        new DraftContent.AppliedDiscount(
                                                null, null, DraftContent.DiscountType.PERCENTAGE, "10", null)),
                                new DraftContent.LineItem(
                                        "li_2", null, null, null, "Wrap", null, 1, 250, null, 0, false, false, null)),
                        new DraftContent.AppliedDiscount(
                                null, null, DraftContent.DiscountType.FIXED_AMOUNT, null, 100L),
                        new DraftContent.ShippingLine("DHL", 495, null),
                        BERLIN,
                        null,
                        true,
                        false),
                "note",
                List.of("vip"));
    }

    @Test
    void aReorderKeepsTheLinesWithNewIdsAndTheAddressesButNotTheDiscountsOrShipping() {
        var ids = new AtomicInteger();

        DraftContent content = order().reorderContent(() -> "li_new_" + ids.incrementAndGet());

        assertThat(content.lineItems())
                .extracting(
                        DraftContent.LineItem::id, DraftContent.LineItem::variantId, DraftContent.LineItem::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("li_new_1", "var_mug", 2),
                        org.assertj.core.groups.Tuple.tuple("li_new_2", null, 1));
        assertThat(content.lineItems().get(0).price()).isEqualTo(1999);
        assertThat(content.lineItems().get(0).originalPrice()).isEqualTo(2499L);
        assertThat(content.lineItems().get(1).taxable()).isFalse();
        assertThat(content.lineItems())
                .allSatisfy(l -> assertThat(l.appliedDiscount()).isNull());
        assertThat(content.appliedDiscount()).isNull();
        assertThat(content.shippingLine()).isNull();
        assertThat(content.shippingAddress()).isEqualTo(BERLIN);
        assertThat(content.currency()).isEqualTo("EUR");
        assertThat(content.taxesIncluded()).isTrue();
    }
}
