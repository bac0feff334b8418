package com.tentabo.prm.application.seams;

import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.fakes.InMemoryDurations;
import com.tentabo.prm.application.fakes.InMemoryOrders;
import com.tentabo.prm.application.fakes.InMemoryPartners;
import com.tentabo.prm.application.fakes.InMemoryProducts;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import java.util.UUID;

/** {@link OrderRepositoryContract} against the in-memory fakes (the JPA/JDBC adapters run it in bootstrap). */
class InMemoryOrdersTest extends OrderRepositoryContract {
    final InMemoryOrders orders = new InMemoryOrders();
    final InMemoryPartners partners = new InMemoryPartners();
    final InMemoryProducts products = new InMemoryProducts().ordered(orders::anyForProduct);
    final InMemoryDurations durations = new InMemoryDurations();

    @Override
    protected OrderRepository orders() {
        return orders;
    }

    @Override
    protected PartnerRepository partners() {
        return partners;
    }

    @Override
    protected ProductRepository products() {
        return products;
    }

    @Override
    protected DurationRepository durations() {
        return durations;
    }

    @Override
    protected UUID newUser() {
        return UUID.randomUUID();
    }
}
