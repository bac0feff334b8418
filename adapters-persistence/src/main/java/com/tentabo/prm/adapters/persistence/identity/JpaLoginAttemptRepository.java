package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.application.identity.port.out.LoginAttemptRepository;
import com.tentabo.prm.domain.id.LoginAttemptId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
public class JpaLoginAttemptRepository implements LoginAttemptRepository {

    private final EntityManager em;

    public JpaLoginAttemptRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void record(LoginAttemptId id, String username, String address, boolean succeeded, Instant at) {
        LoginAttemptEntity e = new LoginAttemptEntity();
        e.id = id.value();
        e.username = username.length() > 255 ? username.substring(0, 255) : username;
        e.ipAddress = address;
        e.succeeded = succeeded;
        e.attemptedAt = at;
        em.persist(e);
    }

    @Override
    public List<Instant> failuresOfUsernameAndAddressSince(String username, String address, Instant since, int limit) {
        return em.createQuery(
                        "select a.attemptedAt from LoginAttemptEntity a where a.username = :key "
                                + "and a.ipAddress = :address and a.succeeded = false and a.attemptedAt > :since "
                                + "order by a.attemptedAt desc",
                        Instant.class)
                .setParameter("key", username.length() > 255 ? username.substring(0, 255) : username)
                .setParameter("address", address)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public List<Instant> failuresOfAddressSince(String address, Instant since, int limit) {
        return em.createQuery(
                        "select a.attemptedAt from LoginAttemptEntity a where a.ipAddress = :key "
                                + "and a.succeeded = false and a.attemptedAt > :since order by a.attemptedAt desc",
                        Instant.class)
                .setParameter("key", address)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
    }

    @Override
    public int deleteBefore(Instant before, int limit) {
        return em.createNativeQuery("DELETE FROM login_attempts WHERE ctid = ANY (ARRAY("
                        + "SELECT ctid FROM login_attempts WHERE attempted_at < ?1 LIMIT ?2))")
                .setParameter(1, before)
                .setParameter(2, limit)
                .executeUpdate();
    }
}
