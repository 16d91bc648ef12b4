package com.draftorders.order.domain;

/** How an applied discount is expressed: a fixed amount off or a percentage. */
public enum DiscountValueType {
    FIXED_AMOUNT,
    PERCENTAGE
}
