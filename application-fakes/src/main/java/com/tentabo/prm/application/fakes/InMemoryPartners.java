package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.domain.id.PartnerId;

/** {@link PartnerRepository} in memory. */
public class InMemoryPartners extends InMemoryCompanies<PartnerId> implements PartnerRepository {}
