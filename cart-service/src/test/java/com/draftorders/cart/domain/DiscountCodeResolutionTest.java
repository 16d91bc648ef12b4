package com.draftorders.cart.domain;

import static com.draftorders.cart.domain.CartFixtures.calculator;
import static com.draftorders.cart.domain.CartFixtures.content;
import static com.draftorders.cart.domain.CartFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discount codes resolved against a store's rules when a cart calculates (amounts in cents). */
class DiscountCodeResolutionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private final CartCalculator calculator = calculator();
    private final Map<String, DiscountCode> rules = new LinkedHashMap<>();

    private void rule(DiscountCode code) {
        rules.put(DiscountCode.normalize(code.code()), code);
    }

    private static DiscountCode percent(String code, String percent) {
        return new DiscountCode(
                code,
                code + " title",
                code + " description",
                DiscountType.PERCENTAGE,
                new BigDecimal(percent),
                null,
                null,
                null,
                null,
                null);
    }

    private static DiscountCode fixed(String code, String currency, long amount) {
        return new DiscountCode(
                code, code + " title", null, DiscountType.FIXED_AMOUNT, null, amount, currency, null, null, null);
    }

    private CartCalculation calculate(CartFixtures.Content content) {
        return calculator.calculate(content.build(), DiscountCodes.of(rules), NOW);
    }

    @Test
    void aValidCodeIsAnOrderLevelDiscountWithItsRulesTitleAndTheCodeRecorded() {
        rule(percent("SUMMER10", "10"));

        CartCalculation cart = calculate(content()
                .with(line("a").price(1000))
                .with(line("b").price(3000))
                .code("summer10"));

        // 10% of 4000 = 400, allocated 100 / 300
        assertThat(cart.appliedCodes()).hasSize(1);
        AppliedDiscountCode applied = cart.appliedCodes().get(0);
        assertThat(applied.code()).isEqualTo("SUMMER10");
        assertThat(applied.discount().title()).isEqualTo("SUMMER10 title");
        assertThat(applied.discount().description()).isEqualTo("SUMMER10 description");
        assertThat(applied.amount()).isEqualTo(400);
        assertThat(applied.presentmentAmount()).isEqualTo(400);
        assertThat(cart.lines()).extracting(CalculatedLine::orderDiscountShare).containsExactly(100L, 300L);
        assertThat(cart.orderDiscount()).isZero();
        assertThat(cart.totals().totalDiscounts()).isEqualTo(400);
        assertThat(cart.totals().totalPrice()).isEqualTo(3600);
        assertThat(cart.warnings()).isEmpty();
    }

    @Test
    void anUnknownCodeIsAWarningAndChangesNothing() {
        CartCalculation cart = calculate(content().with(line("a").price(1000)).code("BOGUS"));

        assertThat(cart.appliedCodes()).isEmpty();
        assertThat(cart.totals().totalPrice()).isEqualTo(1000);
        assertThat(cart.warnings())
                .containsExactly(new CartWarning(
                        CartWarning.Reason.DISCOUNT_CODE_NOT_FOUND,
                        "discount_codes[0]",
                        "discount code BOGUS does not exist",
                        "BOGUS"));
    }

    @Test
    void codesOutsideTheirValidityAreWarnings() {
        rule(new DiscountCode(
                "LATER",
                "t",
                null,
                DiscountType.PERCENTAGE,
                BigDecimal.TEN,
                null,
                null,
                NOW.plusSeconds(1),
                null,
                null));
        rule(new DiscountCode("OVER", "t", null, DiscountType.PERCENTAGE, BigDecimal.TEN, null, null, null, NOW, null));
        rule(new DiscountCode(
                "NOW", "t", null, DiscountType.PERCENTAGE, BigDecimal.TEN, null, null, NOW, NOW.plusSeconds(1), null));

        CartCalculation cart = calculate(
                content().with(line("a").price(1000)).code("later").code("over").code("now"));

        // starts_at is inclusive, ends_at exclusive
        assertThat(cart.warnings())
                .extracting(CartWarning::reason)
                .containsExactly(
                        CartWarning.Reason.DISCOUNT_CODE_NOT_YET_VALID, CartWarning.Reason.DISCOUNT_CODE_EXPIRED);
        assertThat(cart.warnings())
                .extracting(CartWarning::field)
                .containsExactly("discount_codes[0]", "discount_codes[1]");
        assertThat(cart.appliedCodes()).extracting(AppliedDiscountCode::code).containsExactly("NOW");
        assertThat(cart.totals().totalPrice()).isEqualTo(900);
    }

    @Test
    void theMinimumIsCheckedOnTheLinesAfterLineDiscounts() {
        rule(new DiscountCode(
                "MIN50", "t", null, DiscountType.PERCENTAGE, BigDecimal.TEN, null, "EUR", null, null, 5000L));

        // 6000 - 20% = 4800 < 5000
        CartCalculation below = calculate(content()
                .with(line("a").price(6000).discount(AppliedDiscount.percentage("20")))
                .code("MIN50"));
        assertThat(below.warnings())
                .extracting(CartWarning::reason)
                .containsExactly(CartWarning.Reason.DISCOUNT_CODE_MINIMUM_NOT_MET);

        // exactly 5000 reaches it: 10% = 500
        CartCalculation reached =
                calculate(content().with(line("a").price(5000)).code("MIN50"));
        assertThat(reached.warnings()).isEmpty();
        assertThat(reached.totals().totalDiscounts()).isEqualTo(500);
    }

    @Test
    void aFixedAmountCodeForAnotherCurrencyDoesNotApply() {
        rule(fixed("FIVE", "USD", 500));

        CartCalculation cart = calculate(content().with(line("a").price(1000)).code("FIVE"));

        assertThat(cart.warnings())
                .extracting(CartWarning::reason)
                .containsExactly(CartWarning.Reason.DISCOUNT_CODE_CURRENCY_MISMATCH);
        assertThat(cart.totals().totalPrice()).isEqualTo(1000);
    }

    @Test
    void aCodeGivenTwiceInAnyCaseAppliesOnce() {
        rule(percent("TEN", "10"));

        CartCalculation cart =
                calculate(content().with(line("a").price(1000)).code("ten").code("TEN"));

        assertThat(cart.appliedCodes()).hasSize(1);
        assertThat(cart.warnings())
                .extracting(CartWarning::reason)
                .containsExactly(CartWarning.Reason.DISCOUNT_CODE_DUPLICATE);
        assertThat(cart.totals().totalDiscounts()).isEqualTo(100);
    }

    @Test
    void orderLevelDiscountsStackOneAfterTheOtherOnWhatIsLeft() {
        rule(percent("TEN", "10"));
        rule(fixed("FIVE", "EUR", 500));

        CartCalculation cart = calculate(content()
                .with(line("a").price(1000))
                .with(line("b").price(2000))
                .discount(AppliedDiscount.percentage("10"))
                .code("TEN")
                .code("FIVE"));

        // the draft's own 10% of 3000 = 300 (100 / 200); then TEN: 10% of 2700 = 270 (90 / 180);
        // then FIVE: 500 of 2430, in proportion to 810 / 1620: 166.67 / 333.33 -> 167 / 333
        assertThat(cart.orderDiscount()).isEqualTo(300);
        assertThat(cart.appliedCodes()).extracting(AppliedDiscountCode::amount).containsExactly(270L, 500L);
        assertThat(cart.lines()).extracting(CalculatedLine::orderDiscountShare).containsExactly(357L, 713L);
        assertThat(cart.totals().totalDiscounts()).isEqualTo(1070);
        assertThat(cart.totals().totalPrice()).isEqualTo(1930);
    }

    @Test
    void aFixedCodeLargerThanWhatIsLeftTakesWhatIsLeftAndNoLineGoesNegative() {
        rule(fixed("BIG", "EUR", 100_000));

        CartCalculation cart = calculate(content()
                .with(line("a").price(333))
                .with(line("b").price(667))
                .discount(AppliedDiscount.percentage("50"))
                .code("BIG"));

        // 50% of 1000 = 500; BIG takes the 500 left
        assertThat(cart.appliedCodes().get(0).amount()).isEqualTo(500);
        assertThat(cart.lines()).extracting(CalculatedLine::discountedTotal).containsExactly(0L, 0L);
        assertThat(cart.totals().totalPrice()).isZero();
    }

    @Test
    void eachCodesPresentmentAmountIsTheSumOfItsConvertedShares() {
        rule(percent("TEN", "10"));

        CartCalculation cart = calculate(content()
                .with(line("a").price(1005))
                .with(line("b").price(1005))
                .code("TEN")
                .presentedIn("USD", "1.5"));

        // 10% of 2010 = 201: shares 100.5 / 100.5 -> 100 + 101 (the cent to the first line on a tie: 101, 100)
        // converted: 101 * 1.5 = 151.5 -> 152; 100 * 1.5 = 150: 302 (converting 201 would give 301.5 -> 302)
        assertThat(cart.lines()).extracting(CalculatedLine::orderDiscountShare).containsExactly(101L, 100L);
        assertThat(cart.appliedCodes().get(0).presentmentAmount()).isEqualTo(302);
        assertThat(cart.presentment().totals().totalDiscounts()).isEqualTo(302);
    }

    @Test
    void withoutRulesEveryCodeIsUnknown() {
        CartCalculation cart =
                calculator.calculate(content().with(line("a")).code("ANY").build());

        assertThat(cart.warnings())
                .extracting(CartWarning::reason)
                .containsExactly(CartWarning.Reason.DISCOUNT_CODE_NOT_FOUND);
    }
}
