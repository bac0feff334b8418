package com.tentabo.prm.application.catalog.port.out;

import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.catalog.Duration;
import java.util.Optional;
import java.util.UUID;

/** Subscription durations. */
public interface DurationRepository {

    Optional<Duration> findById(UUID id);

    /** The duration, its row locked until the transaction ends. */
    Optional<Duration> findByIdForUpdate(UUID id);

    boolean monthsTaken(int months, UUID exceptId);

    void save(Duration duration);

    void delete(UUID id);

    /** True when an order item refers to the duration. */
    boolean isOrdered(UUID id);

    /** Shortest first (months are unique). */
    Page<Duration> list(PageRequest page);
}
