package com.draftorders.order.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order's amounts in the presentment currency the customer saw, as the cart converted them (each amount on its
 * own, HALF_UP; sums of the converted parts). Payment is authorized and captured in the shop currency; these are
 * what the customer was shown. Lists run parallel to the shop ones.
 *
 * @param exchangeRate presentment units per shop unit, the rate used, as an exact decimal string
 * @param lines per line, in line order
 * @param orderDiscountAmount the order-level applied discount's amount (null without one)
 * @param shippingPrice null without shipping
 */
public record Presentment(
        String currency,
        String exchangeRate,
        Totals totals,
        List<Line> lines,
        Long orderDiscountAmount,
        Long shippingPrice,
        List<Long> shippingTaxLines,
        List<Long> taxLines) {

    public Presentment {
        lines = lines == null ? List.of() : List.copyOf(lines);
        shippingTaxLines = amounts(shippingTaxLines);
        taxLines = amounts(taxLines);
    }

    /** One line: the converted unit price, discount taken, discounted total and tax lines. */
    public record Line(String lineItemId, Long price, Long discountAmount, Long discountedTotal, List<Long> taxLines) {

        public Line {
            taxLines = amounts(taxLines);
        }
    }

    /** The totals in minor units of the presentment currency. */
    public record Totals(
            long lineItemsSubtotalPrice,
            long totalDiscounts,
            long subtotalPrice,
            long totalShippingPrice,
            long totalTax,
            long totalPrice) {}

    private static List<Long> amounts(List<Long> amounts) {
        return amounts == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(amounts));
    }
}
