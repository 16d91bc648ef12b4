package com.draftorders.cart.domain;

/** How an applied discount is expressed. */
public enum DiscountType {
    /** An amount off in minor units (per unit on a line, once on the order). */
    FIXED_AMOUNT,
    /** A percentage off, 0 to 100. */
    PERCENTAGE
}
