package com.draftorders.order.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderDetailsTest {

    @Test
    void aCompleteCalculatedCartCanBecomeAnOrder() {
        assertThat(OrderFixtures.details().refusalReason()).isEmpty();
    }

    @Test
    void aCartWithoutLinesCannotBecomeAnOrder() {
        assertThat(OrderFixtures.details(OrderFixtures.cartWithLines(List.of())).refusalReason())
                .contains("the cart has no line items");
    }

    @Test
    void aLineWithoutQuantityCannotBecomeAnOrder() {
        LineItem line = OrderFixtures.cart().lineItems().get(1);
        LineItem empty = new LineItem(
                line.id(),
                line.variantId(),
                line.productId(),
                line.sku(),
                line.title(),
                line.variantTitle(),
                0,
                line.price(),
                line.originalPrice(),
                line.grams(),
                line.taxable(),
                line.requiresShipping(),
                line.appliedDiscount(),
                line.taxLines(),
                line.discountedTotal());

        assertThat(OrderFixtures.details(OrderFixtures.cartWithLines(List.of(empty)))
                        .refusalReason())
                .contains("line item li_2 has quantity 0; it must be at least 1");
    }

    @Test
    void aNegativeLinePriceCannotBecomeAnOrder() {
        LineItem line = OrderFixtures.cart().lineItems().get(1);
        LineItem negative = new LineItem(
                line.id(), null, null, null, line.title(), null, 1, -5, null, 0, true, false, null, List.of(), null);

        assertThat(OrderFixtures.details(OrderFixtures.cartWithLines(List.of(negative)))
                        .refusalReason())
                .contains("line item li_2 has a negative price");
    }

    @Test
    void eachNegativeTotalIsNamedInTheReason() {
        assertThat(OrderFixtures.details(
                                OrderFixtures.cartWithTotals(new Totals(2550, -200, 2350, 490, 540, 3380, 3, 400)))
                        .refusalReason())
                .contains("total_discounts is negative (-200)");
        assertThat(OrderFixtures.details(
                                OrderFixtures.cartWithTotals(new Totals(2550, 200, 2350, 490, -540, 3380, 3, 400)))
                        .refusalReason())
                .contains("total_tax is negative (-540)");
    }

    @Test
    void aCartOfAnotherDraftCannotBecomeThisDraftsOrder() {
        OrderDetails details = OrderFixtures.details();
        OrderDetails mixedUp = new OrderDetails(
                "dorder_OTHER",
                details.draftOrderName(),
                details.paymentId(),
                details.cart(),
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null);

        assertThat(mixedUp.refusalReason()).contains("the cart belongs to draft dorder_01JTEST, not dorder_OTHER");
    }

    @Test
    void anOrderNeedsAPayment() {
        OrderDetails details = OrderFixtures.details();
        OrderDetails withoutPayment = new OrderDetails(
                details.draftOrderId(), null, " ", details.cart(), null, null, null, null, null, false, null, null);

        assertThat(withoutPayment.refusalReason()).contains("the payment id is missing");
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        Cart c = OrderFixtures.cart();
        Cart euro = new Cart(
                c.cartId(),
                c.draftOrderId(),
                c.draftVersion(),
                "EURO",
                c.lineItems(),
                c.appliedDiscount(),
                c.shippingLine(),
                c.shippingAddress(),
                c.billingAddress(),
                c.taxesIncluded(),
                c.taxExempt(),
                c.taxLines(),
                c.totals());

        assertThat(OrderFixtures.details(euro).refusalReason()).contains("unknown currency EURO");
    }

    @Test
    void negativeNetDaysAreRefused() {
        assertThat(OrderFixtures.pendingUnder(PaymentTerms.netDays(-1)).refusalReason())
                .contains("payment terms net_days is negative (-1)");
    }

    @Test
    void missingTagsBecomeAnEmptyList() {
        OrderDetails details = OrderFixtures.details();
        OrderDetails untagged = new OrderDetails(
                details.draftOrderId(),
                null,
                details.paymentId(),
                details.cart(),
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null);

        assertThat(untagged.tags()).isEmpty();
    }
}
