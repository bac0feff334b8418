package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaProviderConfigDirectory implements ProviderConfigDirectory {

    private final EntityManager em;
    private final CredentialsCipher cipher;

    public JpaProviderConfigDirectory(EntityManager em, CredentialsCipher cipher) {
        this.em = em;
        this.cipher = cipher;
    }

    @Override
    public Optional<String> activeProviderName(ProviderType type) {
        // the name only: nothing to decrypt, no credentials read
        return em.createQuery(
                        "select p.providerName from ProviderConfigEntity p where p.providerType = :type "
                                + "and p.isActive = true",
                        String.class)
                .setParameter("type", type)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    @Override
    public Optional<ProviderSettings> activeSettings(ProviderType type) {
        return active(type).map(this::settings);
    }

    @Override
    public Optional<ProviderSettings> activeSettingsNamed(String providerName) {
        return em.createQuery(
                        "select p from ProviderConfigEntity p where lower(p.providerName) = lower(:name) "
                                + "and p.isActive = true",
                        ProviderConfigEntity.class)
                .setParameter("name", providerName)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(this::settings);
    }

    @Override
    public Optional<String> activeVersionNamed(String providerName) {
        // the same row as activeSettingsNamed; the digest covers what it decrypts and reads (health columns aside)
        return SqlRows.query(
                        em,
                        "SELECT id::text || '/' || md5(provider_type::text || provider_name || "
                                + "configuration::text || coalesce(credentials::text, '')) FROM provider_configs "
                                + "WHERE lower(provider_name) = lower(?) AND is_active = true LIMIT 1",
                        List.of(providerName),
                        rs -> rs.getString(1))
                .stream()
                .findFirst();
    }

    @Override
    public void recordHealth(
            ProviderType type, String providerName, ProviderHealth status, java.time.Instant at, String error) {
        em.createNativeQuery("UPDATE provider_configs SET health_status = ?1, last_health_check = ?2, "
                        + "health_check_error = ?3 WHERE provider_type = CAST(?4 AS providertype) "
                        + "AND lower(provider_name) = lower(?5)")
                .setParameter(1, ProviderHealthColumn.stored(status))
                .setParameter(2, java.sql.Timestamp.from(at))
                .setParameter(3, error)
                .setParameter(4, type.name())
                .setParameter(5, providerName)
                .executeUpdate();
    }

    private ProviderSettings settings(ProviderConfigEntity p) {
        return new ProviderSettings(
                p.providerName, p.providerType, p.configuration, cipher.decrypt(p.id, p.providerName, p.credentials));
    }

    private Optional<ProviderConfigEntity> active(ProviderType type) {
        return em.createQuery(
                        "select p from ProviderConfigEntity p where p.providerType = :type and p.isActive = true",
                        ProviderConfigEntity.class)
                .setParameter("type", type)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
