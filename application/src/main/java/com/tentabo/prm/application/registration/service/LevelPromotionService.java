package com.tentabo.prm.application.registration.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.PartnerFigures;
import com.tentabo.prm.application.registration.port.in.PromoteLevelsUseCase;
import com.tentabo.prm.application.registration.port.out.ProgrammeRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.LevelAssignmentId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProgrammeLevelId;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Automatic promotion in the programme: reads the candidates in one transaction, then promotes each in its own, which
 * locks the partner's row (as a staff assignment does), reads its level and figures again and promotes it only if
 * they still meet the next level's thresholds — so that one partner's failure does not undo the others, and instances
 * running the job at once, or a staff assignment meanwhile, promote a partner once at most. Never demotes: moving a
 * partner down is a staff decision (docs/registrations.md). The thresholds, the period and the reason shown are the
 * level's rules ({@link ProgrammeLevel#promotion}, {@link ProgrammeLevel#trailingPeriodStart},
 * {@link ProgrammeLevel#promotionReason}).
 */
@ApplicationScoped
public class LevelPromotionService implements PromoteLevelsUseCase {

    /** Who the audit log names for an automatic promotion. */
    public static final String ACTOR = "programme-promotion-job";

    private final Transactions tx;
    private final ProgrammeRepository programme;
    private final PartnerRepository partners;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Notifier notifier;
    private final Clock clock;

    public LevelPromotionService(
            Transactions tx,
            ProgrammeRepository programme,
            PartnerRepository partners,
            AuditRecorder audit,
            IdGenerator ids,
            Notifier notifier,
            Clock clock) {
        this.tx = tx;
        this.programme = programme;
        this.partners = partners;
        this.audit = audit;
        this.ids = ids;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Override
    public int promoteDue() {
        Instant now = clock.instant();
        int promoted = 0;
        for (PartnerId partner : tx.requiringNew(() -> candidates(now))) {
            if (promote(partner, now)) {
                promoted++;
            }
        }
        return promoted;
    }

    /**
     * Promotes the partner, in a transaction of its own, if its figures, read again under the partner's lock, still
     * call for it; whether it did.
     */
    public boolean promote(PartnerId partnerId, Instant now) {
        return tx.requiringNew(() -> promoteLocked(partnerId, now));
    }

    /** The partners whose figures, as read now, meet their next level's thresholds. */
    private List<PartnerId> candidates(Instant now) {
        List<ProgrammeLevel> levels = programme.levels();
        Map<ProgrammeLevelId, ProgrammeLevel> byId =
                levels.stream().collect(Collectors.toMap(ProgrammeLevel::id, Function.identity()));
        return programme.activeFigures(ProgrammeLevel.trailingPeriodStart(now), now).stream()
                .filter(f -> ProgrammeLevel.promotion(
                                levels,
                                f.levelId() == null ? null : byId.get(f.levelId()),
                                f.trailingBookings(),
                                f.wonRegistrations())
                        .isPresent())
                .map(PartnerFigures::partnerId)
                .toList();
    }

    private boolean promoteLocked(PartnerId partnerId, Instant now) {
        Optional<Company<PartnerId>> partner = partners.findByIdForUpdate(partnerId);
        if (partner.isEmpty() || !partner.get().active()) {
            return false;
        }
        Instant since = ProgrammeLevel.trailingPeriodStart(now);
        Optional<LevelAssignment> current = programme.currentAssignment(partnerId);
        ProgrammeLevel level =
                current.flatMap(a -> programme.findLevel(a.levelId())).orElse(null);
        BigDecimal bookings = programme.bookings(partnerId, since, now).setScale(2);
        long won = programme.wonRegistrations(partnerId, since, now);
        Optional<ProgrammeLevel> target = ProgrammeLevel.promotion(programme.levels(), level, bookings, won);
        if (target.isEmpty()) {
            return false;
        }
        ProgrammeLevel to = target.get();
        String reason = to.promotionReason(bookings, won);
        LevelAssignment assignment = new LevelAssignment(
                new LevelAssignmentId(ids.newId()),
                partnerId,
                to.id(),
                to.name(),
                to.rank(),
                now,
                null,
                reason,
                null,
                null);
        programme.assign(assignment);
        audit.recordByWorker(
                ACTOR,
                AuditChange.changed(
                        "promote_level",
                        "partner",
                        partnerId.value(),
                        Map.of("programme_level", level == null ? "none" : level.name()),
                        Map.of(
                                "programme_level",
                                to.name(),
                                "trailing_bookings",
                                bookings.toPlainString(),
                                "won_registrations",
                                won)),
                now);
        notifier.notify(NotificationEvents.levelChanged(
                assignment.id(), partnerId, to.name(), level == null ? null : level.name(), reason, now, true));
        return true;
    }
}
