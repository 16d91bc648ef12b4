package com.draftorders.cart.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tax rate of a region: a title ({@code VAT}) and the rate as a decimal fraction ({@code 0.19}).
 *
 * @param rate between 0 and 1 inclusive, kept with the scale it was configured with
 */
public record TaxRate(String title, BigDecimal rate) {

    public TaxRate {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rate, "rate");
        if (title.isBlank()) {
            throw new IllegalArgumentException("a tax rate needs a title");
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("tax rate " + title + " must be between 0 and 1, was " + rate);
        }
    }
}
