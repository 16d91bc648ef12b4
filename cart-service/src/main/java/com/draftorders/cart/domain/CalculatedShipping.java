package com.draftorders.cart.domain;

import java.util.List;

/** The shipping line with its tax. */
public record CalculatedShipping(ShippingLine line, List<TaxLine> taxLines) {

    public CalculatedShipping {
        taxLines = List.copyOf(taxLines);
    }

    public long tax() {
        return taxLines.stream().mapToLong(TaxLine::price).sum();
    }
}
