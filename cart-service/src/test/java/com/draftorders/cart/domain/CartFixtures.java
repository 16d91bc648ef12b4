package com.draftorders.cart.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builders for cart content in tests: readable defaults, change only what a test is about. */
public final class CartFixtures {

    private CartFixtures() {}

    /** The default rates of cart-service.yml. */
    public static TaxRateTable defaultRates() {
        Map<String, TaxRate> rates = new LinkedHashMap<>();
        rates.put("DE", new TaxRate("VAT", new BigDecimal("0.19")));
        rates.put("FR", new TaxRate("TVA", new BigDecimal("0.20")));
        rates.put("GB", new TaxRate("VAT", new BigDecimal("0.20")));
        rates.put("US-CA", new TaxRate("CA State Tax", new BigDecimal("0.0725")));
        rates.put("US-NY", new TaxRate("NY State Tax", new BigDecimal("0.04")));
        rates.put("CA-ON", new TaxRate("HST", new BigDecimal("0.13")));
        return new TaxRateTable(rates);
    }

    public static CartCalculator calculator() {
        return new CartCalculator(defaultRates(), true);
    }

    public static Line line(String id) {
        return new Line(id);
    }

    public static Content content() {
        return new Content();
    }

    public static final class Line {
        private final String id;
        private String variantId;
        private int quantity = 1;
        private long price = 1000;
        private long grams = 0;
        private boolean taxable = true;
        private AppliedDiscount discount;

        private Line(String id) {
            this.id = id;
            this.variantId = "var_" + id;
        }

        public Line quantity(int quantity) {
            this.quantity = quantity;
            return this;
        }

        public Line price(long price) {
            this.price = price;
            return this;
        }

        public Line grams(long grams) {
            this.grams = grams;
            return this;
        }

        /** A custom item: no variant. */
        public Line custom() {
            this.variantId = null;
            return this;
        }

        public Line notTaxable() {
            this.taxable = false;
            return this;
        }

        public Line discount(AppliedDiscount discount) {
            this.discount = discount;
            return this;
        }

        public LineItem build() {
            return new LineItem(
                    id,
                    variantId,
                    null,
                    null,
                    "Item " + id,
                    null,
                    quantity,
                    price,
                    null,
                    grams,
                    taxable,
                    true,
                    discount);
        }
    }

    public static final class Content {
        private String currency = "EUR";
        private final List<LineItem> lines = new ArrayList<>();
        private AppliedDiscount discount;
        private ShippingLine shipping;
        private Address shippingAddress;
        private Address billingAddress;
        private boolean taxesIncluded;
        private boolean taxExempt;
        private String presentmentCurrency;
        private BigDecimal exchangeRate;
        private final List<String> discountCodes = new ArrayList<>();

        public Content currency(String currency) {
            this.currency = currency;
            return this;
        }

        public Content with(Line line) {
            lines.add(line.build());
            return this;
        }

        public Content discount(AppliedDiscount discount) {
            this.discount = discount;
            return this;
        }

        public Content shipping(long price) {
            this.shipping = new ShippingLine("Standard", price, "STD");
            return this;
        }

        public Content shipTo(String country, String province) {
            this.shippingAddress = Address.of(country, province);
            return this;
        }

        public Content shipTo(String country) {
            return shipTo(country, null);
        }

        public Content billTo(String country, String province) {
            this.billingAddress = Address.of(country, province);
            return this;
        }

        public Content taxesIncluded() {
            this.taxesIncluded = true;
            return this;
        }

        public Content taxExempt() {
            this.taxExempt = true;
            return this;
        }

        /** Shown to the customer in {@code currency} at {@code rate} (null: no rate given). */
        public Content presentedIn(String currency, String rate) {
            this.presentmentCurrency = currency;
            this.exchangeRate = rate == null ? null : new BigDecimal(rate);
            return this;
        }

        public Content code(String code) {
            discountCodes.add(code);
            return this;
        }

        public CartContent build() {
            return new CartContent(
                    currency,
                    lines,
                    discount,
                    shipping,
                    shippingAddress,
                    billingAddress,
                    taxesIncluded,
                    taxExempt,
                    presentmentCurrency,
                    exchangeRate,
                    discountCodes);
        }
    }
}
