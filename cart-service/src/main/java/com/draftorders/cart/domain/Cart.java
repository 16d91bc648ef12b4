package com.draftorders.cart.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A cart: the calculated content of one draft version, and whether a completion has frozen it.
 *
 * <p>State machine: {@code UNLOCKED --lock(v)--> LOCKED --unlock--> UNLOCKED}. While unlocked the content follows
 * the draft: a newer draft version replaces it and recalculates; an older or equal one is ignored (it arrived late).
 * While locked the content is frozen. Each method checks its guard, changes state only when the guard allows, and
 * records the event of that change once; a request that finds the state already as asked records nothing. Refusals
 * are {@linkplain ReplaceOutcome outcomes}, not exceptions.
 */
public final class Cart {

    private final String id;
    private final String storeId;
    private final String draftOrderId;
    private final CartType type;
    private long draftVersion;
    private CartCalculation calculation;
    private CartLock lock;
    private long revision;
    private final Instant createdAt;
    private Instant updatedAt;
    private final List<CartEvent> events = new ArrayList<>();

    /**
     * Everything a cart is, for storage and display.
     *
     * @param draftOrderId null for a {@link CartType#DEFAULT} cart
     * @param lock null when the cart is not locked
     * @param revision 1 when created, one more with every change
     */
    public record State(
            String id,
            String storeId,
            String draftOrderId,
            CartType type,
            long draftVersion,
            CartCalculation calculation,
            CartLock lock,
            long revision,
            Instant createdAt,
            Instant updatedAt) {}

    private Cart(State state) {
        if (state.id() == null || state.id().isBlank()) {
            throw new IllegalArgumentException("a cart needs an id");
        }
        if (state.storeId() == null || state.storeId().isBlank()) {
            throw new IllegalArgumentException("a cart needs a store");
        }
        this.id = state.id();
        this.storeId = state.storeId();
        this.draftOrderId = state.draftOrderId();
        this.type = Objects.requireNonNull(state.type(), "type");
        this.draftVersion = state.draftVersion();
        this.calculation = Objects.requireNonNull(state.calculation(), "calculation");
        this.lock = state.lock();
        this.revision = state.revision();
        this.createdAt = state.createdAt();
        this.updatedAt = state.updatedAt();
    }

    /**
     * A new cart of {@code storeId} with {@code content} calculated, its discount codes resolved against
     * {@code codes} at {@code now}; records {@link CartEvent.TotalsCalculated}.
     *
     * @throws InvalidCartContentException when the content cannot be calculated
     */
    public static Cart create(
            String id,
            String storeId,
            String draftOrderId,
            CartType type,
            long draftVersion,
            CartContent content,
            CartCalculator calculator,
            DiscountCodes codes,
            Instant now) {
        Cart cart = new Cart(new State(
                id,
                storeId,
                draftOrderId,
                type,
                draftVersion,
                calculator.calculate(content, codes, now),
                null,
                1,
                now,
                now));
        cart.record(new CartEvent.TotalsCalculated(cart.snapshot()));
        return cart;
    }

    /** A cart as it was stored; records nothing. */
    public static Cart restore(State state) {
        return new Cart(Objects.requireNonNull(state, "state"));
    }

    /**
     * Replaces the content with the draft's content at {@code newDraftVersion} and recalculates, if that version is
     * newer than the cart's and the cart is not locked.
     *
     * @throws InvalidCartContentException when the new content cannot be calculated (nothing changes)
     */
    public ReplaceOutcome replaceContent(long newDraftVersion, CartContent content, CartCalculator calculator) {
        return replaceContent(newDraftVersion, content, calculator, DiscountCodes.NONE, Instant.EPOCH);
    }

