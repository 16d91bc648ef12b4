package com.draftorders.order.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Valid orders and their parts, to be varied one field at a time. */
public final class OrderFixtures {

    public static final String STORE = "store-a";
    public static final String DRAFT_ID = "dorder_01JTEST";
    public static final String PAYMENT_ID = "pay_01JTEST";
    public static final Instant NOW = Instant.parse("2025-03-01T10:15:30.123Z");

    private OrderFixtures() {}

    /** Two lines (2 x 10.00 with 10% off, 1 x 5.50), 4.90 shipping, 19% tax added: 33.80 EUR. */
    public static Cart cart() {
        return new Cart(
                "cart_01JTEST",
                DRAFT_ID,
                3,
                "EUR",
                List.of(
                        new LineItem(
                                "li_1",
                                "var_1",
                                "prod_1",
                                "SKU-1",
                                "T-shirt",
                                "Blue / M",
                                2,
                                1000,
                                1200L,
                                200,
                                true,
                                true,
                                new AppliedDiscount(
                                        "Spring", "10% off", DiscountValueType.PERCENTAGE, "10", null, 200L),
                                List.of(new TaxLine("VAT", "0.19", 342)),
                                1800L),
                        new LineItem(
                                "li_2",
                                null,
                                null,
                                null,
                                "Gift wrap",
                                null,
                                1,
                                550,
                                null,
                                0,
                                true,
                                false,
                                null,
                                List.of(new TaxLine("VAT", "0.19", 105)),
                                550L)),
                null,
                new ShippingLine("Standard", 490, "STD", List.of(new TaxLine("VAT", "0.19", 93))),
                address(),
                address(),
                false,
                false,
                List.of(new TaxLine("VAT", "0.19", 540)),
                new Totals(2550, 200, 2350, 490, 540, 3380, 3, 400));
    }

    public static Address address() {
        return new Address(
                "Ada", "Lovelace", null, "1 Analytical St", null, "London", null, "GB", "N1 1AA", "+44 20 0000 0000");
    }

    public static OrderDetails details() {
        return details(cart());
    }

    public static OrderDetails details(Cart cart) {
        return new OrderDetails(
                DRAFT_ID,
                "#D1001",
                PAYMENT_ID,
                cart,
                "ada@example.com",
                "+44 20 0000 0000",
                "cust_1",
                "leave at the door",
                List.of("phone", "vip"),
                false,
                null,
                "phone");
    }

    public static OrderDetails pendingUnder(PaymentTerms terms) {
        OrderDetails d = details();
        return new OrderDetails(
                d.draftOrderId(),
                d.draftOrderName(),
                d.paymentId(),
                d.cart(),
                d.email(),
                d.phone(),
                d.customerId(),
                d.note(),
                d.tags(),
                true,
                terms,
                d.sourceName());
    }

    public static Cart cartWithLines(List<LineItem> lines) {
        Cart c = cart();
        return new Cart(
                c.cartId(),
                c.draftOrderId(),
                c.draftVersion(),
                c.currency(),
                lines,
                c.appliedDiscount(),
                c.shippingLine(),
                c.shippingAddress(),
                c.billingAddress(),
                c.taxesIncluded(),
                c.taxExempt(),
                c.taxLines(),
                c.totals());
    }

