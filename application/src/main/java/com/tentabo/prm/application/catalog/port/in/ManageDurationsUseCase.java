package com.tentabo.prm.application.catalog.port.in;

import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.id.DurationId;
import java.math.BigDecimal;

/** Create, change and delete durations (ADMIN and RESTRICTED_ADMIN); every change is audited. */
public interface ManageDurationsUseCase {

    record DurationCommand(Integer months, BigDecimal discountPercentage, String name) {}

    /** Creates; with an Idempotency-Key, a retry of the same request answers the first record ({@code replayed}). */
    Created<Duration> create(Caller caller, DurationCommand command, IdempotencyKey idempotencyKey);

    /** {@code expected}: the version the client read ({@link ExpectedVersion#any()} = unconditional); a stale one is 412. */
    Duration update(Caller caller, DurationId id, DurationCommand command, ExpectedVersion expected);

    /** 409 DURATION_IN_USE when an order refers to it. */
    void delete(Caller caller, DurationId id);
}
