package com.tentabo.prm.application.provider.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.application.provider.port.in.ManageProviderConfigsUseCase.CreateProviderCommand;
import com.tentabo.prm.application.provider.port.in.ManageProviderConfigsUseCase.UpdateProviderCommand;
import com.tentabo.prm.application.provider.port.out.ProviderConfigRepository;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules the REST tests cannot reach: a service without a credentials key. */
class ManageProviderConfigsServiceTest {

    static final Instant T0 = Instant.parse("2032-03-01T10:00:00Z");
    final Caller admin = Caller.of(PrincipalKind.ADMIN_USER, UUID.randomUUID(), null, "admin", Role.ADMIN, null, null);

    /** An in-memory repository without an encryption key. */
    static final class KeylessRepository implements ProviderConfigRepository {
        final Map<ProviderId, ProviderConfig> rows = new HashMap<>();
        final List<ProviderId> credentialWrites = new ArrayList<>();

        @Override
        public Optional<ProviderConfig> findById(ProviderId id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public Optional<ProviderConfig> findByIdForUpdate(ProviderId id) {
            return findById(id);
        }

        @Override
        public void lockActivations(ProviderType type) {}

        @Override
        public List<ProviderConfig> activeForUpdate(ProviderType type, ProviderId exceptId) {
            return rows.values().stream()
                    .filter(p -> p.type() == type && p.active() && !p.id().equals(exceptId))
                    .toList();
        }

        @Override
        public boolean nameTaken(ProviderType type, String name) {
            return rows.values().stream()
                    .anyMatch(p -> p.type() == type && p.name().equals(name));
        }

        @Override
        public void save(ProviderConfig config) {
            rows.put(config.id(), config);
        }

        @Override
        public boolean canSealCredentials() {
            return false;
        }

        @Override
        public Map<String, String> credentials(ProviderId id) {
            throw new DomainException(ErrorCode.CREDENTIALS_KEY_MISSING, "no key");
        }

        @Override
        public void saveCredentials(ProviderId id, Map<String, String> credentials) {
            credentialWrites.add(id);
        }

        @Override
        public boolean hasSyncLogs(ProviderId id) {
            return false;
        }

        @Override
        public void delete(ProviderId id) {
            rows.remove(id);
        }

        @Override
        public List<ProviderConfig> list(ProviderQuery query) {
            return List.copyOf(rows.values());
        }

        @Override
        public void saveHealth(ProviderId id, ProviderHealth status, Instant checkedAt, String error) {}
    }

    final KeylessRepository repository = new KeylessRepository();
    final List<AuditEntry> audited = new ArrayList<>();
    // no health check is exercised here (they need a provider to call: ProviderConfigApiTest), hence no gateways and
    // no notifier (only an unhealthy check notifies) and no health history (no health check is exercised here)
    final ManageProviderConfigsService service = new ManageProviderConfigsService(
            repository,
            null,
            new AuditRecorder(
                    new AuditLogRepository() {
                        @Override
                        public void append(AuditEntry entry) {
                            audited.add(entry);
                        }

                        @Override
                        public Optional<AuditRecord> findById(AuditLogId id) {
                            return Optional.empty();
                        }

                        @Override
                        public List<AuditRecord> list(AuditQuery query) {
                            return List.of();
                        }
                    },
                    UUID::randomUUID),
            UUID::randomUUID,
            Clock.fixed(T0, ZoneOffset.UTC),
            null,
            null);

    @Test
    void givenNoKey_whenCreatingWithCredentials_then503AndNothingStored() {
        assertThatThrownBy(() -> service.create(
                        admin,
                        new CreateProviderCommand(
                                ProviderType.BILLING, "stripe", Map.of(), Map.of("api_key", "sk"), null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS_KEY_MISSING));
        assertThat(repository.rows).isEmpty();
        assertThat(audited).isEmpty();
    }

    @Test
    void givenNoKey_thenAProviderWithoutCredentialsIsCreated_butCredentialChangesAre503() {
        ProviderConfig created = service.create(
                admin, new CreateProviderCommand(ProviderType.CRM, "pipedrive", Map.of("domain", "acme"), null, true));
        assertThat(created.active()).isTrue();
        assertThat(created.credentialNames()).isEmpty();
        assertThat(audited).hasSize(1);

        assertThatThrownBy(() -> service.update(
                        admin,
                        created.id(),
                        new UpdateProviderCommand(Map.of("domain", "other"), Map.of("api_token", "t")),
                        ExpectedVersion.any()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS_KEY_MISSING));
        assertThat(repository.rows.get(created.id()).configuration()).containsEntry("domain", "acme");
        assertThat(repository.credentialWrites).isEmpty();
    }

    @Test
    void givenARestrictedAdmin_whenChanging_then403() {
        Caller restricted =
                Caller.of(PrincipalKind.USER, UUID.randomUUID(), null, "ra", Role.RESTRICTED_ADMIN, null, null);
        assertThatThrownBy(() ->
                        service.create(restricted, new CreateProviderCommand(ProviderType.CRM, "x", null, null, null)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }
}
