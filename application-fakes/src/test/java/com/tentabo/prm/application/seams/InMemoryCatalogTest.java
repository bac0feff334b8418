package com.tentabo.prm.application.seams;

import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.contract.port.out.ContractRepository;
import com.tentabo.prm.application.fakes.InMemoryContracts;
import com.tentabo.prm.application.fakes.InMemoryDistributors;
import com.tentabo.prm.application.fakes.InMemoryDurations;
import com.tentabo.prm.application.fakes.InMemoryLeads;
import com.tentabo.prm.application.fakes.InMemoryOrders;
import com.tentabo.prm.application.fakes.InMemoryOutbox;
import com.tentabo.prm.application.fakes.InMemoryPartners;
import com.tentabo.prm.application.fakes.InMemoryProducts;
import com.tentabo.prm.application.fakes.MutableClock;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.port.out.OutboxPublisher;
import com.tentabo.prm.application.outbox.port.out.OutboxRepository;

import java.util.UUID;

/** {@link CatalogRepositoryContract} against the in-memory fakes (the JPA/JDBC adapters run it in bootstrap). */
class InMemoryCatalogTest extends CatalogRepositoryContract {
    final InMemoryOrders orders = new InMemoryOrders();
    final InMemoryProducts products = new InMemoryProducts().ordered(orders::anyForProduct);
    final InMemoryDurations durations = new InMemoryDurations();
    @Override protected ProductRepository products() { return products; }
    @Override protected DurationRepository durations() { return durations; }
}
