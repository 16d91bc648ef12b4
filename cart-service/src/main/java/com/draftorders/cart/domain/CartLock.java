package com.draftorders.cart.domain;

/**
 * A cart frozen for the completion of a draft.
 *
 * @param draftOrderId the draft whose completion locked the cart
 * @param draftVersion the draft version the cart was locked at
 * @param attempt the completion attempt that holds the lock
 */
public record CartLock(String draftOrderId, long draftVersion, int attempt) {}
