package com.tentabo.prm.application.company.port.out;

import com.tentabo.prm.domain.id.PartnerId;

/** Stores partners ({@code partners}). */
public interface PartnerRepository extends CompanyRepository<PartnerId> {}
