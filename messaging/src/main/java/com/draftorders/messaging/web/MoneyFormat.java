package com.draftorders.messaging.web;

import com.draftorders.schemas.InputRules;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money on REST is a decimal string in the currency's own precision ({@code "19.99"} EUR, {@code "1999"} JPY);
 * inside the system and on Kafka it is a {@code long} of minor units.
 */
public final class MoneyFormat {

    /** Largest amount accepted anywhere: 10^13 minor units, so sums of up to 499 lines times quantities never overflow. */
    public static final long MAX_MINOR_UNITS = 10_000_000_000_000L;

    private MoneyFormat() {}

    public static String format(long minorUnits, String currency) {
        int digits;
        try {
            digits = Math.max(java.util.Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException | NullPointerException e) {
            digits = 2; // what was stored before the currency rule was strict is still shown
        }
        return BigDecimal.valueOf(minorUnits, digits).toPlainString();
    }

    /**
     * Parses a decimal amount into minor units. The text must be ASCII digits with at most the currency's minor digits
     * after a dot ({@code "19.99"}, {@code "5"}): no exponent, sign, spaces or other digits ({@link InputRules}).
     *
     * @throws IllegalArgumentException with a user-facing reason when the text is not a valid amount
     */
    public static long parse(String amount, String currency) {
        int digits = fractionDigits(currency);
        String example = "\"" + BigDecimal.valueOf(1999, digits).toPlainString() + "\"";
        BigDecimal value = InputRules.decimal(amount);
        if (value == null) {
            throw new IllegalArgumentException(
                    "must be a decimal string of digits such as " + example + " (no sign, exponent or spaces)");
        }
        if (value.scale() > digits) {
            throw new IllegalArgumentException(
                    "has more than " + digits + " decimal places for " + currency + "; such as " + example);
        }
        BigDecimal minor = value.setScale(digits, RoundingMode.UNNECESSARY).movePointRight(digits);
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR_UNITS)) > 0) {
            throw new IllegalArgumentException("is larger than the maximum amount");
        }
        return minor.longValueExact();
    }

    /** Fraction digits of an active ISO 4217 currency (2 for EUR, 0 for JPY). */
    public static int fractionDigits(String currency) {
        return InputRules.fractionDigits(currency);
    }

    /** An active ISO 4217 code in upper case ({@link InputRules#isCurrency}). */
    public static boolean isCurrency(String currency) {
        return InputRules.isCurrency(currency);
    }
}
