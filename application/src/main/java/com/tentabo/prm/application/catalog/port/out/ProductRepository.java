package com.tentabo.prm.application.catalog.port.out;

import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.ProductId;
import java.util.List;
import java.util.Optional;

/** Products with their price tiers (tiers are read with {@code PriceTierSet.legacy}: stored rows always load). */
public interface ProductRepository {

    /** Filters of the product list; null means "any". {@code nameContains} is case-insensitive. */
    record Filter(Boolean active, String type, PricingMode pricingMode, String nameContains) {}

    Optional<Product> findById(ProductId id);

    /**
     * The product, its row locked until the transaction ends: concurrent writers of one product (attributes or
     * tier set) run one after the other, so a tier set is never the mix of two replacements.
     */
    Optional<Product> findByIdForUpdate(ProductId id);

    boolean nameTaken(String name, ProductId exceptId);

    /** Inserts or updates the product and replaces its whole tier set. */
    void save(Product product);

    void delete(ProductId id);

    /** True when an order item refers to the product. */
    boolean isOrdered(ProductId id);

    /** The distinct types of the products (trimmed, non-blank), sorted, at most {@code limit}. */
    List<String> types(int limit);

    /** Newest first, ties broken by id. */
    Page<Product> list(Filter filter, PageRequest page);
}
