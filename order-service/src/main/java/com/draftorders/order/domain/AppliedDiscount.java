package com.draftorders.order.domain;

/**
 * A discount on the whole order or on one line, as the cart calculated it.
 *
 * @param percentage for {@link DiscountValueType#PERCENTAGE}: the percent as exact decimal text, e.g. {@code "10.5"}
 * @param fixedAmount for {@link DiscountValueType#FIXED_AMOUNT}: the amount off in minor units
 * @param amount the discount actually taken, in minor units (null if the cart never calculated it)
 */
public record AppliedDiscount(
        String title,
        String description,
        DiscountValueType valueType,
        String percentage,
        Long fixedAmount,
        Long amount) {}
