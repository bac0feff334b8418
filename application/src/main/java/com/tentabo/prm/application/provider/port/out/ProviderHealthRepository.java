package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.HealthCheckRecord;
import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.provider.ProviderType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The history of providers' health ({@code provider_health_checks}): the newest {@value #KEPT} of each are kept. */
public interface ProviderHealthRepository {

    int KEPT = 100;

    /**
     * A check to record: its health, the provider's error when not healthy, and what produced it ({@code manual},
     * {@code scheduled} or {@code call}); {@code providerId} null when the provider is found by name.
     */
    record NewCheck(
            UUID id, ProviderId providerId, ProviderHealth status, String error, String source, Instant checkedAt) {}

    /** Appends one check of the provider and drops its checks beyond the newest {@value #KEPT}. */
    void append(NewCheck check);

    /** The same, for the provider found by type and name (ignoring case); nothing when there is none. */
    void appendByName(ProviderType type, String providerName, NewCheck check);

    /** Newest first (checked_at desc, id desc), after the (time, id) cursor when given, {@code limit} rows at most. */
    List<HealthCheckRecord> list(ProviderId providerId, Instant cursorAt, UUID cursorId, int limit);
}
