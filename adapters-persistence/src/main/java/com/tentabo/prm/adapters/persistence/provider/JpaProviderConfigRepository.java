package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.application.provider.port.out.ProviderConfigRepository;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;

/**
 * {@code provider_configs} for the management use case. Credentials are sealed with {@link CredentialsCipher} (the
 * row id as additional data) and only their names leave this adapter on reads.
 */
@ApplicationScoped
public class JpaProviderConfigRepository implements ProviderConfigRepository {

    static final String UNIQUE_NAME = "unique_provider_type_name";
    static final String ONE_ACTIVE = "idx_provider_configs_active";

    private final EntityManager em;
    private final CredentialsCipher cipher;

    public JpaProviderConfigRepository(EntityManager em, CredentialsCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    @Override
    public Optional<ProviderConfig> findById(ProviderId id) {
        return Optional.ofNullable(em.find(ProviderConfigEntity.class, id.value()))
                .map(this::restore);
    }

    @Override
    public Optional<ProviderConfig> findByIdForUpdate(ProviderId id) {
        return Optional.ofNullable(em.find(ProviderConfigEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                .map(this::restore);
    }

    @Override
    public void lockActivations(ProviderType type) {
        SqlRows.lockForTransaction(em, "provider_configs:activation/" + type.name());
    }

    @Override
    public List<ProviderConfig> activeForUpdate(ProviderType type, ProviderId exceptId) {
        return em
                .createQuery(
                        "select p from ProviderConfigEntity p where p.providerType = :type and p.isActive = true "
                                + "and p.id <> :id order by p.id",
                        ProviderConfigEntity.class)
                .setParameter("type", type)
                .setParameter("id", exceptId.value())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList()
                .stream()
                .map(this::restore)
                .toList();
    }

    @Override
    public boolean nameTaken(ProviderType type, String name) {
        return !em.createQuery(
                        "select p.id from ProviderConfigEntity p where p.providerType = :type "
                                + "and p.providerName = :name",
                        UUID.class)
                .setParameter("type", type)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void save(ProviderConfig config) {
        ProviderConfigEntity e = em.find(ProviderConfigEntity.class, config.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new ProviderConfigEntity();
            e.id = config.id().value();
            e.createdAt = config.createdAt();
            e.healthStatus = config.healthStatus();
            e.lastHealthCheck = config.lastHealthCheck();
            e.healthCheckError = config.healthCheckError();
        }
        e.providerType = config.type();
        e.providerName = config.name();
        e.isActive = config.active();
        e.configuration = new LinkedHashMap<>(config.configuration());
        e.updatedAt = config.updatedAt();
        try {
            if (isNew) {
                em.persist(e);
            }
            // flushed at once: a deactivation reaches the database before the activation that follows it
            em.flush();
        } catch (PersistenceException failure) {
            throw translated(failure, config);
        }
    }

    @Override
    public void saveHealth(ProviderId id, ProviderHealth status, Instant checkedAt, String error) {
        ProviderConfigEntity e = em.find(ProviderConfigEntity.class, id.value());
        e.healthStatus = ProviderHealthColumn.stored(status);
        e.lastHealthCheck = checkedAt;
        e.healthCheckError = error;
        em.flush();
    }

    @Override
    public boolean canSealCredentials() {
        return cipher.hasKey();
    }

    @Override
    public Map<String, String> credentials(ProviderId id) {
        ProviderConfigEntity e = em.find(ProviderConfigEntity.class, id.value());
        if (e == null) {
            return Map.of();
        }
        try {
            return new LinkedHashMap<>(cipher.decrypt(e.id, e.providerName, e.credentials));
        } catch (ProviderFailure unreadable) {
            throw new DomainException(
                    ErrorCode.CREDENTIALS_KEY_MISSING,
                    "The stored credentials of provider " + e.providerName
                            + " cannot be read with the configured key (PRM_PROVIDER_CREDENTIALS_KEY)");
        }
    }

    @Override
    public void saveCredentials(ProviderId id, Map<String, String> credentials) {
        ProviderConfigEntity e = em.find(ProviderConfigEntity.class, id.value());
        if (e == null) {
            throw new IllegalStateException("provider " + id + " must be saved before its credentials");
        }
        e.credentials = credentials.isEmpty() ? null : new LinkedHashMap<>(cipher.encrypt(id.value(), credentials));
        em.flush();
    }

    @Override
    public boolean hasSyncLogs(ProviderId id) {
        return !em.createQuery("select s.id from ProviderSyncLogEntity s where s.providerId = :id", UUID.class)
                .setParameter("id", id.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    @Override
    public void delete(ProviderId id) {
        em.createQuery("delete from ProviderConfigEntity p where p.id = :id")
                .setParameter("id", id.value())
                .executeUpdate();
    }

    @Override
    public List<ProviderConfig> list(ProviderQuery query) {
        StringBuilder jpql = new StringBuilder("select p from ProviderConfigEntity p where 1 = 1");
        if (query.type() != null) {
            jpql.append(" and p.providerType = :type");
        }
        if (query.active() != null) {
            jpql.append(" and p.isActive = :active");
        }
        if (query.beforeCreatedAt() != null) {
            jpql.append(" and (p.createdAt < :at or (p.createdAt = :at and p.id < :id))");
        }
        jpql.append(" order by p.createdAt desc, p.id desc");
        TypedQuery<ProviderConfigEntity> q = em.createQuery(jpql.toString(), ProviderConfigEntity.class);
        if (query.type() != null) {
            q.setParameter("type", query.type());
        }
        if (query.active() != null) {
            q.setParameter("active", query.active());
        }
        if (query.beforeCreatedAt() != null) {
            q.setParameter("at", query.beforeCreatedAt()).setParameter("id", query.beforeId());
        }
        return q.setMaxResults(query.limit()).getResultList().stream()
                .map(this::restore)
                .toList();
    }

    private ProviderConfig restore(ProviderConfigEntity e) {
        return new ProviderConfig(
                new ProviderId(e.id),
                e.providerType,
                e.providerName,
                Boolean.TRUE.equals(e.isActive),
                e.configuration,
                credentialNames(e),
                e.healthStatus,
                e.lastHealthCheck,
                e.healthCheckError,
                e.createdAt,
                e.updatedAt);
    }

    /** The names of the stored credentials; null when they are sealed and cannot be read here. */
    private List<String> credentialNames(ProviderConfigEntity e) {
        if (e.credentials == null || e.credentials.isEmpty()) {
            return List.of();
        }
        if (!e.credentials.containsKey(CredentialsCipher.FIELD)) {
            return new ArrayList<>(e.credentials.keySet());
        }
        if (!cipher.hasKey()) {
            return null;
        }
        try {
            return new ArrayList<>(
                    cipher.decrypt(e.id, e.providerName, e.credentials).keySet());
        } catch (ProviderFailure unreadable) {
            return null;
        }
    }

    private static RuntimeException translated(PersistenceException failure, ProviderConfig config) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String constraint = violation.getConstraintName().toLowerCase(Locale.ROOT);
                if (constraint.contains(UNIQUE_NAME)) {
                    return new DomainException(
                            ErrorCode.PROVIDER_EXISTS,
                            "A " + config.type().name().toLowerCase(Locale.ROOT) + " provider named " + config.name()
                                    + " already exists",
                            List.of(new FieldViolation(
                                    "provider_name", "is already used by another provider of this type")));
                }
                if (constraint.contains(ONE_ACTIVE)) {
                    return new DomainException(
                            ErrorCode.CONCURRENT_MODIFICATION,
                            "Another " + config.type().name().toLowerCase(Locale.ROOT)
                                    + " provider was activated meanwhile; retry");
                }
            }
        }
        return failure;
    }
}
