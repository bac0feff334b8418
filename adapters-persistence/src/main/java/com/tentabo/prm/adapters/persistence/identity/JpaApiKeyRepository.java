package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.application.identity.port.out.ApiKeyRepository;
import com.tentabo.prm.domain.access.ApiScope;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.ApiKeyId;
import com.tentabo.prm.domain.identity.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class JpaApiKeyRepository implements ApiKeyRepository {

    private final EntityManager em;

    public JpaApiKeyRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void save(ApiKey key) {
        ApiKeyEntity e = em.find(ApiKeyEntity.class, key.id().value());
        boolean isNew = e == null;
        if (isNew) {
            e = new ApiKeyEntity();
            e.id = key.id().value();
        }
        e.name = key.name();
        e.prefix = key.prefix();
        e.keyHash = key.keyHash();
        e.ownerUserId = key.ownerKind() == PrincipalKind.USER ? key.ownerId() : null;
        e.ownerAdminUserId = key.ownerKind() == PrincipalKind.ADMIN_USER ? key.ownerId() : null;
        e.scopes = key.scopes().stream()
                .map(s -> s.name().toLowerCase(Locale.ROOT))
                .sorted()
                .collect(Collectors.joining(","));
        e.expiresAt = key.expiresAt();
        e.revokedAt = key.revokedAt();
        e.lastUsedAt = key.lastUsedAt();
        e.createdAt = key.createdAt();
        if (isNew) {
            em.persist(e);
        }
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return Optional.ofNullable(em.find(ApiKeyEntity.class, id.value())).map(JpaApiKeyRepository::restore);
    }

    @Override
    public List<ApiKey> findByPrefix(String prefix) {
        return em.createQuery("select k from ApiKeyEntity k where k.prefix = :prefix", ApiKeyEntity.class)
                .setParameter("prefix", prefix)
                .getResultStream()
                .map(JpaApiKeyRepository::restore)
                .toList();
    }

    @Override
    public List<ApiKey> listOwnedBy(PrincipalKind kind, UUID ownerId) {
        String column = kind == PrincipalKind.USER ? "ownerUserId" : "ownerAdminUserId";
        return em.createQuery(
                        "select k from ApiKeyEntity k where k." + column + " = :owner "
                                + "order by k.createdAt desc, k.id desc",
                        ApiKeyEntity.class)
                .setParameter("owner", ownerId)
                .getResultStream()
                .map(JpaApiKeyRepository::restore)
                .toList();
    }

    @Override
    public void revokeAllOwnedBy(PrincipalKind kind, UUID ownerId, Instant at) {
        String owner = kind == PrincipalKind.USER ? "owner_user_id" : "owner_admin_user_id";
        em.createNativeQuery("UPDATE api_keys SET revoked_at = ?1 WHERE " + owner + " = ?2 AND revoked_at IS NULL")
                .setParameter(1, at)
                .setParameter(2, ownerId)
                .executeUpdate();
    }

    @Override
    public void touch(ApiKeyId id, Instant now, Instant staleBefore) {
        em.createQuery("update ApiKeyEntity k set k.lastUsedAt = :now where k.id = :id "
                        + "and (k.lastUsedAt is null or k.lastUsedAt <= :staleBefore)")
                .setParameter("now", now)
                .setParameter("id", id.value())
                .setParameter("staleBefore", staleBefore)
                .executeUpdate();
    }

    static ApiKey restore(ApiKeyEntity e) {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        Arrays.stream(e.scopes.split(","))
                .filter(s -> !s.isBlank())
                .forEach(s -> scopes.add(ApiScope.valueOf(s.trim().toUpperCase(Locale.ROOT))));
        PrincipalKind kind = e.ownerUserId != null ? PrincipalKind.USER : PrincipalKind.ADMIN_USER;
        return new ApiKey(
                new ApiKeyId(e.id),
                e.name,
                e.prefix,
                e.keyHash,
                kind,
                e.ownerUserId != null ? e.ownerUserId : e.ownerAdminUserId,
                scopes,
                e.expiresAt,
                e.revokedAt,
                e.lastUsedAt,
                e.createdAt);
    }
}
