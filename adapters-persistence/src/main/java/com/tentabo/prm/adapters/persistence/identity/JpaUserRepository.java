package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.domain.identity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaUserRepository implements UserRepository {

    private final EntityManager em;

    public JpaUserRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UserAccount> findById(UUID id) {
        return Optional.ofNullable(em.find(UserEntity.class, id)).map(JpaUserRepository::restore);
    }

    @Override
    public Optional<UserAccount> findByProvider(String provider, String providerId) {
        return em.createQuery("select u from UserEntity u where u.provider = :provider and u.providerId = :providerId "
                        + "order by u.createdAt, u.id", UserEntity.class)
                .setParameter("provider", provider).setParameter("providerId", providerId)
                .setMaxResults(1).getResultStream().findFirst().map(JpaUserRepository::restore);
    }

    @Override
    public void save(UserAccount user) {
        UserEntity e = em.find(UserEntity.class, user.id());
        boolean isNew = e == null;
        if (isNew) {
            e = new UserEntity();
            e.id = user.id();
        }
        e.provider = user.provider();
        e.providerId = user.providerId();
        e.email = user.email();
        e.fullName = user.fullName();
        e.username = user.username();
        e.role = user.role();
        e.isEnabled = user.enabled();
        e.enabledBy = user.enabledBy();
        e.enabledAt = user.enabledAt();
        e.partnerId = user.partnerId();
        e.distributorId = user.distributorId();
        e.createdAt = user.createdAt();
        e.updatedAt = user.updatedAt();
        e.lastLogin = user.lastLogin();
        if (isNew) {
            em.persist(e);
        }
    }

    static UserAccount restore(UserEntity e) {
        return new UserAccount(e.id, e.provider, e.providerId, e.email, e.fullName, e.username, e.role,
                Boolean.TRUE.equals(e.isEnabled), e.enabledBy, e.enabledAt, e.partnerId, e.distributorId,
                e.createdAt, e.updatedAt, e.lastLogin);
    }
}
