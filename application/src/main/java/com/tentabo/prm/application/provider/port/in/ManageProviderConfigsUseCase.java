package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.provider.ProviderType;
import java.util.Map;

/**
 * Provider configurations ({@code /api/v1/providers}): ADMIN reads and changes them, RESTRICTED_ADMIN only reads.
 * Credentials are write-only: they are encrypted when stored and only their names are ever answered. Every change is
 * audited without a secret.
 */
public interface ManageProviderConfigsUseCase {

    /** {@code configuration} and {@code credentials} may be null (none); {@code active} null means false. */
    record CreateProviderCommand(
            ProviderType type,
            String name,
            Map<String, Object> configuration,
            Map<String, String> credentials,
            Boolean active) {}

    /**
     * {@code configuration}: replaces the whole object when not null. {@code credentials}: when not null, each name
     * with a value is set, each name mapped to {@code null} is removed, names not mentioned are kept.
     */
    record UpdateProviderCommand(Map<String, Object> configuration, Map<String, String> credentials) {}

    record ProviderFilter(ProviderType type, Boolean active, String cursor, Integer limit) {}

    Page<ProviderConfig> list(Caller caller, ProviderFilter filter);

    ProviderConfig get(Caller caller, ProviderId id);

    ProviderConfig create(Caller caller, CreateProviderCommand command);

    /** {@code expected}: the version the client read ({@link ExpectedVersion#any()} = unconditional); a stale one is 412. */
    ProviderConfig update(Caller caller, ProviderId id, UpdateProviderCommand command, ExpectedVersion expected);

    /** Deactivates the active provider of the same type, if another, then activates this one; idempotent. */
    ProviderConfig activate(Caller caller, ProviderId id);

    /** Idempotent. */
    ProviderConfig deactivate(Caller caller, ProviderId id);

    /**
     * Calls the provider with its stored credentials and records the outcome ({@code health_status}: {@code healthy};
     * {@code offline} when it does not answer, times out, or answers 429/5xx; {@code degraded} when it answers but
     * refuses the credentials or the configuration; {@code last_health_check}; {@code health_check_error}). A
     * provider this version cannot check is 422 BUSINESS_RULE_VIOLATED. Active or not, either works.
     */
    HealthCheck checkHealth(Caller caller, ProviderId id);

    /** The provider after the check, and what it said about its account (company name, …) when healthy. */
    record HealthCheck(ProviderConfig provider, Map<String, Object> account) {}

    /** 409 PROVIDER_IN_USE when active or referred to by sync logs. */
    void delete(Caller caller, ProviderId id);
}
