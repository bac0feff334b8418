package com.tentabo.prm.application.company.service;

import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The (partner, distributor) pairs records may carry: a new lead or order naming both needs an active assignment
 * between them ({@link #requireActive}); a record derived from another (an order from a lead, a contract from an
 * order, a renewal from a contract) takes the distributor of the partner's active assignment at the time it is
 * created ({@link #current}), never the one stamped on its source.
 */
@ApplicationScoped
public class ActiveAssignments {

    private final DistributorRepository distributors;

    public ActiveAssignments(DistributorRepository distributors) {
        this.distributors = distributors;
    }

    /** Refuses with 422 {@code ASSIGNMENT_NOT_ACTIVE} a partner and a distributor that no active assignment links. */
    public void requireActive(TenantRef tenant) {
        if (!isAllowed(tenant)) {
            throw notActive(tenant);
        }
    }

    /** Whether a record may carry this tenant: at most one company, or a pair linked by an active assignment. */
    public boolean isAllowed(TenantRef tenant) {
        return tenant.partnerId() == null
                || tenant.distributorId() == null
                || distributors
                        .findAssignment(tenant.distributorId(), tenant.partnerId())
                        .map(Assignment::active)
                        .orElse(false);
    }

    /**
     * The tenant of a record derived from {@code source}: the same partner, with the distributor of the partner's
     * active assignment now — the source's distributor while it is still actively assigned, else the partner's only
     * active distributor, else none (no assignment, or several to choose from). A record without partner keeps its
     * distributor.
     */
    public TenantRef current(TenantRef source) {
        if (source.partnerId() == null) {
            return source;
        }
        List<DistributorId> active = distributors.activeDistributorsOf(source.partnerId());
        if (source.distributorId() != null && active.contains(source.distributorId())) {
            return source;
        }
        return new TenantRef(source.partnerId(), active.size() == 1 ? active.get(0) : null);
    }

    public static DomainException notActive(TenantRef tenant) {
        return new DomainException(
                ErrorCode.ASSIGNMENT_NOT_ACTIVE,
                "Partner " + tenant.partnerId() + " is not actively assigned to distributor " + tenant.distributorId(),
                List.of(new FieldViolation("distributor_id", "is not actively assigned to the partner")));
    }
}
