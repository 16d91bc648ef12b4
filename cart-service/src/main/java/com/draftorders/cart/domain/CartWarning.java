package com.draftorders.cart.domain;

import java.util.Locale;

/**
 * Something the cart was asked for but did not apply; the cart is calculated without it and is still usable.
 *
 * @param field the input it is about, e.g. {@code discount_codes[1]}
 * @param discountCode the code as the caller gave it
 */
public record CartWarning(Reason reason, String field, String message, String discountCode) {

    /** Why a discount code did not apply. */
    public enum Reason {
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
        };
        return new CartWarning(reason, "discount_codes[" + index + "]", message, code);
    }
}
