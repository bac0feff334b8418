package com.tentabo.prm.application.catalog.port.out;

import com.tentabo.prm.application.catalog.PageRequest;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.id.DurationId;
import java.util.Optional;

/** Subscription durations. */
public interface DurationRepository {

    Optional<Duration> findById(DurationId id);

    /** The duration, its row locked until the transaction ends. */
    Optional<Duration> findByIdForUpdate(DurationId id);

    boolean monthsTaken(int months, DurationId exceptId);

    void save(Duration duration);

    void delete(DurationId id);

    /** True when an order item refers to the duration. */
    boolean isOrdered(DurationId id);

    /** Shortest first (months are unique). */
    Page<Duration> list(PageRequest page);
}
