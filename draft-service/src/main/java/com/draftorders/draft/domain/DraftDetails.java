package com.draftorders.draft.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the merchant or channel records about a draft besides its cart: metafields, custom attributes, purchase
 * order number, source name, whether the customer may see the draft, and until when inventory is reserved. None of
 * it changes the totals, so changing it does not make the cart recalculate.
 */
public record DraftDetails(
        List<Metafield> metafields,
        List<CustomAttribute> customAttributes,
        String poNumber,
        String sourceName,
        boolean visibleToCustomer,
        Instant reserveInventoryUntil) {

    public static final DraftDetails NONE = new DraftDetails(List.of(), List.of(), null, null, false, null);

    public DraftDetails {
        // null entries are kept so that validation names them (metafields[0]) instead of failing here
        metafields = metafields == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(metafields));
        customAttributes = customAttributes == null
                ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(customAttributes));
    }

    /** A merchant-defined field: {@code namespace} + {@code key} identify it, {@code type} says how to read it. */
    public record Metafield(String namespace, String key, String value, String type) {}

    /** A key/value pair attached to the draft. */
    public record CustomAttribute(String key, String value) {}
}
