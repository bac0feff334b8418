package com.tentabo.prm.application.fakes;

import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.id.ProductId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** {@link ProductRepository} in memory: a product is saved with its whole tier set, as the JPA adapter saves it. */
public class InMemoryProducts implements ProductRepository {

    private final Map<ProductId, Product> rows = new ConcurrentHashMap<>();
    private Predicate<ProductId> ordered = id -> false;

    /** Says which products an order item refers to (none by default). */
    public InMemoryProducts ordered(Predicate<ProductId> isOrdered) {
        this.ordered = isOrdered;
        return this;
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public Optional<Product> findByIdForUpdate(ProductId id) {
        return findById(id);
    }

    @Override
    public boolean nameTaken(String name, ProductId exceptId) {
        return rows.values().stream().anyMatch(p -> p.name().equals(name) && !p.id().equals(exceptId));
    }

    @Override
    public List<String> types(int limit) {
        return rows.values().stream()
                .map(p -> p.type() == null ? "" : p.type().trim())
                .filter(t -> !t.isEmpty())
                .distinct()
                .sorted()
                .limit(limit)
                .toList();
    }

    @Override
    public void save(Product product) {
        Product stored = rows.get(product.id());
        rows.put(
                product.id(),
                stored == null
                        ? product
                        : new Product(
                                product.id(),
                                product.name(),
                                product.type(),
                                product.unit(),
                                product.description(),
                                product.active(),
                                product.pricingMode(),
                                product.tiers(),
                                stored.createdAt(),
                                product.updatedAt()));
    }

    @Override
    public void delete(ProductId id) {
        rows.remove(id);
    }

    @Override
    public boolean isOrdered(ProductId id) {
        return ordered.test(id);
    }

    @Override
    public Page<Product> list(Filter filter, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor());
        String part =
                filter.nameContains() == null ? null : filter.nameContains().toLowerCase(Locale.ROOT);
        List<Product> found = rows.values().stream()
                .filter(p -> filter.active() == null || filter.active() == p.active())
                .filter(p -> filter.type() == null || filter.type().equals(p.type()))
                .filter(p -> filter.pricingMode() == null || filter.pricingMode() == p.pricingMode())
                .filter(p -> part == null || p.name().toLowerCase(Locale.ROOT).contains(part))
                .filter(p -> after == null || Keys.before(p.createdAt(), p.id().value(), after.createdAt(), after.id()))
                .sorted(Keys.newestFirst(Product::createdAt, p -> p.id().value()))
                .limit(page.limit() + 1L)
                .toList();
        if (found.size() <= page.limit()) {
            return new Page<>(found, null);
        }
        Product last = found.get(page.limit() - 1);
        return new Page<>(
                found.subList(0, page.limit()),
                Cursor.after(last.createdAt(), last.id().value()));
    }
}
