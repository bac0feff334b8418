package com.tentabo.prm.application.company.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import java.util.List;

/** Distributor CRUD and the assignment of partners to a distributor. */
public interface ManageDistributorsUseCase extends ManageCompaniesUseCase<DistributorId> {

    Assignment assign(Caller caller, DistributorId distributorId, PartnerId partnerId, String notes);

    List<Assignment> assignments(Caller caller, DistributorId distributorId, Boolean active);

    /**
     * The assignments of one partner (the other side of {@link #assignments}), active or not, oldest first, limited to
     * the distributors the caller may read: a partner out of scope is 404.
     */
    List<Assignment> assignmentsOfPartner(Caller caller, PartnerId partnerId);

    Assignment setAssignmentActive(Caller caller, DistributorId distributorId, PartnerId partnerId, boolean active);

    void unassign(Caller caller, DistributorId distributorId, PartnerId partnerId);
}
