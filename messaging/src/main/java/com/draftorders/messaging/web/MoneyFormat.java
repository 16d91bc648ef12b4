package com.draftorders.messaging.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Money on REST is a decimal string in the currency's own precision ({@code "19.99"} EUR, {@code "1999"} JPY);
 * inside the system and on Kafka it is a {@code long} of minor units.
 */
public final class MoneyFormat {

    /** Largest amount accepted anywhere: 10^13 minor units, so sums of up to 499 lines times quantities never overflow. */
    public static final long MAX_MINOR_UNITS = 10_000_000_000_000L;

    private MoneyFormat() {}

    public static String format(long minorUnits, String currency) {
        return BigDecimal.valueOf(minorUnits, fractionDigits(currency)).toPlainString();
    }

    /**
     * Parses a decimal amount into minor units.
     *
     * @throws IllegalArgumentException with a user-facing reason when the text is not a valid amount
     */
    public static long parse(String amount, String currency) {
        if (amount == null || amount.isBlank()) {
            throw new IllegalArgumentException("must be a decimal amount such as \"19.99\"");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a decimal amount such as \"19.99\"");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("must not be negative");
        }
        int digits = fractionDigits(currency);
        if (value.scale() > digits) {
            throw new IllegalArgumentException("has more than " + digits + " decimal places for " + currency);
        }
        BigDecimal minor = value.setScale(digits, RoundingMode.UNNECESSARY).movePointRight(digits);
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR_UNITS)) > 0) {
            throw new IllegalArgumentException("is larger than the maximum amount");
        }
        return minor.longValueExact();
    }

    /** Fraction digits of an ISO 4217 currency (2 for EUR, 0 for JPY). */
    public static int fractionDigits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return Math.max(digits, 0);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown currency " + currency);
        }
    }

    public static boolean isCurrency(String currency) {
        try {
            Currency.getInstance(currency);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
