package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.provider.ProviderType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code provider_configs} for their management. Credentials cross this port in plain text only to be sealed
 * ({@link #saveCredentials}) or merged ({@link #credentials}); the adapter encrypts them, and reads answer only their
 * names.
 */
public interface ProviderConfigRepository {

    record ProviderQuery(ProviderType type, Boolean active, Instant beforeCreatedAt, UUID beforeId, int limit) {}

    Optional<ProviderConfig> findById(ProviderId id);

    /** The provider, its row locked until the transaction ends. */
    Optional<ProviderConfig> findByIdForUpdate(ProviderId id);

    /**
     * Serialises the activations of one provider type until the transaction ends (taken before any row lock, so two
     * activations never wait on each other's rows).
     */
    void lockActivations(ProviderType type);

    /** The active providers of the type other than {@code exceptId} (at most one), their rows locked. */
    List<ProviderConfig> activeForUpdate(ProviderType type, ProviderId exceptId);

    boolean nameTaken(ProviderType type, String name);

    /**
     * Inserts or updates every column but the credentials, written at once; a (type, name) taken meanwhile is 409
     * {@code PROVIDER_EXISTS}.
     */
    void save(ProviderConfig config);

    /** True when credentials can be encrypted (a key is configured). */
    boolean canSealCredentials();

    /**
     * The stored credentials of the provider, decrypted; 503 {@code CREDENTIALS_KEY_MISSING} when they are
     * encrypted and cannot be read with the configured key.
     */
    Map<String, String> credentials(ProviderId id);

    /** Encrypts and stores the credentials of a saved provider (empty: none, the column is cleared). */
    void saveCredentials(ProviderId id, Map<String, String> credentials);

    boolean hasSyncLogs(ProviderId id);

    void delete(ProviderId id);

    /** Newest first (created_at desc, id desc), {@code limit} rows at most. */
    List<ProviderConfig> list(ProviderQuery query);

    /** Records a health check; the provider's {@code updated_at} (its version) stays as it is. */
    void saveHealth(ProviderId id, ProviderHealth status, Instant checkedAt, String error);
}
