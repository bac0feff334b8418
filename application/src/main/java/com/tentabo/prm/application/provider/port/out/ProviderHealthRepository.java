package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.HealthCheckRecord;
import com.tentabo.prm.domain.provider.ProviderType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The history of providers' health ({@code provider_health_checks}): the newest {@value #KEPT} of each are kept. */
public interface ProviderHealthRepository {

    int KEPT = 100;

    /** Appends one check of the provider and drops its checks beyond the newest {@value #KEPT}. */
    void append(HealthCheckRecord check);

    /** The same, for the provider found by type and name (ignoring case); nothing when there is none. */
    void appendByName(ProviderType type, String providerName, HealthCheckRecord check);

    /** Newest first (checked_at desc, id desc), after the (time, id) cursor when given, {@code limit} rows at most. */
    List<HealthCheckRecord> list(UUID providerId, Instant cursorAt, UUID cursorId, int limit);
}
