package com.tentabo.prm.application.company.port.out;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.company.Distributor;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Stores distributors ({@code distributors}) and their partner assignments ({@code distributor_partners}). */
public interface DistributorRepository {
    Optional<Distributor> findById(UUID id);

    /** The distributor, its row locked until the transaction ends. */
    Optional<Distributor> findByIdForUpdate(UUID id);

    boolean registrationNumberTaken(String registrationNumber, UUID exceptId);

    void save(Distributor distributor);

    void delete(UUID id);

    boolean hasBusinessRecords(UUID id);

    Page<Distributor> list(CompanyQuery query, Set<UUID> onlyIds);

    Optional<Assignment> findAssignment(UUID distributorId, UUID partnerId);

    void saveAssignment(Assignment assignment);

    void deleteAssignment(UUID assignmentId);

    /** Assignments of a distributor, ordered by assignment time then id; {@code active} null means both. */
    List<Assignment> assignmentsOf(UUID distributorId, Boolean active);

    /** Assignments of a partner to any distributor, active or not, ordered by assignment time then id. */
    List<Assignment> assignmentsOfPartner(UUID partnerId);

    /** Distributors to which the partner is assigned by an active assignment. */
    List<UUID> activeDistributorsOf(UUID partnerId);
}
