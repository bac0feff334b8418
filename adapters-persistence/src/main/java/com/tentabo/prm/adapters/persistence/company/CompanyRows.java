package com.tentabo.prm.adapters.persistence.company;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.CompanyProfile;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Shared list query of partners and distributors: keyset on (name, id), name search, activity, id restriction. */
final class CompanyRows {

    private CompanyRows() {
    }

    static <E, T> Page<T> list(EntityManager em, Class<E> type, CompanyQuery q, Set<UUID> onlyIds,
                               Function<E, T> restore, Function<T, String> nameOf, Function<T, UUID> idOf) {
        if (onlyIds != null && onlyIds.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        StringBuilder jpql = new StringBuilder("select c from " + type.getSimpleName() + " c where 1 = 1");
        if (q.search() != null && !q.search().isBlank()) {
            jpql.append(" and lower(c.name) like :search escape '!'");
        }
        if (q.active() != null) {
            jpql.append(" and c.isActive = :active");
        }
        if (onlyIds != null) {
            jpql.append(" and c.id in :ids");
        }
        if (q.after() != null) {
            jpql.append(" and (c.name > :afterName or (c.name = :afterName and c.id > :afterId))");
        }
        jpql.append(" order by c.name, c.id");
        TypedQuery<E> query = em.createQuery(jpql.toString(), type);
        if (q.search() != null && !q.search().isBlank()) {
            String escaped = q.search().strip().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_");
            query.setParameter("search", "%" + escaped + "%");
        }
        if (q.active() != null) {
            query.setParameter("active", q.active());
        }
        if (onlyIds != null) {
            query.setParameter("ids", onlyIds);
        }
        if (q.after() != null) {
            query.setParameter("afterName", q.after().key());
            query.setParameter("afterId", q.after().id());
        }
        List<T> rows = new ArrayList<>(query.setMaxResults(q.limit() + 1).getResultList().stream().map(restore).toList());
        String next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            T last = rows.get(rows.size() - 1);
            next = new Cursor(nameOf.apply(last), idOf.apply(last)).encode();
        }
        return new Page<>(rows, next);
    }

    static boolean exists(EntityManager em, String sql, UUID id) {
        return !em.createNativeQuery(sql).setParameter(1, id).setMaxResults(1).getResultList().isEmpty();
    }

    static CompanyProfile profile(CompanyEntity e) {
        return CompanyProfile.stored(e.name, e.legalName, e.registrationNumber, e.email, e.phone, e.website,
                e.addressLine1, e.addressLine2, e.city, e.postalCode, e.country, e.notes);
    }

    /** Writes a company's profile, flag and timestamps into its row; persists a new row; flushes. */
    static void save(EntityManager em, CompanyEntity e, boolean isNew, CompanyProfile p, boolean active,
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
