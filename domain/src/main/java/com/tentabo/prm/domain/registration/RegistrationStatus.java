package com.tentabo.prm.domain.registration;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a deal registration, an explicit transition table:
 * <pre>
 * SUBMITTED → APPROVED | REJECTED | RETURNED
 * RETURNED  → SUBMITTED                       (the partner answers the question)
 * APPROVED  → EXPIRED | CONVERTED | APPROVED  (the one extension: a new protection end)
 * </pre>
 * REJECTED, EXPIRED and CONVERTED are final.
 */
public enum RegistrationStatus {
    SUBMITTED,
    APPROVED,
    REJECTED,
    RETURNED,
    EXPIRED,
    CONVERTED;

    public Set<RegistrationStatus> allowedTargets() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(APPROVED, REJECTED, RETURNED);
            case RETURNED -> EnumSet.of(SUBMITTED);
            case APPROVED -> EnumSet.of(EXPIRED, CONVERTED, APPROVED);
            case REJECTED, EXPIRED, CONVERTED -> EnumSet.noneOf(RegistrationStatus.class);
        };
    }

    public boolean canMoveTo(RegistrationStatus target) {
        return allowedTargets().contains(target);
    }

    /** A registration that still claims its customer: the lead cannot be registered again while one exists. */
    public boolean isLive() {
        return this == SUBMITTED || this == RETURNED || this == APPROVED || this == CONVERTED;
    }
}
