package com.draftorders.order.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.draftorders.avro.common.CartSnapshot;
import com.draftorders.messaging.work.Address;
import com.draftorders.order.Testbed;
import com.draftorders.order.domain.AppliedDiscount;
import com.draftorders.order.domain.AppliedDiscountCode;
import com.draftorders.order.domain.Cart;
import com.draftorders.order.domain.DiscountValueType;
import com.draftorders.order.domain.Order;
import com.draftorders.order.domain.OrderFixtures;
import com.draftorders.order.domain.Presentment;
import com.draftorders.order.web.OrderPresenter;
import com.draftorders.order.web.OrderView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order keeps the cart's presentment amounts, the rate used and the discount codes that applied. */
class PresentmentAndDiscountCodesTest {

    /** The fixture cart (EUR) as shown in USD at 1.0850, with one discount code. */
    static Cart presentedCart() {
        Cart c = OrderFixtures.cart();
        return new Cart(
                c.cartId(),
                c.draftOrderId(),
                c.draftVersion(),
                c.currency(),
                c.lineItems(),
                c.appliedDiscount(),
                c.shippingLine(),
                c.shippingAddress(),
                c.billingAddress(),
                c.taxesIncluded(),
                c.taxExempt(),
                c.taxLines(),
                c.totals(),
                new Presentment(
                        "USD",
                        "1.0850",
                        new Presentment.Totals(2767, 217, 2550, 532, 587, 3669),
                        List.of(
                                new Presentment.Line("li_1", 1085L, 217L, 1953L, List.of(371L)),
                                new Presentment.Line("li_2", 597L, null, 597L, List.of(114L))),
                        null,
                        532L,
                        List.of(101L),
                        List.of(586L)),
                List.of(new AppliedDiscountCode(
                        "SUMMER10",
                        new AppliedDiscount("Summer sale", null, DiscountValueType.PERCENTAGE, "10", null, 0L),
                        0L)));
    }

    @Test
    void theOrderCreatedSnapshotCarriesWhatTheCartSnapshotCarried() {
        Cart cart = presentedCart();

        CartSnapshot snapshot = AvroOrders.cartSnapshot(cart);

        assertThat(snapshot.getTotals().getPresentmentCurrency()).isEqualTo("USD");
        assertThat(snapshot.getTotals().getExchangeRate()).isEqualTo("1.0850");
        assertThat(snapshot.getTotals().getPresentment().getTotalPrice()).isEqualTo(3669);
        assertThat(snapshot.getContent().getLineItems().get(0).getPresentmentDiscountedTotal())
                .isEqualTo(1953);
        assertThat(snapshot.getContent()
                        .getLineItems()
                        .get(0)
                        .getAppliedDiscount()
                        .getPresentmentAmount())
                .isEqualTo(217);
        assertThat(snapshot.getContent().getShippingLine().getPresentmentPrice())
                .isEqualTo(532);
        assertThat(snapshot.getTaxLines().get(0).getPresentmentPrice()).isEqualTo(586);
        assertThat(snapshot.getAppliedDiscountCodes()).singleElement().satisfies(code -> {
            assertThat(code.getCode()).isEqualTo("SUMMER10");
            assertThat(code.getTitle()).isEqualTo("Summer sale");
        });
        assertThat(AvroOrders.cart(snapshot)).isEqualTo(cart);
    }

    @Test
    void theStoredOrderKeepsThePresentmentAmountsAndCodes() {
        Order order =
                OrderFixtures.created(OrderFixtures.details(presentedCart()), new OrderFixtures.CountingOrderNumbers());

        try (Testbed bed = new Testbed()) {
            bed.work.work.execute(
                    Address.byId(bed.orders, order.id(), order.storeId()), null, target -> target.create(order));
            Order loaded =
                    bed.work.reads.byId(bed.orders, order.id(), order.storeId()).orElseThrow();

            assertThat(loaded.cart()).isEqualTo(order.cart());
            assertThat(loaded.cart().presentment().currency()).isEqualTo("USD");
            assertThat(loaded.cart().appliedDiscountCodes()).hasSize(1);
        }
    }

    @Test
    void theOrderShowsShopAndPresentmentPairs() {
        Order order =
                OrderFixtures.created(OrderFixtures.details(presentedCart()), new OrderFixtures.CountingOrderNumbers());

        OrderView view = OrderPresenter.present(order);

        assertThat(view.presentmentCurrency()).isEqualTo("USD");
        assertThat(view.exchangeRate()).isEqualTo("1.0850");
        assertThat(view.totalPriceSet().shopMoney().amount()).isEqualTo("33.80");
        assertThat(view.totalPriceSet().shopMoney().currencyCode()).isEqualTo("EUR");
        assertThat(view.totalPriceSet().presentmentMoney().amount()).isEqualTo("36.69");
        assertThat(view.totalPriceSet().presentmentMoney().currencyCode()).isEqualTo("USD");
        assertThat(view.totalTaxSet().presentmentMoney().amount()).isEqualTo("5.87");
        assertThat(view.lineItems()
                        .get(0)
                        .discountedTotalSet()
                        .presentmentMoney()
                        .amount())
                .isEqualTo("19.53");
        assertThat(view.lineItems()
                        .get(0)
                        .appliedDiscount()
                        .amountSet()
                        .presentmentMoney()
                        .amount())
                .isEqualTo("2.17");
        assertThat(view.shippingLine().priceSet().presentmentMoney().amount()).isEqualTo("5.32");
        assertThat(view.appliedDiscountCodes())
                .singleElement()
                .satisfies(code -> assertThat(code.code()).isEqualTo("SUMMER10"));
    }

    @Test
    void anOrderWithoutPresentmentAmountsShowsTheShopCurrencyOnBothSides() {
        Order order = OrderFixtures.newOrder();

        OrderView view = OrderPresenter.present(order);

        assertThat(view.presentmentCurrency()).isEqualTo("EUR");
        assertThat(view.exchangeRate()).isEqualTo("1");
        assertThat(view.totalPriceSet().presentmentMoney().amount()).isEqualTo("33.80");
        assertThat(view.totalPriceSet().presentmentMoney().currencyCode()).isEqualTo("EUR");
    }
}