    public static Cart cartWithTotals(Totals totals) {
        Cart c = cart();
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
                totals);
    }

    /** A freshly created order (its creation events still recorded). */
    public static Order newOrder() {
        return created(details(), new CountingOrderNumbers());
    }

    /** A stored order as loaded back: no recorded events, the given payment state. */
    public static Order storedOrder(PaymentStatus status, long captured, long refunded) {
        return Order.restore(new Order.State(
                "order_01JTEST", STORE, 1001, details(), NOW, null, status, captured, refunded, List.of(), 1));
    }

    /**
     * An order with every field of its state set to a value other than the default (no null, empty, false or zero),
     * each part different from its siblings: what a codec must keep exactly.
     */
    public static Order.State everyFieldSet() {
        TaxLine vat = new TaxLine("VAT", "0.19", 342);
        AppliedDiscount lineDiscount =
                new AppliedDiscount("Spring", "10% off", DiscountValueType.PERCENTAGE, "10.5", 150L, 200L);
        LineItem line = new LineItem(
                "li_1",
                "var_1",
                "prod_1",
                "SKU-1",
                "T-shirt",
                "Blue / M",
                2,
                1000,
                1200L,
                200,
                true,
                true,
                lineDiscount,
                List.of(vat, new TaxLine("City tax", "0.015", 27)),
                1800L);
        Address shipping = new Address(
                "Ada",
                "Lovelace",
                "Engines Ltd",
                "1 Analytical St",
                "Flat 2",
                "London",
                "LND",
                "GB",
                "N1 1AA",
                "+44 1");
        Address billing = new Address(
                "Charles",
                "Babbage",
                "Difference Co",
                "2 Gear Rd",
                "Floor 3",
                "Cambridge",
                "CAM",
                "GB",
                "CB1",
                "+44 2");
        Presentment presentment = new Presentment(
                "USD",
                "1.0850",
                new Presentment.Totals(2767, 217, 2550, 532, 587, 3669),
                List.of(new Presentment.Line("li_1", 1085L, 217L, 1953L, List.of(371L, 29L))),
                163L,
                532L,
                List.of(101L),
                List.of(586L, 1L));
        Cart cart = new Cart(
                "cart_full",
                "dorder_full",
                7,
                "EUR",
                List.of(line),
                new AppliedDiscount("Loyalty", "5 off", DiscountValueType.FIXED_AMOUNT, "5", 500L, 150L),
                new ShippingLine("Express", 990, "EXP", List.of(new TaxLine("VAT", "0.19", 188))),
                shipping,
                billing,
                true,
                true,
                List.of(new TaxLine("VAT", "0.19", 540)),
                new Totals(2550, 200, 2350, 490, 540, 3380, 3, 400),
                presentment,
                List.of(new AppliedDiscountCode(
                        "SUMMER10",
                        new AppliedDiscount("Summer sale", "10% on all", DiscountValueType.PERCENTAGE, "10", 1L, 235L),
                        255L)));
        OrderDetails details = new OrderDetails(
                "dorder_full",
                "#D1042",
                "pay_full",
                cart,
                "ada@example.com",
                "+44 20 0000 0000",
                "cust_1",
                "leave at the door",
                List.of("phone", "vip"),
                true,
                new PaymentTerms(30, Instant.parse("2025-04-01T00:00:00.001Z")),
                "phone",
                new OrderDetails.PurchasingEntity("cust_1", "comp_1", "loc_1", "contact_1"));
        return new Order.State(
                "order_full",
                "store-full",
                1042,
                details,
                NOW,
                Instant.parse("2025-03-31T10:15:30.123Z"),
                PaymentStatus.PARTIALLY_REFUNDED,
                3380,
                1000,
                List.of(
                        PaymentRequest.of(PaymentRequest.Kind.CAPTURE, "key-c", 3380L, "ship today"),
                        PaymentRequest.of(PaymentRequest.Kind.REFUND, "key-r", 1000L, "damaged")),
                3);
    }

    /** The same order under another id, for another draft and payment (the ones the store holds once each). */
    public static Order.State withIds(Order.State s, String id, String draftOrderId, String paymentId) {
        OrderDetails d = s.details();
        OrderDetails details = new OrderDetails(
                draftOrderId,
                d.draftOrderName(),
                paymentId,
                d.cart(),
                d.email(),
                d.phone(),
                d.customerId(),
                d.note(),
                d.tags(),
                d.paymentPending(),
                d.paymentTerms(),
                d.sourceName(),
                d.purchasingEntity());
        return new Order.State(
                id,
                s.storeId(),
                s.number(),
                details,
                s.createdAt(),
                s.paymentDueAt(),
                s.paymentStatus(),
                s.capturedAmount(),
                s.refundedAmount(),
                s.paymentRequests(),
                s.revision());
    }

    public static Order created(OrderDetails details, OrderNumbers numbers) {
        Creation creation = Order.createFromCart("order_01JTEST", STORE, details, numbers, NOW);
        if (creation instanceof Creation.Created created) {
            return created.order();
        }
        throw new AssertionError("expected an order, got " + creation);
    }

    /** Order numbers per store from 1001, in memory: the contract the Mongo counter keeps. */
    public static final class CountingOrderNumbers implements OrderNumbers {
        private final Map<String, Long> last = new HashMap<>();
        private int calls;

        @Override
        public long next(String storeId) {
            calls++;
            return last.merge(storeId, 1001L, (previous, one) -> previous + 1);
        }

        public int calls() {
            return calls;
        }
    }
}
