package com.draftorders.payment.domain;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts are minor units ({@code long}) of an ISO 4217 currency; this checks and prints them. */
public final class Amounts {

    /** The largest amount a payment may have: 10^13 minor units, the same ceiling as everywhere else. */
    public static final long MAX = 10_000_000_000_000L;

    private Amounts() {}

    /** Whether {@code amount} is between 0 and {@link #MAX}. */
    public static boolean isValid(long amount) {
        return amount >= 0 && amount <= MAX;
    }

    /** Whether {@code code} is an ISO 4217 currency code, upper case ({@code EUR}, not {@code eur}). */
    public static boolean isCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** For people: {@code 50.13 EUR}, {@code 5013 JPY}; the bare minor units when the currency is unknown. */
    public static String format(long minorUnits, String currency) {
        if (!isCurrency(currency)) {
            return minorUnits + " " + currency;
        }
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(minorUnits, digits).toPlainString() + " " + currency;
    }
}
