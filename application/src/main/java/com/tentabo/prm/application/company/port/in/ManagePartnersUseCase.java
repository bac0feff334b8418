package com.tentabo.prm.application.company.port.in;

import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.company.Partner;
import java.util.UUID;

/** Partner CRUD: reads in scope (COMPANIES_READ), writes COMPANIES_WRITE; deleting a partner in use is a 409. */
public interface ManagePartnersUseCase {
    /** Creates; with an Idempotency-Key, a retry of the same request answers the first record ({@code replayed}). */
    Created<Partner> create(Caller caller, CompanyCommand command, IdempotencyKey idempotencyKey);

    Partner get(Caller caller, UUID id);

    Page<Partner> list(Caller caller, String search, Boolean active, Integer limit, String cursor);

    /** {@code expected}: the version read (If-Match), or any(); a partner changed since is 412 PRECONDITION_FAILED. */
    Partner update(Caller caller, UUID id, CompanyCommand command, ExpectedVersion expected);

    void delete(Caller caller, UUID id, ExpectedVersion expected);
}
