package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.adapters.persistence.shared.ScopeClauses;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    private final EntityManager em;

    public JpaUserRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UserAccount> findById(UserId id) {
        return Optional.ofNullable(em.find(UserEntity.class, id.value())).map(JpaUserRepository::restore);
    }

    @Override
    public Optional<UserAccount> findByIdForUpdate(UserId id) {
        return Optional.ofNullable(
                        em.find(UserEntity.class, id.value(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .map(JpaUserRepository::restore);
    }

    @Override
    public Optional<UserAccount> findByProvider(String provider, String providerId) {
        return em.createQuery(
                        "select u from UserEntity u where u.provider = :provider and u.providerId = :providerId "
                                + "order by u.createdAt, u.id",
                        UserEntity.class)
                .setParameter("provider", provider)
                .setParameter("providerId", providerId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(JpaUserRepository::restore);
    }

    @Override
    public void save(UserAccount user) {
        UserEntity e = em.find(UserEntity.class, user.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new UserEntity();
            e.id = user.id().value();
        }
        e.provider = user.provider();
        e.providerId = user.providerId();
        e.email = user.email();
        e.fullName = user.fullName();
        e.username = user.username();
        e.role = user.role();
        e.isEnabled = user.enabled();
        e.enabledBy = EntityId.uuid(user.enabledBy());
        e.enabledAt = user.enabledAt();
        e.partnerId = EntityId.uuid(user.partnerId());
        e.distributorId = EntityId.uuid(user.distributorId());
        e.createdAt = user.createdAt();
        e.updatedAt = user.updatedAt();
        e.lastLogin = user.lastLogin();
        if (isNew) {
            em.persist(e);
        }
    }

    static UserAccount restore(UserEntity e) {
        return new UserAccount(
                new UserId(e.id),
                e.provider,
                e.providerId,
                e.email,
                e.fullName,
                e.username,
                e.role,
                Boolean.TRUE.equals(e.isEnabled),
                AdminUserId.ofNullable(e.enabledBy),
                e.enabledAt,
                PartnerId.ofNullable(e.partnerId),
                DistributorId.ofNullable(e.distributorId),
                e.createdAt,
                e.updatedAt,
                e.lastLogin);
    }

    @Override
    public List<UserAccount> list(
            TenantScope scope, UserFilter filter, Instant afterCreatedAt, UserId afterId, int limit) {
        StringBuilder jpql = new StringBuilder("select u from UserEntity u where 1 = 1");
        if (scope instanceof TenantScope.OfPartner) {
            jpql.append(" and u.partnerId = :scopePartner");
        } else if (scope instanceof TenantScope.OfDistributor distributor) {
            jpql.append(
                    distributor.assignedPartnerIds().isEmpty()
                            ? " and u.distributorId = :scopeDistributor"
                            : " and (u.distributorId = :scopeDistributor or u.partnerId in :scopePartners)");
        }
        if (filter.role() != null) {
            jpql.append(" and u.role = :role");
        }
        if (filter.enabled() != null) {
            jpql.append(" and u.isEnabled = :enabled");
        }
        if (filter.provider() != null) {
            jpql.append(" and u.provider = :provider");
        }
        if (filter.partnerId() != null) {
            jpql.append(" and u.partnerId = :partnerId");
        }
        if (filter.distributorId() != null) {
            jpql.append(" and u.distributorId = :distributorId");
        }
        if (filter.search() != null) {
            jpql.append(" and (lower(u.username) like :search escape '!' or lower(u.email) like :search escape '!'"
                    + " or lower(u.fullName) like :search escape '!')");
        }
        if (afterCreatedAt != null) {
            jpql.append(" and (u.createdAt < :afterCreatedAt or (u.createdAt = :afterCreatedAt and u.id < :afterId))");
        }
        jpql.append(" order by u.createdAt desc, u.id desc");
        TypedQuery<UserEntity> query = em.createQuery(jpql.toString(), UserEntity.class);
        if (scope instanceof TenantScope.OfPartner partner) {
            query.setParameter("scopePartner", partner.partnerId().value());
        } else if (scope instanceof TenantScope.OfDistributor distributor) {
            query.setParameter("scopeDistributor", distributor.distributorId().value());
            if (!distributor.assignedPartnerIds().isEmpty()) {
                query.setParameter("scopePartners", ScopeClauses.uuids(distributor.assignedPartnerIds()));
            }
        }
        if (filter.role() != null) {
            query.setParameter("role", filter.role());
        }
        if (filter.enabled() != null) {
            query.setParameter("enabled", filter.enabled());
        }
        if (filter.provider() != null) {
            query.setParameter("provider", filter.provider());
        }
        if (filter.partnerId() != null) {
            query.setParameter("partnerId", filter.partnerId().value());
        }
        if (filter.distributorId() != null) {
            query.setParameter("distributorId", filter.distributorId().value());
        }
        if (filter.search() != null) {
            query.setParameter(
                    "search",
                    "%"
                            + filter.search()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace("!", "!!")
                                    .replace("%", "!%")
                                    .replace("_", "!_")
                            + "%");
        }
        if (afterCreatedAt != null) {
            query.setParameter("afterCreatedAt", afterCreatedAt).setParameter("afterId", EntityId.uuid(afterId));
        }
        return query.setMaxResults(limit)
                .getResultStream()
                .map(JpaUserRepository::restore)
                .toList();
    }
}
