package com.draftorders.cart.domain;

import java.math.BigDecimal;

/**
 * Tax charged on one line, on shipping, or (summed) on the whole cart.
 *
 * @param rate decimal fraction, e.g. {@code 0.0725}
 * @param price tax in minor units
 */
public record TaxLine(String title, BigDecimal rate, long price) {

    /** The rate as a plain decimal string ({@code "0.19"}, never an exponent). */
    public String rateText() {
        return rate.toPlainString();
    }
}
