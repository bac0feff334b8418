package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.provider.ProviderConfigInput;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.in.ManageProviderConfigsUseCase;
import com.tentabo.prm.application.provider.port.out.ProviderConfigRepository;
import com.tentabo.prm.application.provider.port.out.ProviderHealthGateway;
import com.tentabo.prm.application.provider.port.out.ProviderHealthRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Provider configurations: reads need {@link Capability#SYSTEM_READ} (ADMIN, RESTRICTED_ADMIN), changes
 * {@link Capability#SYSTEM_WRITE} (ADMIN). Credentials are never audited: a change of them is recorded as
 * {@code "credentials": "***"}.
 */
@ApplicationScoped
@Transactional
public class ManageProviderConfigsService implements ManageProviderConfigsUseCase {

    static final String ENTITY = "provider_config";
    private static final System.Logger LOG = System.getLogger(ManageProviderConfigsService.class.getName());

    private final ProviderConfigRepository providers;
    private final ProviderGateways<ProviderHealthGateway> healthChecks;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final Notifier notifier;
    private final ProviderHealthRepository healthHistory;

    public ManageProviderConfigsService(
            ProviderConfigRepository providers,
            ProviderGateways<ProviderHealthGateway> healthChecks,
            AuditRecorder audit,
            IdGenerator ids,
            Clock clock,
            Notifier notifier,
            ProviderHealthRepository healthHistory) {
        this.notifier = notifier;
        this.healthHistory = healthHistory;
        this.providers = providers;
        this.healthChecks = healthChecks;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * One transaction around one bounded provider call (its timeouts, 10 s by default): an administrator's action,
     * rare enough to hold a connection that long. Not audited: nothing of the business changes.
     */
    @Override
    public HealthCheck checkHealth(Caller caller, ProviderId id) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        ProviderConfig config = providers.findById(id).orElseThrow(() -> notFound(id));
        ProviderSettings settings =
                new ProviderSettings(config.name(), config.type(), config.configuration(), providers.credentials(id));
        ProviderHealthGateway gateway = healthChecks
                .first(g -> g.checks(settings))
                .orElseThrow(() -> new DomainException(
                        ErrorCode.BUSINESS_RULE_VIOLATED,
                        "This version cannot check the health of provider '" + config.name() + "'"));
        Map<String, Object> account = Map.of();
        ProviderHealth status = ProviderHealth.HEALTHY;
        String error = null;
        try {
            account = gateway.check(settings);
        } catch (ProviderFailure failure) {
            status = ProviderHealth.of(failure);
            error = failure.getMessage();
        }
        Instant checkedAt = clock.instant();
        providers.saveHealth(id, status, checkedAt, error);
        healthHistory.append(
                new ProviderHealthRepository.NewCheck(ids.newId(), id, status, error, "manual", checkedAt));
        if (status.alertsAfter(config.healthStatus())) {
            notifier.notify(NotificationEvents.providerUnhealthy(
                    id.value(),
                    config.name(),
                    config.type().name().toLowerCase(java.util.Locale.ROOT),
                    status.wireName(),
                    error,
                    checkedAt));
        }
        return new HealthCheck(providers.findById(id).orElseThrow(), account);
    }

    @Override
    public Page<ProviderConfig> list(Caller caller, ProviderFilter filter) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        int limit = Cursor.limit(filter.limit());
        Cursor cursor = Cursor.decode(filter.cursor());
        return Page.ofRows(
                providers.list(new ProviderConfigRepository.ProviderQuery(
                        filter.type(),
                        filter.active(),
                        cursor == null ? null : cursor.createdAt(),
                        cursor == null ? null : cursor.id(),
                        limit + 1)),
                limit,
                ProviderConfig::createdAt,
                p -> p.id().value());
    }

    @Override
    public ProviderConfig get(Caller caller, ProviderId id) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        return providers.findById(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public ProviderConfig create(Caller caller, CreateProviderCommand command) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        if (command.type() == null) {
            throw DomainException.invalid("provider_type", "is required");
        }
        String name = ProviderConfigInput.name(command.name());
        Map<String, Object> configuration = ProviderConfigInput.configuration(command.configuration());
        requireSafeTransport(name, configuration);
        Map<String, String> credentials = ProviderConfigInput.credentials(command.credentials(), false);
        boolean withCredentials = credentials != null && !credentials.isEmpty();
        if (withCredentials) {
            requireKey();
        }
        boolean activate = Boolean.TRUE.equals(command.active());
        if (activate) {
            providers.lockActivations(command.type());
        }
        if (providers.nameTaken(command.type(), name)) {
            throw exists(command.type().name(), name);
        }
        Instant now = now();
        ProviderId id = new ProviderId(ids.newId());
        ProviderConfig created = ProviderConfig.create(id, command.type(), name, configuration, now);
        if (activate) {
            deactivateOthers(caller, created, now);
            created = created.withActive(true, now);
        }
        providers.save(created);
        if (withCredentials) {
            providers.saveCredentials(id, credentials);
            created = created.withCredentialNames(List.copyOf(credentials.keySet()), now);
        }
        Map<String, Object> changes = Changes.created(fields(created));
        changes.put("configuration", Map.of("after", ProviderConfigInput.redacted(created.configuration())));
        if (withCredentials) {
            changes.put("credentials", "***");
        }
        audit.record(caller, new AuditChange("create", ENTITY, id.value(), changes), now);
        return created;
    }

    @Override
    public ProviderConfig update(
            Caller caller, ProviderId id, UpdateProviderCommand command, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        Map<String, Object> configuration =
                command.configuration() == null ? null : ProviderConfigInput.configuration(command.configuration());
        Map<String, String> credentialChanges = ProviderConfigInput.credentials(command.credentials(), true);
        ProviderConfig before = existingForUpdate(id);
        expected.requireMatch(before.updatedAt());
        if (configuration != null && !configuration.equals(before.configuration())) {
            requireSafeTransport(before.name(), configuration);
            requireCredentialsAgain(before, configuration, credentialChanges);
        }
        Instant now = now();
        ProviderConfig after = before;
        Map<String, Object> changes = new LinkedHashMap<>();
        if (configuration != null && !configuration.equals(before.configuration())) {
            after = after.withConfiguration(configuration, now);
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("before", ProviderConfigInput.redacted(before.configuration()));
            pair.put("after", ProviderConfigInput.redacted(configuration));
            changes.put("configuration", pair);
        }
        Map<String, String> mergedCredentials = null;
        if (credentialChanges != null && !credentialChanges.isEmpty()) {
            requireKey();
            Map<String, String> stored = providers.credentials(id);
            Map<String, String> merged = new LinkedHashMap<>(stored);
            credentialChanges.forEach((name, value) -> {
                if (value == null) {
                    merged.remove(name);
                } else {
                    merged.put(name, value);
                }
            });
            ProviderConfigInput.requireCredentialCount(merged);
            if (!merged.equals(stored)) {
                mergedCredentials = merged;
                after = after.withCredentialNames(List.copyOf(merged.keySet()), now);
                changes.put("credentials", "***");
            }
        }
        if (changes.isEmpty()) {
            return before;
        }
        after = after.withActive(after.active(), now);
        providers.save(after);
        if (mergedCredentials != null) {
            providers.saveCredentials(id, mergedCredentials);
        }
        audit.record(caller, new AuditChange("update", ENTITY, id.value(), changes), now);
        return after;
    }

    @Override
    public ProviderConfig activate(Caller caller, ProviderId id) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        // the type never changes: read it unlocked, then take the type's activation lock before any row lock
        ProviderConfig unlocked = providers.findById(id).orElseThrow(() -> notFound(id));
        providers.lockActivations(unlocked.type());
        ProviderConfig before = existingForUpdate(id);
        if (before.active()) {
            return before;
        }
        Instant now = now();
        deactivateOthers(caller, before, now);
        ProviderConfig after = before.withActive(true, now);
        providers.save(after);
        audit.record(caller, AuditChange.changed("activate", ENTITY, id.value(), fields(before), fields(after)), now);
        return after;
    }

    @Override
    public ProviderConfig deactivate(Caller caller, ProviderId id) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        ProviderConfig before = existingForUpdate(id);
        if (!before.active()) {
            return before;
        }
        Instant now = now();
        ProviderConfig after = before.withActive(false, now);
        providers.save(after);
        audit.record(caller, AuditChange.changed("deactivate", ENTITY, id.value(), fields(before), fields(after)), now);
        return after;
    }

    @Override
    public void delete(Caller caller, ProviderId id) {
        AccessPolicy.require(caller, Capability.SYSTEM_WRITE);
        ProviderConfig before = existingForUpdate(id);
        if (before.active()) {
            throw new DomainException(
                    ErrorCode.PROVIDER_IN_USE,
                    "Provider " + before.name()
                            + " is active; deactivate it (or activate another of its type) before deleting it");
        }
        if (providers.hasSyncLogs(id)) {
            throw new DomainException(
                    ErrorCode.PROVIDER_IN_USE,
                    "Provider " + before.name()
                            + " has synchronisation logs and cannot be deleted; deactivate it instead");
        }
        providers.delete(id);
        Map<String, Object> changes = Changes.deleted(fields(before));
        changes.put("configuration", Map.of("before", ProviderConfigInput.redacted(before.configuration())));
        if (before.credentialNames() == null || !before.credentialNames().isEmpty()) {
            changes.put("credentials", "***");
        }
        audit.record(caller, new AuditChange("delete", ENTITY, id.value(), changes), now());
    }

    /** Deactivates (and audits) the active provider of the type other than {@code target}: first, before it. */
    private void deactivateOthers(Caller caller, ProviderConfig target, Instant now) {
        for (ProviderConfig other : providers.activeForUpdate(target.type(), target.id())) {
            ProviderConfig off = other.withActive(false, now);
            providers.save(off);
            Map<String, Object> changes = Changes.diff(fields(other), fields(off));
            changes.put("replaced_by", target.id().toString());
            audit.record(
                    caller, new AuditChange("deactivate", ENTITY, other.id().value(), changes), now);
        }
    }

    /**
     * Refuses a configuration whose endpoints would expose the credentials (http://, ldap:// without StartTLS,
     * trust-all certificates) unless it is marked {@code "development": true}, which is logged as a warning.
     */
    private static void requireSafeTransport(String name, Map<String, Object> configuration) {
        List<FieldViolation> problems = ProviderConfigInput.insecureTransport(configuration);
        if (problems.isEmpty()) {
            return;
        }
        if (ProviderConfigInput.development(configuration)) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Provider " + name + " is a development configuration with an "
                            + "unprotected endpoint ("
                            + problems.stream().map(FieldViolation::field).toList()
                            + "): its credentials can be read on the network; never use it in production");
            return;
        }
        throw new DomainException(
                ErrorCode.INSECURE_PROVIDER_ENDPOINT,
                "The provider's endpoints must use TLS with "
                        + "verified certificates; a development configuration may say \"development\": true",
                problems);
    }

    /**
     * Changing where the credentials are sent (base_url, url, issuer, jwks_uri) needs every stored credential given
     * again in the same request: whoever redirects them must already know them.
     */
    private void requireCredentialsAgain(
            ProviderConfig before, Map<String, Object> configuration, Map<String, String> credentialChanges) {
        List<String> moved = ProviderConfigInput.changedDestinations(before.configuration(), configuration);
        if (moved.isEmpty()) {
            return;
        }
        List<String> stored = before.credentialNames() != null
                ? before.credentialNames()
                : List.copyOf(providers.credentials(before.id()).keySet());
        List<FieldViolation> missing = stored.stream()
                .filter(credential -> credentialChanges == null || credentialChanges.get(credential) == null)
                .map(credential -> new FieldViolation(
                        "credentials." + credential, "must be given again to change " + String.join(", ", moved)))
                .toList();
        if (!missing.isEmpty()) {
            throw new DomainException(
                    ErrorCode.CREDENTIALS_REQUIRED,
                    "Changing " + String.join(", ", moved)
                            + " changes where the provider's credentials are sent: give them again in the same request",
                    missing);
        }
    }

    private void requireKey() {
        if (!providers.canSealCredentials()) {
            throw new DomainException(
                    ErrorCode.CREDENTIALS_KEY_MISSING,
                    "Credentials cannot be stored: no "
                            + "encryption key is configured on the service (PRM_PROVIDER_CREDENTIALS_KEY)");
        }
    }

    private static Map<String, Object> fields(ProviderConfig p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("provider_type", p.type().name().toLowerCase(Locale.ROOT));
        fields.put("provider_name", p.name());
        fields.put("is_active", p.active());
        return fields;
    }

    private ProviderConfig existingForUpdate(ProviderId id) {
        return providers.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
    }

    static DomainException notFound(ProviderId id) {
        return DomainException.notFound(ErrorCode.PROVIDER_NOT_FOUND, "Provider", id);
    }

    static DomainException exists(String type, String name) {
        return new DomainException(
                ErrorCode.PROVIDER_EXISTS,
                "A " + type.toLowerCase(Locale.ROOT) + " provider named " + name + " already exists",
                List.of(new FieldViolation("provider_name", "is already used by another provider of this type")));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
