package com.tentabo.prm.application.provider;

import com.tentabo.prm.domain.id.ProviderId;
import java.time.Instant;
import java.util.UUID;

/**
 * One recorded health of a provider: {@code healthy}, {@code offline} or {@code degraded}, the provider's error when
 * not healthy, and what produced it: {@code manual} (an administrator's check), {@code scheduled} (the periodic
 * check) or {@code call} (a call that found the credentials refused).
 */
public record HealthCheckRecord(
        UUID id, ProviderId providerId, String status, String error, String source, Instant checkedAt) {}
