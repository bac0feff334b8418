package com.tentabo.prm.application.catalog.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.catalog.port.in.ManageDurationsUseCase;
import com.tentabo.prm.application.catalog.port.out.DurationRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.catalog.Duration;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.pricing.Percentage;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
@Transactional
public class ManageDurationsService implements ManageDurationsUseCase {

    private final DurationRepository durations;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final IdempotentCreates idempotency;
    private final Clock clock;

    public ManageDurationsService(
            DurationRepository durations,
            AuditRecorder audit,
            IdGenerator ids,
            IdempotentCreates idempotency,
            Clock clock) {
        this.durations = durations;
        this.audit = audit;
        this.ids = ids;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public Created<Duration> create(Caller caller, DurationCommand command, IdempotencyKey idempotencyKey) {
        AccessPolicy.require(caller, Capability.CATALOG_WRITE);
        DurationId id = new DurationId(ids.newId());
        return idempotency.create(
                caller,
                "create-duration",
                idempotencyKey,
                id.value(),
                stored -> existing(new DurationId(stored)),
                () -> {
                    Instant now = now();
                    Duration duration = build(id, command, now, now);
                    requireFreeMonths(duration);
                    durations.save(duration);
                    audit.record(
                            caller,
                            AuditChange.created("duration", duration.id().value(), CatalogAudit.fields(duration)),
                            now);
                    return duration;
                });
    }

    @Override
    public Duration update(Caller caller, DurationId id, DurationCommand command, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.CATALOG_WRITE);
        Duration before = existing(id);
        expected.requireMatch(before.updatedAt());
        Duration after = build(id, command, before.createdAt(), now());
        requireFreeMonths(after);
        AuditChange change = AuditChange.changed(
                "update", "duration", id.value(), CatalogAudit.fields(before), CatalogAudit.fields(after));
        if (change.isEmpty()) {
            return before;
        }
        durations.save(after);
        audit.record(caller, change, after.updatedAt());
        return after;
    }

    @Override
    public void delete(Caller caller, DurationId id) {
        AccessPolicy.require(caller, Capability.CATALOG_WRITE);
        Duration before = existing(id);
        if (durations.isOrdered(id)) {
            throw new DomainException(
                    ErrorCode.DURATION_IN_USE,
                    "Duration " + id + " (" + before.name() + ") is referenced by orders and cannot be deleted");
        }
        durations.delete(id);
        audit.record(caller, AuditChange.deleted("duration", id.value(), CatalogAudit.fields(before)), now());
    }

    /** Every field problem at once, as a 400 naming the fields. */
    private static Duration build(DurationId id, DurationCommand c, Instant createdAt, Instant updatedAt) {
        List<FieldViolation> problems = new ArrayList<>();
        if (c.months() == null) {
            problems.add(new FieldViolation("months", "is required"));
        } else if (c.months() < 1 || c.months() > Duration.MAX_MONTHS) {
            problems.add(new FieldViolation("months", "must be between 1 and " + Duration.MAX_MONTHS));
        }
        BigDecimal discount = c.discountPercentage() == null ? BigDecimal.ZERO : c.discountPercentage();
        String discountProblem = Percentage.problemWith(discount);
        if (discountProblem != null) {
            problems.add(new FieldViolation("discount_percentage", discountProblem));
        }
        if (c.name() == null || c.name().isBlank()) {
            problems.add(new FieldViolation("name", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new DomainException(
                    ErrorCode.VALIDATION_FAILED,
                    problems.stream()
                            .map(p -> p.field() + ": " + p.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                    problems);
        }
        return new Duration(id, c.months(), discount, c.name(), createdAt, updatedAt);
    }

    private void requireFreeMonths(Duration d) {
        if (durations.monthsTaken(d.months(), d.id())) {
            throw new DomainException(
                    ErrorCode.DUPLICATE_VALUE,
                    "A duration of " + d.months() + " months already exists",
                    List.of(new FieldViolation("months", "is already used by another duration")));
        }
    }

    private Duration existing(DurationId id) {
        return durations
                .findByIdForUpdate(id)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.DURATION_NOT_FOUND, "Duration", id));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
