package com.draftorders.order.domain;

/**
 * One tax charged on a line, on shipping or on the whole order.
 *
 * @param rate the rate as an exact decimal fraction, e.g. {@code "0.0725"}
 * @param price the tax in minor units
 */
public record TaxLine(String title, String rate, long price) {}
