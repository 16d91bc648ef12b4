package com.draftorders.cart.domain;

/** What {@link Cart#unlock} did. */
public sealed interface UnlockOutcome {

    /** The lock was released; {@link CartEvent.Unlocked} was recorded. */
    record Unlocked(CartLock released) implements UnlockOutcome {}

    /** The cart was not locked; nothing changed. */
    record NotLocked() implements UnlockOutcome {}

    /** The cart is locked by a later completion attempt than the one asking; nothing changed. */
    record HeldByLaterAttempt(CartLock lock, int requestedAttempt) implements UnlockOutcome {}
}
