package com.draftorders.cart.domain;

import static com.draftorders.cart.domain.CartFixtures.calculator;
import static com.draftorders.cart.domain.CartFixtures.content;
import static com.draftorders.cart.domain.CartFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every expected number is worked out by hand in the comment above it (amounts in cents). */
class CartCalculatorTest {

    private final CartCalculator calculator = calculator();

    @Nested
    class LineDiscounts {

        @Test
        void aPercentageDiscountIsRoundedHalfUpOnTheLineSubtotal() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").quantity(3).price(335).discount(AppliedDiscount.percentage("10")))
                    .build());

            // subtotal 3 * 335 = 1005; 10% = 100.5 -> 101 (half up); 1005 - 101 = 904
            CalculatedLine line = cart.lines().get(0);
            assertThat(line.subtotal()).isEqualTo(1005);
            assertThat(line.lineDiscount()).isEqualTo(101);
            assertThat(line.discountedTotal()).isEqualTo(904);
            assertThat(cart.totals().totalDiscounts()).isEqualTo(101);
            assertThat(cart.totals().subtotalPrice()).isEqualTo(904);
            assertThat(cart.totals().totalPrice()).isEqualTo(904);
        }

        @Test
        void aFixedAmountDiscountIsTakenPerUnit() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").quantity(4).price(1000).discount(AppliedDiscount.fixedAmount(150)))
                    .build());

            // subtotal 4 * 1000 = 4000; 150 per unit * 4 = 600; 4000 - 600 = 3400
            assertThat(cart.lines().get(0).lineDiscount()).isEqualTo(600);
            assertThat(cart.lines().get(0).discountedTotal()).isEqualTo(3400);
        }

        @Test
        void aLineDiscountNeverExceedsTheLineSubtotal() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").quantity(2).price(300).discount(AppliedDiscount.fixedAmount(500)))
                    .with(line("b").quantity(1).price(700).discount(AppliedDiscount.percentage("100")))
                    .build());

            // a: 500 * 2 = 1000 capped at 2 * 300 = 600 -> 0 left; b: 100% of 700 = 700 -> 0 left
            assertThat(cart.lines()).extracting(CalculatedLine::lineDiscount).containsExactly(600L, 700L);
            assertThat(cart.lines()).extracting(CalculatedLine::discountedTotal).containsExactly(0L, 0L);
            assertThat(cart.totals().totalPrice()).isZero();
        }

        @Test
        void aFractionalPercentageIsExact() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").quantity(1).price(2000).discount(AppliedDiscount.percentage("12.5")))
                    .build());

            // 2000 * 12.5 / 100 = 250 exactly
            assertThat(cart.lines().get(0).lineDiscount()).isEqualTo(250);
        }
    }

    @Nested
    class OrderDiscount {

        @Test
        void isAllocatedInProportionToTheLinesWithTheLeftoverCentToTheEarlierLineOnATie() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(1000))
                    .with(line("b").price(1000))
                    .with(line("c").price(1000))
                    .discount(AppliedDiscount.fixedAmount(100))
                    .build());

            // S = 3000; each line 100 * 1000 / 3000 = 33.33 -> 33, 3 * 33 = 99, 1 cent left;
            // remainders are equal (1000/3000 each) -> the earlier line: 34, 33, 33
            assertThat(cart.orderDiscount()).isEqualTo(100);
            assertThat(cart.lines())
                    .extracting(CalculatedLine::orderDiscountShare)
                    .containsExactly(34L, 33L, 33L);
            assertThat(cart.lines()).extracting(CalculatedLine::discountedTotal).containsExactly(966L, 967L, 967L);
            assertThat(cart.totals().subtotalPrice()).isEqualTo(2900);
        }

        @Test
        void givesTheLeftoverCentsToTheLargestRemainders() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(200))
                    .with(line("b").price(300))
                    .with(line("c").price(500))
                    .discount(AppliedDiscount.fixedAmount(7))
                    .build());

            // S = 1000; exact shares 7*200/1000 = 1.4, 7*300/1000 = 2.1, 7*500/1000 = 3.5
            // floors 1 + 2 + 3 = 6, 1 cent left -> largest remainder .5 (line c): 1, 2, 4
            assertThat(cart.lines())
                    .extracting(CalculatedLine::orderDiscountShare)
                    .containsExactly(1L, 2L, 4L);
            assertThat(cart.lines()).extracting(CalculatedLine::discountedTotal).containsExactly(199L, 298L, 496L);
            assertThat(cart.totals().subtotalPrice()).isEqualTo(993); // 1000 - 7
        }

        @Test
        void aPercentageAppliesAfterLineDiscounts() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").quantity(2).price(1000).discount(AppliedDiscount.percentage("10")))
                    .with(line("b").price(1200))
                    .discount(AppliedDiscount.percentage("15"))
                    .build());

            // a: 2000 - 10% (200) = 1800; b: 1200; S = 3000; 15% of 3000 = 450
            // a's share 450 * 1800 / 3000 = 270, b's 450 * 1200 / 3000 = 180
            assertThat(cart.orderDiscount()).isEqualTo(450);
            assertThat(cart.lines())
                    .extracting(CalculatedLine::orderDiscountShare)
                    .containsExactly(270L, 180L);
            assertThat(cart.lines()).extracting(CalculatedLine::discountedTotal).containsExactly(1530L, 1020L);
            Totals totals = cart.totals();
            assertThat(totals.lineItemsSubtotalPrice()).isEqualTo(3200); // 2000 + 1200
            assertThat(totals.totalDiscounts()).isEqualTo(650); // 200 + 450
            assertThat(totals.subtotalPrice()).isEqualTo(2550); // 1530 + 1020
        }

        @Test
        void aPercentageIsRoundedHalfUpOnceOnTheSum() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").quantity(3).price(335))
                    .discount(AppliedDiscount.percentage("10"))
                    .build());

            // S = 1005; 10% = 100.5 -> 101
            assertThat(cart.orderDiscount()).isEqualTo(101);
            assertThat(cart.lines().get(0).discountedTotal()).isEqualTo(904);
        }

        @Test
        void aFixedAmountLargerThanTheLinesTakesOnlyWhatIsThere() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(500))
                    .discount(AppliedDiscount.fixedAmount(800))
                    .shipping(300)
                    .build());

            // min(800, 500) = 500; shipping is not discounted: total 0 + 300
            assertThat(cart.orderDiscount()).isEqualTo(500);
            assertThat(cart.lines().get(0).discountedTotal()).isZero();
            assertThat(cart.totals().totalPrice()).isEqualTo(300);
        }

        @Test
        void onLinesThatCostNothingTakesNothing() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(0))
                    .discount(AppliedDiscount.fixedAmount(100))
                    .build());

            assertThat(cart.orderDiscount()).isZero();
            assertThat(cart.lines().get(0).discountedTotal()).isZero();
        }

        @Test
        void allocationCannotOverflowOnLargeLegalAmounts() {
            // 10^13 * 10^13 = 10^26 does not fit a long; each share is 10^13 * 10^13 / (2 * 10^13) = 5 * 10^12
            long big = 10_000_000_000_000L;
            long[] shares = CartCalculator.allocate(big, new long[] {big, big}, 2 * big);

            assertThat(shares).containsExactly(5_000_000_000_000L, 5_000_000_000_000L);
        }
    }

    @Nested
    class Taxes {

        @Test
        void linesAndShippingAreTaxedPerLineAtTheCountryRate() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").quantity(2).price(1999).discount(AppliedDiscount.percentage("10")))
                    .shipping(495)
                    .shipTo("DE")
                    .build());

            // line: 3998 - round(399.8) = 3998 - 400 = 3598; VAT 3598 * 0.19 = 683.62 -> 684
            // shipping: 495 * 0.19 = 94.05 -> 94; total tax 684 + 94 = 778
            assertThat(cart.lines().get(0).taxLines()).containsExactly(new TaxLine("VAT", new BigDecimal("0.19"), 684));
            assertThat(cart.shipping().taxLines()).containsExactly(new TaxLine("VAT", new BigDecimal("0.19"), 94));
            assertThat(cart.taxLines()).containsExactly(new TaxLine("VAT", new BigDecimal("0.19"), 778));
            // 3598 + 495 + 778 = 4871
            assertThat(cart.totals()).isEqualTo(new Totals("EUR", 3998, 400, 3598, 495, 778, 4871, 2, 0));
        }

        @Test
        void shippingIsNotTaxedWhenShippingTaxIsOff() {
            CartCalculator noShippingTax = new CartCalculator(CartFixtures.defaultRates(), false);

            CartCalculation cart = noShippingTax.calculate(content()
                    .with(line("a").price(2000))
                    .shipping(495)
                    .shipTo("DE")
                    .build());

            // only the line: 2000 * 0.19 = 380; total 2000 + 495 + 380 = 2875
            assertThat(cart.shipping().taxLines()).isEmpty();
            assertThat(cart.totals().totalTax()).isEqualTo(380);
            assertThat(cart.totals().totalPrice()).isEqualTo(2875);
        }

        @Test
        void cartTaxLinesSumLineAndShippingTaxPerTitleAndRate() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(1000))
                    .with(line("b").price(2000))
                    .shipping(500)
                    .shipTo("DE")
                    .build());

            // 1000 * 0.19 = 190, 2000 * 0.19 = 380, 500 * 0.19 = 95 -> 665
            assertThat(cart.taxLines()).containsExactly(new TaxLine("VAT", new BigDecimal("0.19"), 665));
            assertThat(cart.totals().totalTax()).isEqualTo(665);
        }

        @Test
        void withTaxesIncludedTheTaxIsExtractedAndNotAddedToTheTotal() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(1190))
                    .with(line("b").price(1000))
                    .shipping(500)
                    .shipTo("DE")
                    .taxesIncluded()
                    .build());

            // a: 1190 * 0.19 / 1.19 = 190 exactly; b: 1000 * 0.19 / 1.19 = 159.66... -> 160
            // shipping: 500 * 0.19 / 1.19 = 79.83... -> 80; tax 190 + 160 + 80 = 430
            assertThat(cart.lines()).extracting(CalculatedLine::tax).containsExactly(190L, 160L);
            assertThat(cart.shipping().tax()).isEqualTo(80);
            assertThat(cart.totals().totalTax()).isEqualTo(430);
            // total = 1190 + 1000 + 500, the tax is inside the prices
            assertThat(cart.totals().subtotalPrice()).isEqualTo(2190);
            assertThat(cart.totals().totalPrice()).isEqualTo(2690);
        }

        @Test
        void withTaxesIncludedHalfACentRoundsUp() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(15))
                    .with(line("b").price(9))
                    .shipTo("FR")
                    .taxesIncluded()
                    .build());

            // a: 15 * 0.20 / 1.20 = 2.5 -> 3 (half even would give 2); b: 9 * 0.20 / 1.20 = 1.5 -> 2
            assertThat(cart.lines()).extracting(CalculatedLine::tax).containsExactly(3L, 2L);
        }

        @Test
        void aTaxExemptCartHasNoTaxLinesAtAll() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(1000))
                    .shipping(500)
                    .shipTo("DE")
                    .taxExempt()
                    .build());

            assertThat(cart.lines().get(0).taxLines()).isEmpty();
            assertThat(cart.shipping().taxLines()).isEmpty();
            assertThat(cart.taxLines()).isEmpty();
            assertThat(cart.totals().totalTax()).isZero();
            assertThat(cart.totals().totalPrice()).isEqualTo(1500);
        }

        @Test
        void aCustomNonTaxableLineIsDiscountedButNotTaxed() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("variant").price(1000))
                    .with(line("custom").custom().notTaxable().price(1000))
                    .discount(AppliedDiscount.percentage("10"))
                    .shipTo("DE")
                    .build());

            // S = 2000; 10% = 200, split 100 / 100; both lines 900
            CalculatedLine custom = cart.lines().get(1);
            assertThat(custom.item().isCustom()).isTrue();
            assertThat(custom.orderDiscountShare()).isEqualTo(100);
            assertThat(custom.discountedTotal()).isEqualTo(900);
            assertThat(custom.taxLines()).isEmpty();
            // only the variant line is taxed: 900 * 0.19 = 171; total 1800 + 171 = 1971
            assertThat(cart.totals().totalTax()).isEqualTo(171);
            assertThat(cart.totals().totalPrice()).isEqualTo(1971);
        }

        @Test
        void aCustomTaxableLineIsTaxedLikeAnyOther() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("custom").custom().price(500))
                    .shipTo("DE")
                    .build());

            // 500 * 0.19 = 95
            assertThat(cart.lines().get(0).tax()).isEqualTo(95);
        }

        @Test
        void theProvinceRateWinsOverTheCountryRate() {
            Map<String, TaxRate> rates = new LinkedHashMap<>();
            rates.put("US", new TaxRate("US Tax", new BigDecimal("0.05")));
            rates.put("US-CA", new TaxRate("CA State Tax", new BigDecimal("0.0725")));
            CartCalculator calculator = new CartCalculator(new TaxRateTable(rates), true);

            CartCalculation california = calculator.calculate(content()
                    .currency("USD")
                    .with(line("a").price(200))
                    .shipTo("US", "CA")
                    .build());
            CartCalculation texas = calculator.calculate(content()
                    .currency("USD")
                    .with(line("a").price(200))
                    .shipTo("US", "TX")
                    .build());

            // CA: 200 * 0.0725 = 14.5 -> 15 (half up); TX falls back to US: 200 * 0.05 = 10
            assertThat(california.taxLines())
                    .containsExactly(new TaxLine("CA State Tax", new BigDecimal("0.0725"), 15));
            assertThat(texas.taxLines()).containsExactly(new TaxLine("US Tax", new BigDecimal("0.05"), 10));
        }

        @Test
        void aRegionWithoutARatePaysNoTax() {
            CartCalculation texas = calculator.calculate(content()
                    .currency("USD")
                    .with(line("a").price(200))
                    .shipTo("US", "TX")
                    .build());
            CartCalculation nowhere =
                    calculator.calculate(content().with(line("a").price(200)).build());

            assertThat(texas.taxLines()).isEmpty();
            assertThat(nowhere.taxLines()).isEmpty();
            assertThat(nowhere.lines().get(0).taxLines()).isEmpty();
        }

        @Test
        void theBillingAddressIsUsedWithoutAShippingAddress() {
            CartCalculation cart = calculator.calculate(content()
                    .currency("CAD")
                    .with(line("a").price(1000))
                    .billTo("CA", "ON")
                    .build());

            // 1000 * 0.13 = 130
            assertThat(cart.taxLines()).containsExactly(new TaxLine("HST", new BigDecimal("0.13"), 130));
        }

        @Test
        void theShippingAddressWinsOverTheBillingAddressAndCodesAreCaseInsensitive() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(1000))
                    .shipTo("de")
                    .billTo("FR", null)
                    .build());

            assertThat(cart.taxLines()).containsExactly(new TaxLine("VAT", new BigDecimal("0.19"), 190));
        }

        @Test
        void ratesKeepTheTextTheyWereConfiguredWith() {
            CartCalculation cart = calculator.calculate(
                    content().with(line("a").price(1000)).shipTo("FR").build());

            // 1000 * 0.20 = 200
            assertThat(cart.taxLines().get(0).rateText()).isEqualTo("0.20");
            assertThat(cart.taxLines().get(0).price()).isEqualTo(200);
        }
    }

    @Nested
    class HalfUpRounding {

        @Test
        void taxOfExactlyHalfACentRoundsUp() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(50))
                    .with(line("b").price(150))
                    .shipTo("DE")
                    .build());

            // 50 * 0.19 = 9.5 -> 10; 150 * 0.19 = 28.5 -> 29 (half even would give 28)
            assertThat(cart.lines()).extracting(CalculatedLine::tax).containsExactly(10L, 29L);
            // rounded per line, never on the sum: 10 + 29 = 39, whereas round(200 * 0.19) would be 38
            assertThat(cart.totals().totalTax()).isEqualTo(39);
        }

        @Test
        void aDiscountOfExactlyHalfACentRoundsUp() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(25).discount(AppliedDiscount.percentage("10")))
                    .build());

            // 25 * 10% = 2.5 -> 3 (half even would give 2)
            assertThat(cart.lines().get(0).lineDiscount()).isEqualTo(3);
            assertThat(cart.lines().get(0).discountedTotal()).isEqualTo(22);
        }

        @Test
        void justBelowHalfACentRoundsDown() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").price(149).discount(AppliedDiscount.percentage("0.335")))
                    .build());

            // 149 * 0.335 / 100 = 0.49915 -> 0
            assertThat(cart.lines().get(0).lineDiscount()).isZero();
        }
    }

    @Nested
    class Totals_ {

        @Test
        void countQuantityAndWeight() {
            CartCalculation cart = calculator.calculate(content()
                    .with(line("a").quantity(2).grams(350))
                    .with(line("b").quantity(3).grams(100))
                    .build());

            // 2 + 3 = 5 units; 2 * 350 + 3 * 100 = 1000 g
            assertThat(cart.totals().totalQuantity()).isEqualTo(5);
            assertThat(cart.totals().totalWeight()).isEqualTo(1000);
        }

        @Test
        void aCartWithOnlyShippingCostsTheShippingAndItsTax() {
            CartCalculation cart =
                    calculator.calculate(content().shipping(500).shipTo("DE").build());

            // 500 + 500 * 0.19 = 500 + 95
            assertThat(cart.totals().totalPrice()).isEqualTo(595);
            assertThat(cart.totals().totalShippingPrice()).isEqualTo(500);
        }

        @Test
        void withoutShippingTheShippingPriceIsZero() {
            CartCalculation cart =
                    calculator.calculate(content().with(line("a")).build());

            assertThat(cart.shipping()).isNull();
            assertThat(cart.totals().totalShippingPrice()).isZero();
        }
    }

    @Nested
    class InvalidContent {

        @Test
        void aQuantityBelowOneIsRefused() {
            assertInvalid(content().with(line("a").quantity(0)).build(), "line_items[0].quantity must be at least 1");
        }

        @Test
        void aNegativePriceIsRefused() {
            assertInvalid(
                    content().with(line("a")).with(line("b").price(-1)).build(),
                    "line_items[1].price must not be negative");
        }

        @Test
        void anUnknownCurrencyIsRefused() {
            assertInvalid(content().currency("XYZ1").with(line("a")).build(), "currency XYZ1");
        }

        @Test
        void aPercentageOutsideZeroToHundredIsRefused() {
            assertInvalid(
                    content()
                            .with(line("a").discount(AppliedDiscount.percentage("100.5")))
                            .build(),
                    "line_items[0].applied_discount.percentage must be between 0 and 100");
            assertInvalid(
                    content()
                            .with(line("a"))
                            .discount(AppliedDiscount.percentage("-1"))
                            .build(),
                    "applied_discount.percentage must be between 0 and 100");
        }

        @Test
        void aDiscountWithoutItsValueIsRefused() {
            AppliedDiscount noPercentage = new AppliedDiscount(null, null, DiscountType.PERCENTAGE, null, null);
            AppliedDiscount negative = AppliedDiscount.fixedAmount(-5);

            assertInvalid(content().with(line("a")).discount(noPercentage).build(), "percentage must be given");
            assertInvalid(content().with(line("a").discount(negative)).build(), "fixed_amount must not be negative");
        }

        @Test
        void aNegativeShippingPriceIsRefused() {
            assertInvalid(content().shipping(-1).build(), "shipping_line.price must not be negative");
        }

        @Test
        void amountsThatWouldOverflowAreRefusedInsteadOfWrapping() {
            // 4 * 10^18 * 3 > Long.MAX_VALUE (about 9.22 * 10^18)
            assertInvalid(
                    content()
                            .with(line("a").quantity(3).price(4_000_000_000_000_000_000L))
                            .build(),
                    "too large");
            // each fits, the sum 2 * 5 * 10^18 does not
            assertInvalid(
                    content()
                            .with(line("a").price(5_000_000_000_000_000_000L))
                            .with(line("b").price(5_000_000_000_000_000_000L))
                            .build(),
                    "too large");
        }

        private void assertInvalid(CartContent content, String message) {
            assertThatThrownBy(() -> calculator.calculate(content))
                    .isInstanceOf(InvalidCartContentException.class)
                    .hasMessageContaining(message);
        }
    }

    @Test
    void aFullCartWorkedThroughByHand() {
        CartContent content = content()
                .with(line("a").quantity(3).price(333))
                .with(line("b").quantity(1).price(1))
                .discount(AppliedDiscount.percentage("33.3"))
                .shipping(499)
                .shipTo("DE")
                .build();

        CartCalculation cart = calculator.calculate(content);

        // subtotals 999 and 1, S = 1000; 33.3% of 1000 = 333
        // shares: 333 * 999 / 1000 = 332.667 -> 332 (rem .667), 333 * 1 / 1000 = 0.333 -> 0 (rem .333);
        // 1 cent left -> line a: 333, 0; discounted totals 666 and 1
        assertThat(cart.lines()).extracting(CalculatedLine::orderDiscountShare).containsExactly(333L, 0L);
        assertThat(cart.lines()).extracting(CalculatedLine::discountedTotal).containsExactly(666L, 1L);
        // tax: 666 * 0.19 = 126.54 -> 127; 1 * 0.19 = 0.19 -> 0; shipping 499 * 0.19 = 94.81 -> 95
        assertThat(cart.lines()).extracting(CalculatedLine::tax).containsExactly(127L, 0L);
        assertThat(cart.shipping().tax()).isEqualTo(95);
        // total = 667 + 499 + 222 = 1388
        assertThat(cart.totals()).isEqualTo(new Totals("EUR", 1000, 333, 667, 499, 222, 1388, 4, 0));
        assertThat(calculator.calculate(content)).isEqualTo(cart);
    }

    @Test
    void aPhoneSaleWithLineAndOrderDiscountsAndShippingToGermany() {
        CartCalculation cart = calculator.calculate(content()
                .with(line("mug").quantity(2).price(1999).grams(350))
                .with(line("coaster").quantity(3).price(500).grams(100).discount(AppliedDiscount.percentage("10")))
                .with(line("wrap").custom().quantity(1).price(250))
                .discount(AppliedDiscount.percentage("10"))
                .shipping(495)
                .shipTo("DE")
                .build());

        // mug 2 * 1999 = 3998; coaster 3 * 500 = 1500 - 10% (150) = 1350; wrap 250 (custom)
        // S = 5598; order discount 10% = round(559.8) = 560, shares:
        //   mug 560 * 3998 / 5598 = 399.94 -> 399, coaster 135.05 -> 135, wrap 25.01 -> 25 (559);
        //   the cent left goes to the largest remainder (mug .94): 400, 135, 25
        assertThat(cart.lines()).extracting(CalculatedLine::orderDiscountShare).containsExactly(400L, 135L, 25L);
        assertThat(cart.lines()).extracting(CalculatedLine::discountedTotal).containsExactly(3598L, 1215L, 225L);
        // VAT: 3598 * 0.19 = 683.62 -> 684; 1215 * 0.19 = 230.85 -> 231; 225 * 0.19 = 42.75 -> 43;
        // shipping 495 * 0.19 = 94.05 -> 94; total tax 1052
        assertThat(cart.lines()).extracting(CalculatedLine::tax).containsExactly(684L, 231L, 43L);
        assertThat(cart.shipping().tax()).isEqualTo(94);
        // subtotal 5038; discounts 150 + 560 = 710; total 5038 + 495 + 1052 = 6585; 2*350 + 3*100 = 1000 g
        assertThat(cart.totals()).isEqualTo(new Totals("EUR", 5748, 710, 5038, 495, 1052, 6585, 6, 1000));
    }
}
