package com.tentabo.prm.application.company.port.out;

import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.id.AssignmentId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import java.util.List;
import java.util.Optional;

/** Stores distributors ({@code distributors}) and their partner assignments ({@code distributor_partners}). */
public interface DistributorRepository extends CompanyRepository<DistributorId> {

    Optional<Assignment> findAssignment(DistributorId distributorId, PartnerId partnerId);

    void saveAssignment(Assignment assignment);

    void deleteAssignment(AssignmentId assignmentId);

    /** Assignments of a distributor, ordered by assignment time then id; {@code active} null means both. */
    List<Assignment> assignmentsOf(DistributorId distributorId, Boolean active);

    /** Assignments of a partner to any distributor, active or not, ordered by assignment time then id. */
    List<Assignment> assignmentsOfPartner(PartnerId partnerId);

    /** Distributors to which the partner is assigned by an active assignment. */
    List<DistributorId> activeDistributorsOf(PartnerId partnerId);
}
