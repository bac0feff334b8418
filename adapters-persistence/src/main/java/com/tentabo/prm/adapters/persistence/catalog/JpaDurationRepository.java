package com.tentabo.prm.adapters.persistence.catalog;

import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.id.DurationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaDurationRepository implements DurationRepository {

    private final EntityManager em;

    public JpaDurationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Duration> findById(DurationId id) {
        return Optional.ofNullable(em.find(DurationEntity.class, id.value())).map(JpaDurationRepository::restore);
    }

    @Override
    public Optional<Duration> findByIdForUpdate(DurationId id) {
        return Optional.ofNullable(em.find(DurationEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .map(JpaDurationRepository::restore);
    }

    @Override
    public boolean monthsTaken(int months, DurationId exceptId) {
        return !em.createQuery("select d.id from DurationEntity d where d.months = :months and d.id <> :id", UUID.class)
                .setParameter("months", months)
                .setParameter("id", exceptId.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void save(Duration duration) {
        DurationEntity e = em.find(DurationEntity.class, duration.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new DurationEntity();
            e.id = duration.id().value();
            e.createdAt = duration.createdAt();
        }
        e.months = duration.months();
        e.discountPercentage = duration.discountPercentage();
        e.name = duration.name();
        e.updatedAt = duration.updatedAt();
        if (isNew) {
            em.persist(e);
        }
        em.flush();
    }

    @Override
    public void delete(DurationId id) {
        em.createQuery("delete from DurationEntity d where d.id = :id")
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public boolean isOrdered(DurationId id) {
        return !em.createQuery("select i.id from OrderItemEntity i where i.durationId = :id", UUID.class)
                .setParameter("id", id.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public Page<Duration> list(PageRequest page) {
        Cursor cursor = Cursor.decode(page.cursor());
        int after = cursor == null ? Integer.MIN_VALUE : cursor.intKey();
        List<DurationEntity> rows = em.createQuery(
                        "select d from DurationEntity d where d.months > :after " + "order by d.months",
                        DurationEntity.class)
                .setParameter("after", after)
                .setMaxResults(page.limit() + 1)
                .getResultList();
        boolean more = rows.size() > page.limit();
        List<DurationEntity> pageRows = more ? rows.subList(0, page.limit()) : rows;
        DurationEntity last = more ? pageRows.get(pageRows.size() - 1) : null;
        String next = last == null ? null : new Cursor(Integer.toString(last.months), last.id).encode();
        return new Page<>(pageRows.stream().map(JpaDurationRepository::restore).toList(), next);
    }

    static Duration restore(DurationEntity e) {
        return Duration.stored(new DurationId(e.id), e.months, e.discountPercentage, e.name, e.createdAt, e.updatedAt);
    }
}
