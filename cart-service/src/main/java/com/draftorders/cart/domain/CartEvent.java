package com.draftorders.cart.domain;

/** What happened to a cart; recorded by {@link Cart} only when its state really changed. */
public sealed interface CartEvent {

    /** The cart was created or its content replaced, and calculated. */
    record TotalsCalculated(CartSnapshot cart) implements CartEvent {}

    /** The cart was frozen for a completion attempt. */
    record Locked(CartSnapshot cart, int attempt) implements CartEvent {}

    /** The cart's lock was released (the completion attempt was compensated). */
    record Unlocked(String cartId, String draftOrderId, int attempt) implements CartEvent {}
}
