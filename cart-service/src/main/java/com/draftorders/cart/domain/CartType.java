package com.draftorders.cart.domain;

/** What a cart is for: the cart behind a draft order, or an ordinary storefront cart. */
public enum CartType {
    DRAFT_ORDER,
    DEFAULT
}
