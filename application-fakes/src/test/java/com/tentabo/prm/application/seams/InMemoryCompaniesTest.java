package com.tentabo.prm.application.seams;

import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.fakes.InMemoryDistributors;
import com.tentabo.prm.application.fakes.InMemoryPartners;

/** {@link CompanyRepositoryContract} against the in-memory fakes (the JPA/JDBC adapters run it in bootstrap). */
class InMemoryCompaniesTest extends CompanyRepositoryContract {
    final InMemoryPartners partners = new InMemoryPartners();
    final InMemoryDistributors distributors = new InMemoryDistributors();

    @Override
    protected PartnerRepository partners() {
        return partners;
    }

    @Override
    protected DistributorRepository distributors() {
        return distributors;
    }
}
