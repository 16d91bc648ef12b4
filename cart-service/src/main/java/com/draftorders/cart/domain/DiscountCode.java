package com.draftorders.cart.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A discount rule of a store, reached by its code: what a valid code takes off the order (a percentage or a fixed
 * amount, like an order-level {@link AppliedDiscount}) and when it is valid.
 *
 * @param code as the merchant wrote it; codes are compared ignoring case ({@link #normalize})
 * @param percentage for {@link DiscountType#PERCENTAGE}: 0 to 100
 * @param fixedAmount for {@link DiscountType#FIXED_AMOUNT}: minor units of {@code currency} off the order
 * @param currency the currency of {@code fixedAmount} and {@code minimumSubtotal}; null for a percentage rule
 *     without a minimum (it applies to carts in any currency)
 * @param startsAt valid from (inclusive); null = always
 * @param endsAt valid until (exclusive); null = never ends
 * @param minimumSubtotal the cart's line items after line discounts must reach this (minor units); null = none
 */
public record DiscountCode(
        String code,
        String title,
        String description,
        DiscountType valueType,
        BigDecimal percentage,
        Long fixedAmount,
        String currency,
        Instant startsAt,
        Instant endsAt,
        Long minimumSubtotal) {

    /** Letters, digits, {@code _ - .}; 1 to 64 characters, starting with a letter or digit. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The key a code is stored and found under: upper case, trimmed. */
    public static String normalize(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    /** The order-level discount this code applies as. */
    public AppliedDiscount discount() {
        return new AppliedDiscount(title, description, valueType, percentage, fixedAmount);
    }

    /**
     * Why this code does not apply to a cart in {@code cartCurrency} whose line items after line discounts come to
     * {@code base} at {@code now}; empty when it applies.
     */
    public Optional<CartWarning.Reason> refusal(Instant now, String cartCurrency, long base) {
        if (currency != null
                && !currency.equals(cartCurrency)
                && (valueType == DiscountType.FIXED_AMOUNT || minimumSubtotal != null)) {
            return Optional.of(CartWarning.Reason.DISCOUNT_CODE_CURRENCY_MISMATCH);
        }
        if (startsAt != null && now.isBefore(startsAt)) {
            return Optional.of(CartWarning.Reason.DISCOUNT_CODE_NOT_YET_VALID);
        }
        if (endsAt != null && !now.isBefore(endsAt)) {
            return Optional.of(CartWarning.Reason.DISCOUNT_CODE_EXPIRED);
        }
        if (minimumSubtotal != null && base < minimumSubtotal) {
            return Optional.of(CartWarning.Reason.DISCOUNT_CODE_MINIMUM_NOT_MET);
        }
        return Optional.empty();
    }
}
