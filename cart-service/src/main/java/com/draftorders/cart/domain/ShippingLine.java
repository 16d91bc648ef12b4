package com.draftorders.cart.domain;

/** The shipping the caller chose: a title and a price in minor units. */
public record ShippingLine(String title, long price, String code) {}
