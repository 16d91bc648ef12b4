package com.draftorders.schemas;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value rules of the contract, the same whichever way a value comes in (REST or Kafka): currencies, decimal
 * amounts and text. Plain Java, so every service's domain and every adapter can use the one definition.
 *
 * <ul>
 *   <li>A currency is an active ISO 4217 code in upper case ({@code EUR}, {@code JPY}); no lower case, no funds,
 *       precious metals, test or withdrawn codes ({@code XXX}, {@code XAU}, {@code DEM}).
 *   <li>A decimal is ASCII digits with an optional fraction, {@code ^\d+(\.\d+)?$}: no exponent, sign, spaces,
 *       grouping or other scripts' digits.
 *   <li>Text holds no control characters (NUL, ESC, DEL, C1, ...) and no unpaired surrogates; prose (a note, a
 *       message to the customer) may also hold line breaks and tabs. Header-like fields (an email's {@code to},
 *       {@code from}, {@code subject}) are text, so they can never carry a CR/LF.
 * </ul>
 */
public final class InputRules {

    /** What a decimal amount or rate looks like: ASCII digits, optionally a dot and more digits. */
    public static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    public static final String CURRENCY_RULE = "must be an active ISO 4217 currency code in upper case such as \"EUR\"";
    public static final String TEXT_RULE = "must not contain control characters such as NUL or line breaks";
    public static final String PROSE_RULE = "must not contain control characters other than line breaks and tabs";

    /**
     * Codes Java still knows that are not (or no longer) a currency anyone pays in: withdrawn national currencies,
     * funds codes and codes replaced by a redenomination.
     */
    private static final Set<String> NOT_ACTIVE = Set.of(
            "ADP", "AFA", "ATS", "AYM", "AZM", "BEF", "BGL", "BOV", "CHE", "CHW", "CLF", "COU", "CSD", "CUC", "CYP",
            "DEM", "EEK", "ESP", "FIM", "FRF", "GHC", "GRD", "GWP", "HRK", "IEP", "ITL", "LTL", "LUF", "LVL", "MGF",
            "MRO", "MTL", "MXV", "MZM", "NLG", "PTE", "ROL", "RUR", "SDD", "SIT", "SKK", "SLL", "SRG", "STD", "TMM",
            "TPE", "TRL", "USN", "USS", "UYI", "UYW", "VEB", "VED", "VEF", "XFO", "XFU", "YUM", "ZMK", "ZWD", "ZWL",
            "ZWN", "ZWR");

    private InputRules() {}

    /** An active ISO 4217 code, in upper case, of a currency with minor units (so not XXX, XAU, XDR, ...). */
    public static boolean isCurrency(String code) {
        if (code == null || code.length() != 3 || NOT_ACTIVE.contains(code)) {
            return false;
        }
        for (int i = 0; i < 3; i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        try {
            return Currency.getInstance(code).getDefaultFractionDigits() >= 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Minor-unit digits of an {@link #isCurrency active} currency (2 for EUR, 0 for JPY). */
    public static int fractionDigits(String currency) {
        if (!isCurrency(currency)) {
            throw new IllegalArgumentException("unknown currency " + currency);
        }
        return Currency.getInstance(currency).getDefaultFractionDigits();
    }

    /**
     * A non-negative decimal in the strict form {@code ^\d+(\.\d+)?$}, or null when {@code text} is not one (the
     * caller says what it expected).
     */
    public static BigDecimal decimal(String text) {
        if (text == null || text.length() > 40 || !DECIMAL.matcher(text).matches()) {
            return null;
        }
        return new BigDecimal(text);
    }

    /** Text without control characters or unpaired surrogates; null is fine (absent). */
    public static boolean isText(String value) {
        return value == null || clean(value, false);
    }

    /** Like {@link #isText} but line breaks ({@code \n}, {@code \r}) and tabs are allowed: a note, a message. */
    public static boolean isProse(String value) {
        return value == null || clean(value, true);
    }

    private static boolean clean(String value, boolean prose) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return false;
            }
            if (Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.getType(c) == Character.CONTROL) {
                if (prose && (c == '\n' || c == '\r' || c == '\t')) {
                    continue;
                }
                return false;
            }
            if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                // line and paragraph separators: a line break in disguise
                if (!prose) {
                    return false;
                }
            }
        }
        return true;
    }
}