    /**
     * Like {@link #replaceContent(long, CartContent, CartCalculator)}, resolving the content's discount codes
     * against {@code codes} at {@code now}. Codes are resolved only here and in {@link #create}: a lock freezes the
     * calculation as it is, so what the draft showed is what the order gets.
     */
    public ReplaceOutcome replaceContent(
            long newDraftVersion, CartContent content, CartCalculator calculator, DiscountCodes codes, Instant now) {
        if (newDraftVersion <= draftVersion) {
            return new ReplaceOutcome.Stale(draftVersion, newDraftVersion);
        }
        if (lock != null) {
            return new ReplaceOutcome.RefusedLocked(lock, newDraftVersion);
        }
        CartCalculation recalculated = calculator.calculate(content, codes, now);
        this.calculation = recalculated;
        this.draftVersion = newDraftVersion;
        changed(new CartEvent.TotalsCalculated(snapshot()), now);
        return new ReplaceOutcome.Replaced(newDraftVersion);
    }

    /**
     * Freezes the cart for completion attempt {@code attempt} of draft {@code lockingDraftOrderId}, if the cart is
     * exactly at {@code expectedDraftVersion}: the completion must pay for the totals the draft showed.
     */
    public LockOutcome lock(String lockingDraftOrderId, long expectedDraftVersion, int attempt, Instant now) {
        if (draftOrderId != null && !draftOrderId.equals(lockingDraftOrderId)) {
            return new LockOutcome.Rejected(
                    "cart belongs to draft order " + draftOrderId + ", not " + lockingDraftOrderId);
        }
        if (lock != null && lock.draftVersion() == expectedDraftVersion) {
            return new LockOutcome.AlreadyLocked(lock);
        }
        if (draftVersion != expectedDraftVersion) {
            return new LockOutcome.Rejected(
                    "cart is at draft version " + draftVersion + ", completion asked for " + expectedDraftVersion);
        }
        this.lock = new CartLock(lockingDraftOrderId, expectedDraftVersion, attempt, now);
        changed(new CartEvent.Locked(snapshot(), attempt), now);
        return new LockOutcome.Locked(lock);
    }

    /**
     * Releases the lock (compensation of completion attempt {@code attempt}). An unlock from an earlier attempt than
     * the one holding the lock is late and leaves the lock in place.
     */
    public UnlockOutcome unlock(int attempt, Instant now) {
        if (lock == null) {
            return new UnlockOutcome.NotLocked();
        }
        if (attempt < lock.attempt()) {
            return new UnlockOutcome.HeldByLaterAttempt(lock, attempt);
        }
        CartLock released = lock;
        this.lock = null;
        changed(new CartEvent.Unlocked(id, released.draftOrderId(), attempt), now);
        return new UnlockOutcome.Unlocked(released);
    }

    /** The calculated cart at its current draft version. */
    public CartSnapshot snapshot() {
        return new CartSnapshot(id, draftOrderId, draftVersion, calculation);
    }

    /** The events recorded since the last call, oldest first; they are handed over once. */
    public List<CartEvent> pullEvents() {
        List<CartEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    private void changed(CartEvent event, Instant now) {
        revision++;
        updatedAt = now;
        record(event);
    }

    private void record(CartEvent event) {
        events.add(event);
    }

    public String id() {
        return id;
    }

    public String storeId() {
        return storeId;
    }

    /** The draft this cart belongs to; null for a {@link CartType#DEFAULT} cart. */
    public String draftOrderId() {
        return draftOrderId;
    }

    public CartType type() {
        return type;
    }

    public long draftVersion() {
        return draftVersion;
    }

    public CartCalculation calculation() {
        return calculation;
    }

    public boolean isLocked() {
        return lock != null;
    }

    /** The lock, or null when the cart is not locked. */
    public CartLock lockState() {
        return lock;
    }

    /** Counts the cart's state changes (1 when created); the aggregate version of the events it emits. */
    public long revision() {
        return revision;
    }

    public State state() {
        return new State(
                id, storeId, draftOrderId, type, draftVersion, calculation, lock, revision, createdAt, updatedAt);
    }
}
