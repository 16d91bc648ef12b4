package com.draftorders.cart.domain;

/**
 * A discount code that applied: the order-level discount its rule describes and what it took.
 *
 * @param code the code as its rule spells it
 * @param amount minor units of the shop currency taken off the order
 * @param presentmentAmount the same in the presentment currency: the sum of its converted per-line shares
 */
public record AppliedDiscountCode(String code, AppliedDiscount discount, long amount, long presentmentAmount) {}
