package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.catalog.port.out.PricingCatalogDirectory;
import com.tentabo.prm.application.order.port.out.OrderPlacementDirectory;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The pricing read and the order placement read over the in-memory repositories: what {@code CatalogRowsSql} and
 * {@code JdbcOrderPlacementDirectory} read in one round trip, read here from the fakes.
 */
public class InMemoryCatalogDirectories implements PricingCatalogDirectory, OrderPlacementDirectory {

    private final InMemoryProducts products;
    private final InMemoryDurations durations;
    private final InMemoryPartners partners;
    private final InMemoryDistributors distributors;
    private final InMemoryOrders orders;

    public InMemoryCatalogDirectories(
            InMemoryProducts products,
            InMemoryDurations durations,
            InMemoryPartners partners,
            InMemoryDistributors distributors,
            InMemoryOrders orders) {
        this.products = products;
        this.durations = durations;
        this.partners = partners;
        this.distributors = distributors;
        this.orders = orders;
    }

    @Override
    public Rows read(Collection<ProductId> productIds, Collection<DurationId> durationIds) {
        Map<ProductId, Product> foundProducts = new LinkedHashMap<>();
        productIds.forEach(id -> products.findById(id).ifPresent(p -> foundProducts.put(id, p)));
        Map<DurationId, Duration> foundDurations = new LinkedHashMap<>();
        durationIds.forEach(id -> durations.findById(id).ifPresent(d -> foundDurations.put(id, d)));
        return new Rows(foundProducts, foundDurations);
    }

    @Override
    public Facts read(TenantRef tenant, Collection<ProductId> productIds, Collection<DurationId> durationIds) {
        boolean partnerExists = tenant.partnerId() != null
                && partners.findById(tenant.partnerId()).isPresent();
        boolean distributorExists = tenant.distributorId() != null
                && distributors.findById(tenant.distributorId()).isPresent();
        boolean assignmentActive = tenant.partnerId() != null
                && tenant.distributorId() != null
                && distributors
                        .findAssignment(tenant.distributorId(), tenant.partnerId())
                        .filter(a -> a.active())
                        .isPresent();
        return new Facts(
                read(productIds, durationIds),
                partnerExists,
                distributorExists,
                assignmentActive,
                null,
                orders.nextNumber());
    }
}
