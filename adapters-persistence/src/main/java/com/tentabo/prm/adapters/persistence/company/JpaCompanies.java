package com.tentabo.prm.adapters.persistence.company;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.out.CompanyRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.company.CompanyProfile;
import com.tentabo.prm.domain.id.CompanyId;
import com.tentabo.prm.domain.id.EntityId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The JPA adapter of one kind of company (partners or distributors: the same columns, each in its own table): reads,
 * locks, saves and deletes rows of {@code E}, and lists them with a keyset on (name, id), a name search, an activity
 * filter and an optional id restriction.
 */
abstract class JpaCompanies<I extends CompanyId, E extends CompanyEntity> implements CompanyRepository<I> {

    protected final EntityManager em;
    private final Class<E> type;
    private final Supplier<E> newRow;
    private final Function<UUID, I> idOf;
    private final String businessRecordsSql;

    /**
     * @param businessRecordsSql one native statement with parameter {@code ?1}, the company's id, answering a row when
     *     the company has users, leads, orders or contracts
     */
    protected JpaCompanies(
            EntityManager em, Class<E> type, Supplier<E> newRow, Function<UUID, I> idOf, String businessRecordsSql) {
        this.em = em;
        this.type = type;
        this.newRow = newRow;
        this.idOf = idOf;
        this.businessRecordsSql = businessRecordsSql;
    }

    /** For the CDI client proxy of the application-scoped subclasses only: it never serves a call itself. */
    protected JpaCompanies() {
        this(null, null, null, null, null);
    }

    @Override
    public Optional<Company<I>> findById(I id) {
        return Optional.ofNullable(em.find(type, id.value())).map(this::restore);
    }

    @Override
    public Optional<Company<I>> findByIdForUpdate(I id) {
        return Optional.ofNullable(em.find(type, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .map(this::restore);
    }

    @Override
    public boolean registrationNumberTaken(String registrationNumber, I exceptId) {
        UUID except = EntityId.uuid(exceptId);
        return em.createQuery(
                        "select c.id from " + type.getSimpleName() + " c where upper(c.registrationNumber) = :number",
                        UUID.class)
                .setParameter("number", registrationNumber.toUpperCase(Locale.ROOT))
                .getResultStream()
                .anyMatch(id -> !id.equals(except));
    }

    /** Writes a company's profile, flag and timestamps into its row; persists a new row; flushes. */
    @Override
    public void save(Company<I> company) {
        E e = em.find(type, company.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = newRow.get();
            e.id = company.id().value();
            e.createdAt = company.createdAt();
        }
        CompanyProfile p = company.profile();
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
        e.isActive = company.active();
        e.updatedAt = company.updatedAt();
        if (isNew) {
            em.persist(e);
        }
        em.flush();
    }

    @Override
    public void delete(I id) {
        E e = em.find(type, id.value());
        if (e != null) {
            em.remove(e);
            em.flush();
        }
    }

    @Override
    public boolean hasBusinessRecords(I id) {
        return !em.createNativeQuery(businessRecordsSql)
                .setParameter(1, id.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public Page<Company<I>> list(CompanyQuery q, Set<I> onlyIds) {
        if (onlyIds != null && onlyIds.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        List<Company<I>> rows = onlyIds == null ? all(q) : among(q, onlyIds);
        String next = null;
        if (rows.size() > q.limit()) {
            rows = rows.subList(0, q.limit());
            Company<I> last = rows.get(rows.size() - 1);
            next = new Cursor(last.profile().name(), last.id().value()).encode();
        }
        return new Page<>(rows, next);
    }

    private Company<I> restore(E e) {
        return new Company<>(
                idOf.apply(e.id),
                CompanyProfile.stored(
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
                        e.notes),
                Boolean.TRUE.equals(e.isActive),
                e.createdAt,
                e.updatedAt);
    }

    private List<Company<I>> all(CompanyQuery q) {
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
                .map(this::restore)
                .toList());
    }

    /**
     * The page among a set of ids (a distributor's partners): first the page's ids, in one statement with the set as
     * one array, which PostgreSQL looks up by primary key and then sorts (the set as a list of bound parameters made
     * its generic plan walk the name index and test every company against every id: ~30 ms for 200 of 10,000), then
     * the page's rows.
     */
    private List<Company<I>> among(CompanyQuery q, Set<I> onlyIds) {
        List<Object> params = new ArrayList<>();
        params.add(onlyIds.stream().map(EntityId::value).toArray(UUID[]::new));
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
        Map<UUID, Company<I>> byId = new HashMap<>();
        for (E e : em.createQuery("select c from " + type.getSimpleName() + " c where c.id in :ids", type)
                .setParameter("ids", ids)
                .getResultList()) {
            byId.put(e.id, restore(e));
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
}
