package com.draftorders.cart.domain;

import java.util.Map;
import java.util.Optional;

/** The discount rules of one store, found by code (ignoring case). */
@FunctionalInterface
public interface DiscountCodes {

    /** A store without discount rules. */
    DiscountCodes NONE = code -> Optional.empty();

    /** The rule whose code, normalized with {@link DiscountCode#normalize}, is {@code normalizedCode}. */
    Optional<DiscountCode> find(String normalizedCode);

    /** Rules held in memory, keyed by their normalized code. */
    static DiscountCodes of(Map<String, DiscountCode> byNormalizedCode) {
        Map<String, DiscountCode> copy = Map.copyOf(byNormalizedCode);
        return code -> Optional.ofNullable(copy.get(code));
    }
}
