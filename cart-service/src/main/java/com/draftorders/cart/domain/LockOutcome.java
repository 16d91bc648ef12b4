package com.draftorders.cart.domain;

/** What {@link Cart#lock} did. */
public sealed interface LockOutcome {

    /** The cart is now locked; {@link CartEvent.Locked} was recorded. */
    record Locked(CartLock lock) implements LockOutcome {}

    /** The cart was already locked at this draft version; nothing changed and nothing is recorded. */
    record AlreadyLocked(CartLock lock) implements LockOutcome {}

    /** The cart cannot be locked as asked; nothing changed, the caller must hear the reason. */
    record Rejected(String reason) implements LockOutcome {}
}
