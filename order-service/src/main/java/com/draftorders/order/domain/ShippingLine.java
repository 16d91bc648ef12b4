package com.draftorders.order.domain;

import java.util.List;

/** The shipping charged on the order. {@code price} is in minor units. */
public record ShippingLine(String title, long price, String code, List<TaxLine> taxLines) {

    public ShippingLine {
        taxLines = taxLines == null ? List.of() : List.copyOf(taxLines);
    }
}
