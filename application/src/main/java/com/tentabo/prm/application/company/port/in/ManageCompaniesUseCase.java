package com.tentabo.prm.application.company.port.in;

import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.CompanyId;

/**
 * The CRUD both kinds of company share: reads in scope (COMPANIES_READ; out of scope is the kind's "not found"),
 * writes COMPANIES_WRITE; deleting a company in use is a 409 COMPANY_IN_USE.
 */
public interface ManageCompaniesUseCase<I extends CompanyId> {
    /** Creates; with an Idempotency-Key, a retry of the same request answers the first record ({@code replayed}). */
    Created<Company<I>> create(Caller caller, CompanyCommand command, IdempotencyKey idempotencyKey);

    Company<I> get(Caller caller, I id);

    Page<Company<I>> list(Caller caller, String search, Boolean active, Integer limit, String cursor);

    /** {@code expected}: the version read (If-Match), or any(); a company changed since is 412 PRECONDITION_FAILED. */
    Company<I> update(Caller caller, I id, CompanyCommand command, ExpectedVersion expected);

    void delete(Caller caller, I id, ExpectedVersion expected);
}
