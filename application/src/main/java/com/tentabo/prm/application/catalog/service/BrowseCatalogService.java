package com.tentabo.prm.application.catalog.service;

import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.in.BrowseCatalogUseCase;
import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

@ApplicationScoped
@Transactional
public class BrowseCatalogService implements BrowseCatalogUseCase {

    private final ProductRepository products;
    private final DurationRepository durations;

    public BrowseCatalogService(ProductRepository products, DurationRepository durations) {
        this.products = products;
        this.durations = durations;
    }

    @Override
    public Product product(Caller caller, ProductId id) {
        AccessPolicy.require(caller, Capability.CATALOG_READ);
        return products.findById(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.PRODUCT_NOT_FOUND, "Product", id));
    }

    @Override
    public Page<Product> products(Caller caller, ProductRepository.Filter filter, PageRequest page) {
        AccessPolicy.require(caller, Capability.CATALOG_READ);
        return products.list(filter, page);
    }

    @Override
    public List<String> productTypes(Caller caller) {
        AccessPolicy.require(caller, Capability.CATALOG_READ);
        return products.types(MAX_TYPES);
    }

    @Override
    public Duration duration(Caller caller, DurationId id) {
        AccessPolicy.require(caller, Capability.CATALOG_READ);
        return durations
                .findById(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.DURATION_NOT_FOUND, "Duration", id));
    }

    @Override
    public Page<Duration> durations(Caller caller, PageRequest page) {
        AccessPolicy.require(caller, Capability.CATALOG_READ);
        return durations.list(page);
    }
}
