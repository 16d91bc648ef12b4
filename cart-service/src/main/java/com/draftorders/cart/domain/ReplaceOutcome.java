package com.draftorders.cart.domain;

/** What {@link Cart#replaceContent} did. */
public sealed interface ReplaceOutcome {

    /** The content was replaced and recalculated; {@link CartEvent.TotalsCalculated} was recorded. */
    record Replaced(long draftVersion) implements ReplaceOutcome {}

    /** The cart already reflects this draft version or a newer one; nothing changed. */
    record Stale(long currentDraftVersion, long requestedDraftVersion) implements ReplaceOutcome {}

    /** The cart is locked for a completion; nothing changed. */
    record RefusedLocked(CartLock lock, long requestedDraftVersion) implements ReplaceOutcome {}
}
