package com.draftorders.cart.domain;

import java.math.BigDecimal;

/**
 * A discount a caller applied to one line or to the whole cart, as given: the amount it takes is calculated by
 * {@link CartCalculator}.
 *
 * @param percentage for {@link DiscountType#PERCENTAGE}: the percent, 0 to 100 (e.g. {@code 10.5})
 * @param fixedAmount for {@link DiscountType#FIXED_AMOUNT}: minor units off (per unit on a line item)
 */
public record AppliedDiscount(
        String title, String description, DiscountType valueType, BigDecimal percentage, Long fixedAmount) {

    public static AppliedDiscount percentage(String percent) {
        return new AppliedDiscount(null, null, DiscountType.PERCENTAGE, new BigDecimal(percent), null);
    }

    public static AppliedDiscount fixedAmount(long minorUnits) {
        return new AppliedDiscount(null, null, DiscountType.FIXED_AMOUNT, null, minorUnits);
    }
}
