package com.tentabo.prm.domain.pricing;

/** The VAT of one rate on a document: {@code round2(base × rate / 100)} where base is the sum of the nets at that rate. */
public record VatAmount(Percentage rate, Money base, Money amount) {
}
