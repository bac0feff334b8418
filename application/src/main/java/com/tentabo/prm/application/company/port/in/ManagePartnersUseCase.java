package com.tentabo.prm.application.company.port.in;

import com.tentabo.prm.domain.id.PartnerId;

/**
 * Partner CRUD. Read scope: admins and fulfillers all; a PARTNER user its own partner; a DISTRIBUTOR user its actively
 * assigned partners.
 */
public interface ManagePartnersUseCase extends ManageCompaniesUseCase<PartnerId> {}
