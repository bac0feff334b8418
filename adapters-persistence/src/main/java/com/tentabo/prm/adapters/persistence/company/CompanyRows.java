package com.tentabo.prm.adapters.persistence.company;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.CompanyProfile;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Shared list query of partners and distributors: keyset on (name, id), name search, activity, id restriction. */
final class CompanyRows {

    private CompanyRows() {}

    static <E, T> Page<T> list(
            EntityManager em,
            Class<E> type,
            CompanyQuery q,
            Set<UUID> onlyIds,
            Function<E, T> restore,
            Function<T, String> nameOf,
            Function<T, UUID> idOf) {
        if (onlyIds != null && onlyIds.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<T> rows = onlyIds == null ? all(em, type, q, restore) : among(em, type, q, onlyIds, restore, idOf);
        String next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            T last = rows.get(rows.size() - 1);
            next = new Cursor(nameOf.apply(last), idOf.apply(last)).encode();
        }
        return new Page<>(rows, next);
    }

    private static <E, T> List<T> all(EntityManager em, Class<E> type, CompanyQuery q, Function<E, T> restore) {
        StringBuilder jpql = new StringBuilder("select c from " + type.getSimpleName() + " c where 1 = 1");
        if (searched(q)) {
            jpql.append(" and lower(c.name) like :search escape '!'");
        }
        if (q.active() != null) {
            jpql.append(" and c.isActive = :active");
        }
        if (q.after() != null) {
            jpql.append(" and (c.name > :afterName or (c.name = :afterName and c.id > :afterId))");
        }
        jpql.append(" order by c.name, c.id");
        TypedQuery<E> query = em.createQuery(jpql.toString(), type);
        if (searched(q)) {
            query.setParameter("search", pattern(q));
        }
        if (q.active() != null) {
            query.setParameter("active", q.active());
        }
        if (q.after() != null) {
            query.setParameter("afterName", q.after().key());
            query.setParameter("afterId", q.after().id());
        }
        return new ArrayList<>(query.setMaxResults(q.limit() + 1).getResultList().stream()
                .map(restore)
                .toList());
    }

    /**
     * The page among a set of ids (a distributor's partners): first the page's ids, in one statement with the set as
     * one array, which PostgreSQL looks up by primary key and then sorts (the set as a list of bound parameters made
     * its generic plan walk the name index and test every company against every id: ~30 ms for 200 of 10,000), then
     * the page's rows.
     */
    private static <E, T> List<T> among(
            EntityManager em,
            Class<E> type,
            CompanyQuery q,
            Set<UUID> onlyIds,
            Function<E, T> restore,
            Function<T, UUID> idOf) {
        List<Object> params = new ArrayList<>();
        params.add(onlyIds.toArray(new UUID[0]));
        StringBuilder sql = new StringBuilder(
                "SELECT c.id FROM " + type.getAnnotation(Table.class).name() + " c WHERE c.id = ANY (?)");
        if (searched(q)) {
            sql.append(" AND lower(c.name) LIKE ? ESCAPE '!'");
            params.add(pattern(q));
        }
        if (q.active() != null) {
            sql.append(" AND c.is_active = ?");
            params.add(q.active());
        }
        if (q.after() != null) {
            sql.append(" AND (c.name > ? OR (c.name = ? AND c.id > ?))");
            params.addAll(List.of(q.after().key(), q.after().key(), q.after().id()));
        }
        sql.append(" ORDER BY c.name, c.id LIMIT ").append(q.limit() + 1);
        List<UUID> ids = SqlRows.query(em, sql.toString(), params, rs -> rs.getObject(1, UUID.class));
        if (ids.isEmpty()) {
            return new ArrayList<>();
        }
        Map<UUID, T> byId = new HashMap<>();
        for (E e : em.createQuery("select c from " + type.getSimpleName() + " c where c.id in :ids", type)
                .setParameter("ids", ids)
                .getResultList()) {
            T row = restore.apply(e);
            byId.put(idOf.apply(row), row);
        }
        return new ArrayList<>(ids.stream().map(byId::get).toList());
    }

    private static boolean searched(CompanyQuery q) {
        return q.search() != null && !q.search().isBlank();
    }

    private static String pattern(CompanyQuery q) {
        return "%"
                + q.search()
                        .strip()
                        .toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_") + "%";
    }

    static boolean exists(EntityManager em, String sql, UUID id) {
        return !em.createNativeQuery(sql)
                .setParameter(1, id)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    static CompanyProfile profile(CompanyEntity e) {
        return CompanyProfile.stored(
                e.name,
                e.legalName,
                e.registrationNumber,
                e.email,
                e.phone,
                e.website,
                e.addressLine1,
                e.addressLine2,
                e.city,
                e.postalCode,
                e.country,
                e.notes);
    }

    /** Writes a company's profile, flag and timestamps into its row; persists a new row; flushes. */
    static void save(
            EntityManager em,
            CompanyEntity e,
            boolean isNew,
            CompanyProfile p,
            boolean active,
            java.time.Instant updatedAt) {
        e.name = p.name();
        e.legalName = p.legalName();
        e.registrationNumber = p.registrationNumber();
        e.email = p.email();
        e.phone = p.phone();
        e.website = p.website();
        e.addressLine1 = p.addressLine1();
        e.addressLine2 = p.addressLine2();
        e.city = p.city();
        e.postalCode = p.postalCode();
        e.country = p.country();
        e.notes = p.notes();
        e.isActive = active;
        e.updatedAt = updatedAt;
        if (isNew) {
            em.persist(e);
        }
        em.flush();
    }
}
