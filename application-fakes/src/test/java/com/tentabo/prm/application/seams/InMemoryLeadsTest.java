package com.tentabo.prm.application.seams;

import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.fakes.InMemoryLeads;
import com.tentabo.prm.application.fakes.InMemoryOrders;
import com.tentabo.prm.application.fakes.InMemoryPartners;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import java.util.UUID;

/** {@link LeadRepositoryContract} against the in-memory fakes (the JPA/JDBC adapters run it in bootstrap). */
class InMemoryLeadsTest extends LeadRepositoryContract {
    final InMemoryOrders orders = new InMemoryOrders();
    final InMemoryPartners partners = new InMemoryPartners();
    final InMemoryLeads leads = new InMemoryLeads(orders);

    @Override
    protected LeadRepository leads() {
        return leads;
    }

    @Override
    protected PartnerRepository partners() {
        return partners;
    }

    @Override
    protected UUID newUser() {
        return UUID.randomUUID();
    }
}
