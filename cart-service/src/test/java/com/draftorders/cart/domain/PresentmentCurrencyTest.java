package com.draftorders.cart.domain;

import static com.draftorders.cart.domain.CartFixtures.calculator;
import static com.draftorders.cart.domain.CartFixtures.content;
import static com.draftorders.cart.domain.CartFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.draftorders.cart.domain.PresentmentCalculation.PresentmentTotals;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Amounts in minor units; every expected number is worked out by hand in the comment above it. */
class PresentmentCurrencyTest {

    private final CartCalculator calculator = calculator();

    /** The README's phone sale: EUR, two line discounts, a 10% order discount, shipping, German VAT. */
    private static CartFixtures.Content phoneSale() {
        return content()
                .with(line("mug").quantity(2).price(1999).grams(350))
                .with(line("coaster").quantity(3).price(500).grams(100).discount(AppliedDiscount.percentage("10")))
                .with(line("wrap").custom().quantity(1).price(250))
                .discount(AppliedDiscount.percentage("10"))
                .shipping(495)
                .shipTo("DE");
    }

    @Test
    void withoutAPresentmentCurrencyThePresentmentAmountsAreTheShopAmountsAtRateOne() {
        CartCalculation cart = calculator.calculate(phoneSale().build());

        PresentmentCalculation p = cart.presentment();
        assertThat(p.currency()).isEqualTo("EUR");
        assertThat(p.exchangeRate()).isEqualByComparingTo("1");
        assertThat(p.totals()).isEqualTo(new PresentmentTotals(5748, 710, 5038, 495, 1052, 6585));
        assertThat(p.lines())
                .extracting(PresentmentCalculation.Line::discountedTotal)
                .containsExactly(3598L, 1215L, 225L);
        assertThat(p.orderDiscount()).isEqualTo(560);
    }

    @Test
    void eachShopAmountIsConvertedOnItsOwnAndThePresentmentTotalsAreTheirSums() {
        CartCalculation cart =
                calculator.calculate(phoneSale().presentedIn("USD", "1.0850").build());

        // shop (EUR cents): see CartCalculatorTest's full cart: total 6585
        assertThat(cart.totals().totalPrice()).isEqualTo(6585);
        PresentmentCalculation p = cart.presentment();
        assertThat(p.currency()).isEqualTo("USD");
        assertThat(p.exchangeRate()).isEqualByComparingTo("1.0850");
        // mug: share 400 -> 434.0 = 434; discounted 3598 -> 3903.83 -> 3904; VAT 684 -> 742.14 -> 742
        // coaster: line discount 150 -> 162.75 -> 163; share 135 -> 146.475 -> 146; 1215 -> 1318.275 -> 1318;
        //   VAT 231 -> 250.635 -> 251
        // wrap: share 25 -> 27.125 -> 27; 225 -> 244.125 -> 244; VAT 43 -> 46.655 -> 47
        assertThat(p.lines())
                .extracting(PresentmentCalculation.Line::discountedTotal)
                .containsExactly(3904L, 1318L, 244L);
        assertThat(p.lines())
                .extracting(PresentmentCalculation.Line::lineDiscount)
                .containsExactly(0L, 163L, 0L);
        assertThat(p.lines())
                .extracting(PresentmentCalculation.Line::orderDiscountShare)
                .containsExactly(434L, 146L, 27L);
        // the line subtotal is the sum of its converted parts: 3904 + 434, 1318 + 163 + 146, 244 + 27
        assertThat(p.lines()).extracting(PresentmentCalculation.Line::subtotal).containsExactly(4338L, 1627L, 271L);
        // unit prices: 1999 -> 2168.915 -> 2169; 500 -> 542.5 -> 543 (half up); 250 -> 271.25 -> 271
        assertThat(p.lines()).extracting(PresentmentCalculation.Line::price).containsExactly(2169L, 543L, 271L);
        assertThat(p.lines().get(0).taxes()).containsExactly(742L);
        // the order discount is the sum of its converted shares 434 + 146 + 27 = 607 (converting 560 gives 608)
        assertThat(p.orderDiscount()).isEqualTo(607);
        // shipping 495 -> 537.075 -> 537; its VAT 94 -> 101.99 -> 102
        assertThat(p.shippingPrice()).isEqualTo(537);
        assertThat(p.shippingTaxes()).containsExactly(102L);
        // cart VAT line: 742 + 251 + 47 + 102 = 1142
        assertThat(p.taxLines()).containsExactly(1142L);
        // 4338 + 1627 + 271 = 6236; discounts 434 + 163 + 146 + 27 = 770; subtotal 3904 + 1318 + 244 = 5466;
        // total 5466 + 537 + 1142 = 7145 (converting the shop total 6585 would give 7144.725 -> 7145 here, but
        // need not in general)
        assertThat(p.totals()).isEqualTo(new PresentmentTotals(6236, 770, 5466, 537, 1142, 7145));
    }

    @Test
    void thePresentmentTotalIsTheSumOfTheConvertedPartsNotTheConvertedShopTotal() {
        CartCalculation cart = calculator.calculate(content()
                .with(line("a").quantity(2).price(1999))
                .shipping(495)
                .shipTo("DE")
                .presentedIn("USD", "1.0850")
                .build());

        // shop: 3998 + VAT 759.62 -> 760 + 495 + VAT 94.05 -> 94 = 5347
        assertThat(cart.totals().totalPrice()).isEqualTo(5347);
        // 3998 -> 4337.83 -> 4338; 760 -> 824.6 -> 825; 495 -> 537.075 -> 537; 94 -> 101.99 -> 102: 5802
        // (5347 -> 5801.495 -> 5801 would not add up with what the lines show)
        assertThat(cart.presentment().totals().totalPrice()).isEqualTo(5802);
        assertThat(cart.presentment().totals().totalTax()).isEqualTo(927);
    }

