package com.tentabo.prm.adapters.persistence.catalog;

import com.tentabo.prm.adapters.persistence.shared.BooleanStringConverter;
import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.out.ProductRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.catalog.PriceTier;
import com.tentabo.prm.domain.catalog.PriceTierSet;
import com.tentabo.prm.domain.catalog.PricingMode;
import com.tentabo.prm.domain.catalog.Product;
import com.tentabo.prm.domain.catalog.TierPeriod;
import com.tentabo.prm.domain.id.ProductId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaProductRepository implements ProductRepository {

    private final EntityManager em;

    public JpaProductRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        ProductEntity e = em.find(ProductEntity.class, id.value());
        return e == null
                ? Optional.empty()
                : Optional.of(restore(e, tiersOf(List.of(id.value())).getOrDefault(id.value(), List.of())));
    }

    @Override
    public Optional<Product> findByIdForUpdate(ProductId id) {
        ProductEntity e = em.find(ProductEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
        return e == null
                ? Optional.empty()
                : Optional.of(restore(e, tiersOf(List.of(id.value())).getOrDefault(id.value(), List.of())));
    }

    @Override
    public boolean nameTaken(String name, ProductId exceptId) {
        return !em.createQuery("select p.id from ProductEntity p where p.name = :name and p.id <> :id", UUID.class)
                .setParameter("name", name)
                .setParameter("id", exceptId.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void save(Product product) {
        ProductEntity e = em.find(ProductEntity.class, product.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new ProductEntity();
            e.id = product.id().value();
            e.createdAt = product.createdAt();
        }
        e.name = product.name();
        e.type = product.type();
        e.unit = product.unit();
        e.description = product.description();
        e.isActive = product.active();
        e.pricingMode = product.pricingMode().name();
        e.updatedAt = product.updatedAt();
        if (isNew) {
            em.persist(e);
        } else {
            em.createQuery("delete from PriceTierEntity t where t.productId = :id")
                    .setParameter("id", product.id().value())
                    .executeUpdate();
        }
        for (PriceTier tier : product.tiers().tiers()) {
            PriceTierEntity t = new PriceTierEntity();
            t.id = UUID.randomUUID();
            t.productId = product.id().value();
            t.minQuantity = tier.minQuantity();
            t.maxQuantity = tier.maxQuantity();
            t.pricePerUnit = tier.price();
            t.period = tier.period().label();
            t.createdAt = product.updatedAt();
            t.updatedAt = product.updatedAt();
            em.persist(t);
        }
        em.flush();
    }

    @Override
    public void delete(ProductId id) {
        // price_tiers go with the product (ON DELETE CASCADE)
        em.createQuery("delete from PriceTierEntity t where t.productId = :id")
                .setParameter("id", id.value())
                .executeUpdate();
        em.createQuery("delete from ProductEntity p where p.id = :id")
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public boolean isOrdered(ProductId id) {
        return !em.createQuery("select i.id from OrderItemEntity i where i.productId = :id", UUID.class)
                .setParameter("id", id.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public List<String> types(int limit) {
        return em.createQuery(
                        "select distinct trim(p.type) from ProductEntity p where trim(p.type) <> ''"
                                + " order by trim(p.type)",
                        String.class)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public Page<Product> list(Filter filter, PageRequest page) {
        StringBuilder jpql = new StringBuilder("select p from ProductEntity p where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.active() != null) {
            // legacy rows spell the flag 'True ', 't', 'yes'…: filter on what the converter reads, not on 'true'
            jpql.append(
                    filter.active()
                            ? " and lower(trim(p.isActiveAsStored)) in :spellings"
                            : " and lower(trim(p.isActiveAsStored)) not in :spellings");
            params.put("spellings", BooleanStringConverter.TRUE_SPELLINGS);
        }
        if (filter.type() != null) {
            jpql.append(" and p.type = :type");
            params.put("type", filter.type());
        }
        if (filter.pricingMode() != null) {
            jpql.append(" and p.pricingMode = :mode");
            params.put("mode", filter.pricingMode().name());
        }
        if (filter.nameContains() != null) {
            jpql.append(" and lower(p.name) like :name escape '!'");
            params.put(
                    "name",
                    "%"
                            + filter.nameContains()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("!", "!!")
                                    .replace("%", "!%")
                                    .replace("_", "!_")
                            + "%");
        }
        Cursor after = Cursor.decode(page.cursor());
        if (after != null) {
            jpql.append(" and (p.createdAt < :at or (p.createdAt = :at and p.id < :id))");
            params.put("at", after.createdAt());
            params.put("id", after.id());
        }
        jpql.append(" order by p.createdAt desc, p.id desc");
        TypedQuery<ProductEntity> query = em.createQuery(jpql.toString(), ProductEntity.class);
        params.forEach(query::setParameter);
        List<ProductEntity> rows = query.setMaxResults(page.limit() + 1).getResultList();
        boolean more = rows.size() > page.limit();
        List<ProductEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        String next = null;
        if (more) {
            ProductEntity last = pageRows.get(pageRows.size() - 1);
            next = Cursor.after(last.createdAt, last.id);
        }
        return new Page<>(restoreAll(pageRows), next);
    }

    private List<Product> restoreAll(List<ProductEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PriceTier>> tiers = tiersOf(rows.stream().map(r -> r.id).toList());
        List<Product> result = new ArrayList<>(rows.size());
        for (ProductEntity row : rows) {
            result.add(restore(row, tiers.getOrDefault(row.id, List.of())));
        }
        return result;
    }

    private Map<UUID, List<PriceTier>> tiersOf(Collection<UUID> productIds) {
        Map<UUID, List<PriceTier>> byProduct = new HashMap<>();
        for (PriceTierEntity t : em.createQuery(
                        "select t from PriceTierEntity t where t.productId in :ids "
                                + "order by t.productId, t.minQuantity, t.createdAt, t.id",
                        PriceTierEntity.class)
                .setParameter("ids", productIds)
                .getResultList()) {
            byProduct
                    .computeIfAbsent(t.productId, k -> new ArrayList<>())
                    .add(new PriceTier(t.minQuantity, t.maxQuantity, t.pricePerUnit, TierPeriod.fromLabel(t.period)));
        }
        return byProduct;
    }

    static Product restore(ProductEntity e, List<PriceTier> tiers) {
        return Product.stored(
                new ProductId(e.id),
                e.name,
                e.type,
                e.unit,
                e.description,
                Boolean.TRUE.equals(e.isActive),
                PricingMode.valueOf(e.pricingMode),
                PriceTierSet.legacy(tiers),
                e.createdAt,
                e.updatedAt);
    }
}
