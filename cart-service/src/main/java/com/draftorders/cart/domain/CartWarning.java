package com.draftorders.cart.domain;

import java.util.Locale;

/**
 * Something the cart was asked for but did not apply; the cart is calculated without it and is still usable.
 *
 * @param field the input it is about, e.g. {@code discount_codes[1]} or {@code shipping_address}
 * @param discountCode the code as the caller gave it (null for other warnings)
 */
public record CartWarning(Reason reason, String field, String message, String discountCode) {

    /** Why a discount code did not apply, or why no tax was charged. */
    public enum Reason {
        /** Taxes are configured, but not for the cart's region: no tax is charged. */
        NO_TAX_RATE,
        DISCOUNT_CODE_NOT_FOUND,
        DISCOUNT_CODE_NOT_YET_VALID,
        DISCOUNT_CODE_EXPIRED,
        DISCOUNT_CODE_MINIMUM_NOT_MET,
        DISCOUNT_CODE_CURRENCY_MISMATCH,
        DISCOUNT_CODE_DUPLICATE;

        /** The wire name: {@code discount_code_not_found}, ... */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Reason ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** The warning for {@code code} at {@code index} of the cart's discount codes. */
    static CartWarning of(Reason reason, int index, String code) {
        String message = switch (reason) {
            case DISCOUNT_CODE_NOT_FOUND -> "discount code " + code + " does not exist";
            case DISCOUNT_CODE_NOT_YET_VALID -> "discount code " + code + " is not valid yet";
            case DISCOUNT_CODE_EXPIRED -> "discount code " + code + " has expired";
            case DISCOUNT_CODE_MINIMUM_NOT_MET ->
                "discount code " + code + " needs a larger subtotal than the cart has";
            case DISCOUNT_CODE_CURRENCY_MISMATCH ->
                "discount code " + code + " is for another currency than the cart's";
            case DISCOUNT_CODE_DUPLICATE -> "discount code " + code + " is given more than once";
            case NO_TAX_RATE -> throw new IllegalArgumentException("not a discount code warning");
        };
        return new CartWarning(reason, "discount_codes[" + index + "]", message, code);
    }

    /** No tax rate is configured for {@code region} (of the address in {@code field}): no tax is charged. */
    static CartWarning noTaxRate(String field, String region) {
        return new CartWarning(
                Reason.NO_TAX_RATE,
                field,
                "no tax rate is configured for " + region + " (" + field + "); no tax is charged",
                null);
    }
}
