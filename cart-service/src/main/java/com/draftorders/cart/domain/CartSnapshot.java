package com.draftorders.cart.domain;

/** A calculated cart as others see it: which draft version it reflects and its calculation. */
public record CartSnapshot(String cartId, String draftOrderId, long draftVersion, CartCalculation calculation) {}
