package com.tentabo.prm.application.registration.service;

import com.tentabo.prm.application.audit.AuditAuthor;
import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.LevelProgress;
import com.tentabo.prm.application.registration.port.in.ManageProgrammeUseCase;
import com.tentabo.prm.application.registration.port.out.ProgrammeRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LevelAssignmentId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import com.tentabo.prm.domain.registration.Registration;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Programme levels (staff write them, partners and distributors read them), each partner's level with its history,
 * and a partner's progress: trailing-12-month bookings and won registrations against the next level's thresholds.
 * Audited as entity types {@code programme_level} and {@code partner} (action {@code assign_level}).
 */
@ApplicationScoped
@Transactional
public class ProgrammeService implements ManageProgrammeUseCase {

    private final ProgrammeRepository programme;
    private final PartnerRepository partners;
    private final IdempotentCreates idempotency;
    private final AuditRecorder audit;
    private final Notifier notifier;
    private final IdGenerator ids;
    private final Clock clock;

    public ProgrammeService(
            ProgrammeRepository programme,
            PartnerRepository partners,
            IdempotentCreates idempotency,
            AuditRecorder audit,
            IdGenerator ids,
            Clock clock,
            Notifier notifier) {
        this.notifier = notifier;
        this.programme = programme;
        this.partners = partners;
        this.idempotency = idempotency;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public List<ProgrammeLevel> levels(Caller caller) {
        AccessPolicy.require(caller, Capability.PROGRAMME_READ);
        return programme.levels();
    }

    @Override
    public ProgrammeLevel level(Caller caller, ProgrammeLevelId id) {
        AccessPolicy.require(caller, Capability.PROGRAMME_READ);
        return find(id);
    }

    @Override
    public Created<ProgrammeLevel> create(Caller caller, LevelCommand c, IdempotencyKey key) {
        AccessPolicy.require(caller, Capability.PROGRAMME_MANAGE);
        ProgrammeLevelId id = new ProgrammeLevelId(ids.newId());
        return idempotency.create(
                caller,
                "create-programme-level",
                key,
                id.value(),
                existing -> find(new ProgrammeLevelId(existing)),
                () -> {
                    Instant now = clock.instant();
                    ProgrammeLevel level = levelOf(id, c, now, now);
                    requireUnique(level, null);
                    programme.saveLevel(level);
                    audit.record(caller, AuditChange.created("programme_level", id.value(), fields(level)), now);
                    return level;
                });
    }

    @Override
    public ProgrammeLevel update(Caller caller, ProgrammeLevelId id, LevelCommand c, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.PROGRAMME_MANAGE);
        ProgrammeLevel before = programme.findLevelForUpdate(id).orElseThrow(() -> notFound(id));
        expected.requireMatch(before.updatedAt());
        Instant now = clock.instant();
        ProgrammeLevel after = levelOf(id, c, before.createdAt(), now);
        requireUnique(after, id);
        AuditChange changes =
                AuditChange.changed("update", "programme_level", id.value(), fields(before), fields(after));
        if (changes.isEmpty()) {
            return before;
        }
        programme.saveLevel(after);
        audit.record(caller, changes, now);
        return after;
    }

