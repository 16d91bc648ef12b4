package com.draftorders.order.domain;

/**
 * A discount code that applied to the order: its code, the order-level discount its rule described (with the
 * amount taken) and that amount in the presentment currency.
 */
public record AppliedDiscountCode(String code, AppliedDiscount discount, Long presentmentAmount) {}
