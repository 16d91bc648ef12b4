package com.draftorders.draft.persistence;

import java.time.Instant;
import java.util.List;

/**
 * A page of a store's drafts: filters (each null when not used), a sort order with the id as tie-breaker, the
 * position after which the page starts (keyset pagination: stable while drafts are being created) and the page size.
 *
 * @param statuses status names as in {@code DraftOrderStatus} (any of them), empty for all
 * @param tag a tag the draft has (ignoring case)
 * @param email the customer's email (ignoring case)
 * @param text a substring of the draft's name or email (ignoring case)
 */
public record DraftSearch(
        String storeId,
        List<String> statuses,
        String tag,
        String email,
        Instant createdAtMin,
        Instant createdAtMax,
        Instant updatedAtMin,
        Instant updatedAtMax,
        String text,
        SortField sort,
        boolean ascending,
        After after,
        int limit) {

    public DraftSearch {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** The orders a list can be sorted in. */
    public enum SortField {
        CREATED_AT("createdAt"),
        UPDATED_AT("updatedAt");

        final String field;

        SortField(String field) {
            this.field = field;
        }
    }

    /** The sort value and id of the last draft of the previous page. */
    public record After(Instant value, String id) {}
}
