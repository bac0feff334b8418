package com.tentabo.prm.application.catalog.port.in;

import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import java.util.List;

/** Read the catalog: any authenticated caller. */
public interface BrowseCatalogUseCase {

    Product product(Caller caller, ProductId id);

    Page<Product> products(Caller caller, ProductRepository.Filter filter, PageRequest page);

    /**
     * The product types in use: the distinct {@code type} values of the products, sorted, at most
     * {@link #MAX_TYPES} (the console offers them; a new value typed in makes a new type).
     */
    List<String> productTypes(Caller caller);

    int MAX_TYPES = 200;

    Duration duration(Caller caller, DurationId id);

    Page<Duration> durations(Caller caller, PageRequest page);
}
