package com.tentabo.prm.application.company.port.in;

import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.company.Distributor;
import java.util.List;
import java.util.UUID;

/** Distributor CRUD and the assignment of partners to a distributor. */
public interface ManageDistributorsUseCase {
    /** Creates; with an Idempotency-Key, a retry of the same request answers the first record ({@code replayed}). */
    Created<Distributor> create(Caller caller, CompanyCommand command, IdempotencyKey idempotencyKey);

    Distributor get(Caller caller, UUID id);

    Page<Distributor> list(Caller caller, String search, Boolean active, Integer limit, String cursor);

    /** {@code expected}: the version read (If-Match), or any(); a distributor changed since is 412 PRECONDITION_FAILED. */
    Distributor update(Caller caller, UUID id, CompanyCommand command, ExpectedVersion expected);

    void delete(Caller caller, UUID id, ExpectedVersion expected);

    Assignment assign(Caller caller, UUID distributorId, UUID partnerId, String notes);

    List<Assignment> assignments(Caller caller, UUID distributorId, Boolean active);

    /**
     * The assignments of one partner (the other side of {@link #assignments}), active or not, oldest first, limited to
     * the distributors the caller may read: a partner out of scope is 404.
     */
    List<Assignment> assignmentsOfPartner(Caller caller, UUID partnerId);

    Assignment setAssignmentActive(Caller caller, UUID distributorId, UUID partnerId, boolean active);

    void unassign(Caller caller, UUID distributorId, UUID partnerId);
}
