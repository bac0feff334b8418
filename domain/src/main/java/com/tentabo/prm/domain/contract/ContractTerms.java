package com.tentabo.prm.domain.contract;

import java.math.BigDecimal;

/**
 * What the replaced system's later revisions added to a contract, read-only here: its {@link ContractType} (null on
 * contracts older than the column), and its billing cadence ({@code periodicity_months}, {@code value_per_period}),
 * which this service never writes. A stored row's values are taken as they are.
 */
public record ContractTerms(ContractType type, Integer periodicityMonths, BigDecimal valuePerPeriod) {

    public static final ContractTerms NONE = new ContractTerms(null, null, null);

    public static ContractTerms ofType(ContractType type) {
        return new ContractTerms(type, null, null);
    }
}
