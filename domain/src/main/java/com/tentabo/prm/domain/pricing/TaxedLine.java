package com.tentabo.prm.domain.pricing;

import java.util.Objects;

/** A priced line and the VAT rate it is taxed at, for documents mixing rates. */
public record TaxedLine(PricedLine line, Percentage vatRate) {
    public TaxedLine {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(vatRate, "vatRate");
    }
}
