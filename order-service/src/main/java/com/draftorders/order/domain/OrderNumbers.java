package com.draftorders.order.domain;

/**
 * Hands out order numbers per store, counting up from the first order number (so the first order of a store is
 * {@code #1001}). A number handed out is never handed out again, but may stay unused (a crash, or a duplicate
 * creation that lost the race).
 */
@FunctionalInterface
public interface OrderNumbers {

    long next(String storeId);
}
