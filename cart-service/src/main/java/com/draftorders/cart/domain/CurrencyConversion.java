package com.draftorders.cart.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Converts minor units of the shop currency into minor units of the presentment currency at a fixed rate:
 * {@code round_half_up(amount / 10^shopDigits * rate, presentmentDigits)}, exact with {@link BigDecimal}. The
 * fraction digits are {@link Currency#getDefaultFractionDigits()} (2 for EUR/USD, 0 for JPY, 3 for KWD).
 *
 * @param rate presentment units per shop unit, {@code > 0}
 */
public record CurrencyConversion(String shopCurrency, String presentmentCurrency, BigDecimal rate) {

    /** The largest rate accepted (presentment units per shop unit). */
    public static final BigDecimal MAX_RATE = BigDecimal.valueOf(1_000_000);
    /** The most decimal places a rate may have. */
    public static final int MAX_RATE_SCALE = 10;

    /** No conversion: the presentment currency is the shop currency, at rate 1. */
    public static CurrencyConversion identity(String currency) {
        return new CurrencyConversion(currency, currency, BigDecimal.ONE);
    }

    /** How {@code content} is shown: in its presentment currency at its rate (1 when none), else in its currency. */
    public static CurrencyConversion of(CartContent content) {
        if (content.presentmentCurrency() == null) {
            return identity(content.currency());
        }
        return new CurrencyConversion(
                content.currency(),
                content.presentmentCurrency(),
                content.exchangeRate() == null ? BigDecimal.ONE : content.exchangeRate());
    }

    public long convert(long shopMinorUnits) {
        int shopDigits = digits(shopCurrency);
        int presentmentDigits = digits(presentmentCurrency);
        if (shopDigits == presentmentDigits && rate.compareTo(BigDecimal.ONE) == 0) {
            return shopMinorUnits;
        }
        return BigDecimal.valueOf(shopMinorUnits, shopDigits)
                .multiply(rate)
                .setScale(presentmentDigits, RoundingMode.HALF_UP)
                .unscaledValue()
                .longValueExact();
    }

    /** The rate as a plain decimal string ({@code "1.0850"}, as given). */
    public String rateText() {
        return rate.toPlainString();
    }

    static int digits(String currency) {
        return Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
    }
}