    @Test
    void aZeroDecimalPresentmentCurrencyRoundsHalfUpToWholeYen() {
        CartCalculation cart = calculator.calculate(content()
                .with(line("a").price(1))
                .with(line("b").price(3))
                .with(line("c").price(1999))
                .presentedIn("JPY", "150")
                .build());

        // 0.01 EUR * 150 = 1.5 -> 2 yen; 0.03 * 150 = 4.5 -> 5; 19.99 * 150 = 2998.5 -> 2999
        assertThat(cart.presentment().lines())
                .extracting(PresentmentCalculation.Line::discountedTotal)
                .containsExactly(2L, 5L, 2999L);
        // no tax (no region): total 2 + 5 + 2999 = 3006 (the shop total 20.03 * 150 = 3004.5 -> 3005)
        assertThat(cart.presentment().totals().totalPrice()).isEqualTo(3006);
        assertThat(cart.totals().totalPrice()).isEqualTo(2003);
    }

    @Test
    void aZeroDecimalShopCurrencyConvertsToCents() {
        CartCalculation cart = calculator.calculate(content()
                .currency("JPY")
                .with(line("a").quantity(3).price(1000))
                .shipping(500)
                .presentedIn("EUR", "0.0062")
                .build());

        // 3000 yen * 0.0062 = 18.60 EUR = 1860 cents; shipping 500 * 0.0062 = 3.10 = 310
        assertThat(cart.presentment().lines().get(0).discountedTotal()).isEqualTo(1860);
        assertThat(cart.presentment().totals().totalPrice()).isEqualTo(2170);
        assertThat(cart.totals().totalPrice()).isEqualTo(3500);
    }

    @Test
    void aThreeDecimalPresentmentCurrencyKeepsThreeDecimals() {
        CartCalculation cart = calculator.calculate(content()
                .with(line("a").price(1999))
                .presentedIn("KWD", "0.3335")
                .build());

        // 19.99 EUR * 0.3335 = 6.666665 KWD -> 6.667 = 6667 fils
        assertThat(cart.presentment().totals().totalPrice()).isEqualTo(6667);
    }

    @Test
    void theTotalsAddUpExactlyInThePresentmentCurrencyWithTaxesIncludedAndAllDiscounts() {
        CartCalculation cart = calculator.calculate(phoneSale()
                .taxesIncluded()
                .discount(AppliedDiscount.fixedAmount(333))
                .presentedIn("GBP", "0.8567")
                .build());

        PresentmentTotals t = cart.presentment().totals();
        assertThat(t.lineItemsSubtotalPrice() - t.totalDiscounts()).isEqualTo(t.subtotalPrice());
        // taxes included: the tax is inside the prices, not added
        assertThat(t.subtotalPrice() + t.totalShippingPrice()).isEqualTo(t.totalPrice());
        assertThat(cart.presentment().lines().stream()
                        .mapToLong(PresentmentCalculation.Line::discountedTotal)
                        .sum())
                .isEqualTo(t.subtotalPrice());
        assertThat(cart.presentment().taxLines().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(t.totalTax());
    }

    @Test
    void theSameCurrencyNeedsNoRateAndMayOnlyHaveRateOne() {
        CartCalculation cart = calculator.calculate(
                content().with(line("a").price(1999)).presentedIn("EUR", null).build());
        assertThat(cart.presentment().totals().totalPrice()).isEqualTo(1999);

        assertThatThrownBy(() -> calculator.calculate(
                        content().with(line("a")).presentedIn("EUR", "1.1").build()))
                .isInstanceOf(InvalidCartContentException.class)
                .hasMessageContaining("exchange_rate must be 1");
    }

    @Nested
    class InvalidPresentment {

        @Test
        void anotherCurrencyNeedsARate() {
            assertThatThrownBy(() -> calculator.calculate(
                            content().with(line("a")).presentedIn("USD", null).build()))
                    .isInstanceOf(InvalidCartContentException.class)
                    .hasMessageContaining("needs an exchange_rate");
        }

        @Test
        void aRateNeedsAPresentmentCurrency() {
            CartContent content = new CartContent(
                    "EUR",
                    java.util.List.of(line("a").build()),
                    null,
                    null,
                    null,
                    null,
                    false,
                    false,
                    null,
                    new BigDecimal("1.2"),
                    null);
            assertThatThrownBy(() -> calculator.calculate(content))
                    .isInstanceOf(InvalidCartContentException.class)
                    .hasMessageContaining("exchange_rate needs a presentment_currency");
        }

        @Test
        void theRateMustBePositiveBoundedAndOfLimitedPrecision() {
            for (String rate : new String[] {"0", "-1", "1000000.1", "1.00000000001"}) {
                assertThatThrownBy(() -> calculator.calculate(content()
                                .with(line("a"))
                                .presentedIn("USD", rate)
                                .build()))
                        .as(rate)
                        .isInstanceOf(InvalidCartContentException.class)
                        .hasMessageContaining("exchange_rate must be above 0");
            }
        }

        @Test
        void thePresentmentCurrencyMustBeAnIsoCurrency() {
            assertThatThrownBy(() -> calculator.calculate(
                            content().with(line("a")).presentedIn("XYZ", "1.1").build()))
                    .isInstanceOf(InvalidCartContentException.class)
                    .hasMessageContaining("presentment_currency XYZ");
        }
    }
}
