package com.draftorders.order.domain;

/** The outcome of creating an order from a cart: the new order, or why none was made. */
public sealed interface Creation {

    record Created(Order order) implements Creation {}

    record Refused(String reason) implements Creation {}
}