    @Override
    public void delete(Caller caller, ProgrammeLevelId id, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.PROGRAMME_MANAGE);
        ProgrammeLevel level = programme.findLevelForUpdate(id).orElseThrow(() -> notFound(id));
        expected.requireMatch(level.updatedAt());
        if (programme.levelInUse(id)) {
            throw new DomainException(
                    ErrorCode.PROGRAMME_LEVEL_IN_USE, "A partner holds or held this level; its history keeps it");
        }
        programme.deleteLevel(id);
        audit.record(
                caller,
                AuditChange.changed("delete", "programme_level", id.value(), fields(level), Map.of()),
                clock.instant());
    }

    @Override
    public LevelAssignment assign(Caller caller, PartnerId partnerId, ProgrammeLevelId levelId, String reason) {
        AccessPolicy.require(caller, Capability.PROGRAMME_MANAGE);
        // the partner's row stays locked until the level is assigned
        if (partners.findByIdForUpdate(partnerId).isEmpty()) {
            throw DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", partnerId);
        }
        if (levelId == null) {
            throw DomainException.invalid("level_id", "is required");
        }
        ProgrammeLevel level = programme
                .findLevel(levelId)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.PROGRAMME_LEVEL_NOT_FOUND,
                        "Programme level " + levelId + " was not found",
                        List.of(new com.tentabo.prm.domain.shared.FieldViolation("level_id", "no such level"))));
        String why = Registration.requireReason(reason);
        Optional<LevelAssignment> current = programme.currentAssignment(partnerId);
        Instant now = clock.instant();
        AuditAuthor author = AuditAuthor.of(caller);
        LevelAssignment assignment = new LevelAssignment(
                new LevelAssignmentId(ids.newId()),
                partnerId,
                level.id(),
                level.name(),
                level.rank(),
                now,
                null,
                why,
                author.userId(),
                EntityId.uuid(author.adminUserId()));
        programme.assign(assignment);
        audit.record(
                author,
                AuditChange.changed(
                        "assign_level",
                        "partner",
                        partnerId.value(),
                        Map.of(
                                "programme_level",
                                current.map(LevelAssignment::levelName).orElse("none")),
                        Map.of("programme_level", level.name())),
                now);
        notifier.notify(NotificationEvents.levelChanged(
                assignment.id(),
                partnerId,
                level.name(),
                current.map(LevelAssignment::levelName).orElse(null),
                why,
                now,
                false));
        return assignment;
    }

    @Override
    public List<LevelAssignment> history(Caller caller, PartnerId partnerId) {
        AccessPolicy.require(caller, Capability.PROGRAMME_READ);
        requirePartnerInScope(caller, partnerId);
        return programme.history(partnerId);
    }

    @Override
    public LevelProgress progress(Caller caller, PartnerId partnerId) {
        AccessPolicy.require(caller, Capability.PROGRAMME_READ);
        requirePartnerInScope(caller, partnerId);
        Instant until = clock.instant();
        Instant since = ProgrammeLevel.trailingPeriodStart(until);
        Optional<LevelAssignment> current = programme.currentAssignment(partnerId);
        ProgrammeLevel level =
                current.flatMap(a -> programme.findLevel(a.levelId())).orElse(null);
        BigDecimal bookings = programme.bookings(partnerId, since, until);
        long won = programme.wonRegistrations(partnerId, since, until);
        ProgrammeLevel next = programme.levels().stream()
                .filter(l -> level == null || l.rank() > level.rank())
                .findFirst()
                .orElse(null);
        BigDecimal bookingsToGo = next == null
                ? null
                : next.minTrailingBookings()
                        .subtract(bookings)
                        .max(BigDecimal.ZERO)
                        .setScale(2);
        long wonToGo = next == null ? 0 : Math.max(0, next.minWonRegistrations() - won);
        return new LevelProgress(
                partnerId,
                level,
                current.map(LevelAssignment::validFrom).orElse(null),
                since,
                until,
                bookings.setScale(2),
                won,
                next,
                bookingsToGo,
                wonToGo);
    }

    private void requirePartnerInScope(Caller caller, PartnerId partnerId) {
        if (!AccessPolicy.inScope(caller, new TenantRef(partnerId, null))
                || partners.findById(partnerId).isEmpty()) {
            throw DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", partnerId);
        }
    }

    private void requireUnique(ProgrammeLevel level, ProgrammeLevelId except) {
        for (ProgrammeLevel other : programme.levels()) {
            if (other.id().equals(except)) {
                continue;
            }
            if (other.name().equalsIgnoreCase(level.name())) {
                throw new DomainException(
                        ErrorCode.DUPLICATE_VALUE,
                        "A level is named " + other.name() + " already",
                        List.of(new com.tentabo.prm.domain.shared.FieldViolation("name", "is taken")));
            }
            if (other.rank() == level.rank()) {
                throw new DomainException(
                        ErrorCode.DUPLICATE_VALUE,
                        "The level " + other.name() + " has rank " + other.rank() + " already",
                        List.of(new com.tentabo.prm.domain.shared.FieldViolation("rank", "is taken")));
            }
        }
    }

    private ProgrammeLevel find(ProgrammeLevelId id) {
        return programme.findLevel(id).orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(ProgrammeLevelId id) {
        return DomainException.notFound(ErrorCode.PROGRAMME_LEVEL_NOT_FOUND, "Programme level", id);
    }

    private static Map<String, Object> fields(ProgrammeLevel l) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", l.name());
        f.put("rank", l.rank());
        f.put("discount_percentage", l.discountPercentage().toString());
        f.put("registration_bonus_percentage", l.registrationBonusPercentage().toString());
        f.put("protection_days", l.protectionDays());
        f.put("min_trailing_bookings", l.minTrailingBookings().toPlainString());
        f.put("min_won_registrations", l.minWonRegistrations());
        return f;
    }

    /** The level a command describes, with its id and times. */
    private static ProgrammeLevel levelOf(ProgrammeLevelId id, LevelCommand c, Instant createdAt, Instant updatedAt) {
        return ProgrammeLevel.of(
                id,
                c.name(),
                c.rank(),
                c.discountPercentage(),
                c.registrationBonusPercentage(),
                c.protectionDays(),
                c.minTrailingBookings(),
                c.minWonRegistrations(),
                createdAt,
                updatedAt);
    }
}
