package com.tentabo.prm.application.seams;

import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.fakes.InMemoryDurations;
import com.tentabo.prm.application.fakes.InMemoryOrders;
import com.tentabo.prm.application.fakes.InMemoryProducts;

/** {@link CatalogRepositoryContract} against the in-memory fakes (the JPA/JDBC adapters run it in bootstrap). */
class InMemoryCatalogTest extends CatalogRepositoryContract {
    final InMemoryOrders orders = new InMemoryOrders();
    final InMemoryProducts products = new InMemoryProducts().ordered(orders::anyForProduct);
    final InMemoryDurations durations = new InMemoryDurations();

    @Override
    protected ProductRepository products() {
        return products;
    }

    @Override
    protected DurationRepository durations() {
        return durations;
    }
}
