package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.HealthCheckRecord;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.in.ProviderHealthUseCase;
import com.tentabo.prm.application.provider.port.out.ProviderConfigRepository;
import com.tentabo.prm.application.provider.port.out.ProviderHealthGateway;
import com.tentabo.prm.application.provider.port.out.ProviderHealthRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderConfig;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Checks every active provider that has a health check (Pennylane {@code GET /me}, Pipedrive {@code GET
 * /v1/users/me}) with no caller, one after the other, no transaction open during a call; each outcome is recorded on
 * the provider (as {@code POST /providers/{id}/health-check} records it) and in its history ({@code scheduled}).
 * Credentials that cannot be decrypted are recorded as {@code degraded}, naming the cause.
 */
@ApplicationScoped
public class ProviderHealthService implements ProviderHealthUseCase {

    public static final String SCHEDULED = "scheduled";

    private final Transactions tx;
    private final ProviderConfigRepository providers;
    private final ProviderHealthRepository checks;
    private final ProviderGateways<ProviderHealthGateway> gateways;
    private final IdGenerator ids;
    private final Clock clock;

    public ProviderHealthService(
            Transactions tx,
            ProviderConfigRepository providers,
            ProviderHealthRepository checks,
            ProviderGateways<ProviderHealthGateway> gateways,
            IdGenerator ids,
            Clock clock) {
        this.tx = tx;
        this.providers = providers;
        this.checks = checks;
        this.gateways = gateways;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public int checkActive() {
        int checked = 0;
        // the active providers (at most one per type)
        List<ProviderConfig> active = tx.requiringNew(
                () -> providers.list(new ProviderConfigRepository.ProviderQuery(null, true, null, null, 100)));
        for (ProviderConfig provider : active) {
            Optional<ProviderHealthGateway> gateway = gateways.forName(provider.name());
            if (gateway.isEmpty()) {
                continue;
            }
            ProviderHealth status = ProviderHealth.HEALTHY;
            String error = null;
            try {
                ProviderSettings settings = tx.requiringNew(() -> new ProviderSettings(
                        provider.name(),
                        provider.type(),
                        provider.configuration(),
                        providers.credentials(provider.id())));
                gateway.get().check(settings);
            } catch (ProviderFailure failure) {
                status = ProviderHealth.of(failure);
                error = failure.getMessage();
            } catch (DomainException unreadable) {
                status = ProviderHealth.DEGRADED;
                error = unreadable.getMessage();
            }
            ProviderHealthRepository.NewCheck check = new ProviderHealthRepository.NewCheck(
                    ids.newId(), provider.id(), status, error, SCHEDULED, clock.instant());
            // on the provider (its version unchanged) and in its history
            tx.requiringNew(() -> {
                providers.saveHealth(check.providerId(), check.status(), check.checkedAt(), check.error());
                checks.append(check);
            });
            checked++;
        }
        return checked;
    }

    @Override
    public Page<HealthCheckRecord> history(Caller caller, ProviderId providerId, String cursor, Integer limit) {
        AccessPolicy.require(caller, Capability.SYSTEM_READ);
        if (tx.requiringNew(() -> providers.findById(providerId)).isEmpty()) {
            throw DomainException.notFound(ErrorCode.PROVIDER_NOT_FOUND, "Provider", providerId);
        }
        int max = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<HealthCheckRecord> rows = tx.requiringNew(() -> checks.list(
                providerId, after == null ? null : after.createdAt(), after == null ? null : after.id(), max + 1));
        return Page.ofRows(rows, max, HealthCheckRecord::checkedAt, HealthCheckRecord::id);
    }
}
