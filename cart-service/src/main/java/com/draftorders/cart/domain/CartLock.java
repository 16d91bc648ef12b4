package com.draftorders.cart.domain;

import java.time.Instant;

/**
 * A cart frozen for the completion of a draft.
 *
 * @param draftOrderId the draft whose completion locked the cart
 * @param draftVersion the draft version the cart was locked at
 * @param attempt the completion attempt that holds the lock
 * @param lockedAt when the lock was taken
 */
public record CartLock(String draftOrderId, long draftVersion, int attempt, Instant lockedAt) {}
