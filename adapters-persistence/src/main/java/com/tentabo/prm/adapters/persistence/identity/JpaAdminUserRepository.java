package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.identity.AdminUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaAdminUserRepository implements AdminUserRepository {

    private final EntityManager em;

    public JpaAdminUserRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public boolean anyExists() {
        // SQL, not HQL: this is the first statement of every start, and parsing HQL first costs ~0.2 s there
        return (Boolean) em.createNativeQuery("select exists (select 1 from admin_users)")
                .getSingleResult();
    }

    @Override
    public Optional<AdminUser> findById(AdminUserId id) {
        return Optional.ofNullable(em.find(AdminUserEntity.class, id.value())).map(JpaAdminUserRepository::restore);
    }

    @Override
    public Optional<AdminUser> findByIdForUpdate(AdminUserId id) {
        return Optional.ofNullable(
                        em.find(AdminUserEntity.class, id.value(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .map(JpaAdminUserRepository::restore);
    }

    @Override
    public Optional<AdminUser> findByUsername(String username) {
        return em.createQuery("select a from AdminUserEntity a where a.username = :username", AdminUserEntity.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .map(JpaAdminUserRepository::restore);
    }

    @Override
    public void save(AdminUser admin) {
        AdminUserEntity e = em.find(AdminUserEntity.class, admin.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new AdminUserEntity();
            e.id = admin.id().value();
        }
        e.username = admin.username();
        e.passwordHash = admin.passwordHash();
        e.email = admin.email();
        e.fullName = admin.fullName();
        e.isActive = admin.active();
        e.createdAt = admin.createdAt();
        e.updatedAt = admin.updatedAt();
        e.lastLogin = admin.lastLogin();
        if (isNew) {
            em.persist(e);
        }
    }

    static AdminUser restore(AdminUserEntity e) {
        return new AdminUser(
                new AdminUserId(e.id),
                e.username,
                e.passwordHash,
                e.email,
                e.fullName,
                Boolean.TRUE.equals(e.isActive),
                e.createdAt,
                e.updatedAt,
                e.lastLogin);
    }

    @Override
    public long countActive() {
        return em.createQuery("select count(a) from AdminUserEntity a where a.isActive = true", Long.class)
                .getSingleResult();
    }

    @Override
    public List<AdminUser> list(Instant afterCreatedAt, AdminUserId afterId, int limit) {
        String where = afterCreatedAt == null
                ? ""
                : " where a.createdAt < :afterCreatedAt or (a.createdAt = :afterCreatedAt and a.id < :afterId)";
        var query = em.createQuery(
                "select a from AdminUserEntity a" + where + " order by a.createdAt desc, a.id desc",
                AdminUserEntity.class);
        if (afterCreatedAt != null) {
            query.setParameter("afterCreatedAt", afterCreatedAt).setParameter("afterId", EntityId.uuid(afterId));
        }
        return query.setMaxResults(limit)
                .getResultStream()
                .map(JpaAdminUserRepository::restore)
                .toList();
    }

    @Override
    public boolean usernameTaken(String username) {
        return !em.createQuery("select a.id from AdminUserEntity a where lower(a.username) = :username", UUID.class)
                .setParameter("username", username.toLowerCase(Locale.ROOT))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }
}
