package com.tentabo.prm.application.catalog.port.out;

import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.ProductId;
import java.util.Collection;
import java.util.Map;

/** The catalog rows a quote needs, read together: the products with their tiers, and the durations. */
public interface PricingCatalogDirectory {

    /** What was found, by id; an id that is absent was not found. */
    record Rows(Map<ProductId, Product> products, Map<DurationId, Duration> durations) {}

    /** Products (with tiers) and durations among the ids, in one round trip to the database. */
    Rows read(Collection<ProductId> productIds, Collection<DurationId> durationIds);
}
