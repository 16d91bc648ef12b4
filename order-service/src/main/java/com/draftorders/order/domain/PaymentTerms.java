package com.draftorders.order.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a pending payment is due: net N days from the order's creation, or a fixed date.
 *
 * @param netDays days after creation (null for a fixed date)
 * @param dueAt the fixed due date (null for net days)
 */
public record PaymentTerms(Integer netDays, Instant dueAt) {

    public static PaymentTerms netDays(int days) {
        return new PaymentTerms(days, null);
    }

    public static PaymentTerms fixedDate(Instant dueAt) {
        return new PaymentTerms(null, dueAt);
    }

    /** The due date of an order created at {@code createdAt}: a fixed date wins over net days; null if neither. */
    public Instant dueDateFor(Instant createdAt) {
        if (dueAt != null) {
            return dueAt;
        }
        if (netDays != null) {
            return createdAt.plus(netDays, ChronoUnit.DAYS);
        }
        return null;
    }
}
