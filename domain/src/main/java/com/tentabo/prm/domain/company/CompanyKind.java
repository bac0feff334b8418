package com.tentabo.prm.domain.company;

import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.shared.ErrorCode;

/**
 * The two kinds of {@link Company}: the same profile and life cycle, each in its own table, audited under its own
 * entity type ({@code partner.created}, {@code distributor.updated}, …) and "not found" under its own code.
 */
public enum CompanyKind {
    PARTNER("partner", "Partner", ErrorCode.PARTNER_NOT_FOUND),
    DISTRIBUTOR("distributor", "Distributor", ErrorCode.DISTRIBUTOR_NOT_FOUND);

    private final String entityType;
    private final String label;
    private final ErrorCode notFound;

    CompanyKind(String entityType, String label, ErrorCode notFound) {
        this.entityType = entityType;
        this.label = label;
        this.notFound = notFound;
    }

    /** The kind a company id names. */
    public static CompanyKind of(CompanyId id) {
        if (id instanceof PartnerId) {
            return PARTNER;
        }
        if (id instanceof DistributorId) {
            return DISTRIBUTOR;
        }
        throw new IllegalArgumentException("Not a company id: " + id);
    }

    /** The audit log's entity type and the prefix of its actions: {@code partner}, {@code distributor}. */
    public String entityType() {
        return entityType;
    }

    /** The word messages use: {@code Partner}, {@code Distributor}. */
    public String label() {
        return label;
    }

    /** The error code of an id that is unknown or out of the caller's scope. */
    public ErrorCode notFound() {
        return notFound;
    }
}
