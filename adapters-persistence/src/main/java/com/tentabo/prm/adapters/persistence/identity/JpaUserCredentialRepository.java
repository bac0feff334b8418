package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.application.identity.port.out.UserCredentialRepository;
import com.tentabo.prm.domain.id.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class JpaUserCredentialRepository implements UserCredentialRepository {

    private final EntityManager em;

    public JpaUserCredentialRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UserCredential> findByUsername(String username) {
        return em.createQuery(
                        "select c from UserCredentialEntity c where lower(c.username) = :username",
                        UserCredentialEntity.class)
                .setParameter("username", username.toLowerCase(Locale.ROOT))
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(c ->
                        new UserCredential(new UserId(c.userId), c.username, c.passwordHash, c.createdAt, c.updatedAt));
    }

    @Override
    public Optional<UserCredential> findByUserId(UserId userId) {
        return Optional.ofNullable(em.find(UserCredentialEntity.class, userId.value()))
                .map(c ->
                        new UserCredential(new UserId(c.userId), c.username, c.passwordHash, c.createdAt, c.updatedAt));
    }

    @Override
    public boolean usernameTaken(String username) {
        return findByUsername(username).isPresent();
    }

    @Override
    public void save(UserCredential credential) {
        UserCredentialEntity e =
                em.find(UserCredentialEntity.class, credential.userId().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new UserCredentialEntity();
            e.userId = credential.userId().value();
        }
        e.username = credential.username();
        e.passwordHash = credential.passwordHash();
        e.createdAt = credential.createdAt();
        e.updatedAt = credential.updatedAt();
        if (isNew) {
            em.persist(e);
        }
    }
}
