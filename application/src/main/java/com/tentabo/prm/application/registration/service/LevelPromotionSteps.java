package com.tentabo.prm.application.registration.service;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.registration.LevelAssignment;
import com.tentabo.prm.application.registration.PartnerFigures;
import com.tentabo.prm.application.registration.port.out.ProgrammeRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.company.Partner;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The promotion job's transactions: reading the candidates, then one transaction per partner that locks the partner's
 * row (as a staff assignment does), reads its level and figures again and promotes it only if they still meet the next
 * level's thresholds — so that instances running the job at once, or a staff assignment meanwhile, promote a partner
 * once at most.
 */
@ApplicationScoped
public class LevelPromotionSteps {

    /** Who the audit log names for an automatic promotion. */
    public static final String ACTOR = "programme-promotion-job";

    private final ProgrammeRepository programme;
    private final PartnerRepository partners;
    private final AuditLogRepository audit;
    private final IdGenerator ids;
    private final Notifier notifier;

    public LevelPromotionSteps(ProgrammeRepository programme, PartnerRepository partners, AuditLogRepository audit,
                               IdGenerator ids, Notifier notifier) {
        this.notifier = notifier;
        this.programme = programme;
        this.partners = partners;
        this.audit = audit;
        this.ids = ids;
    }

    /** The trailing 12 months ending at {@code now}: the period of progress and promotion. */
    static Instant periodStart(Instant now) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(12).toInstant();
    }

    /** The partners whose figures, as read now, meet their next level's thresholds. */
    @Transactional
    public List<UUID> candidates(Instant now) {
        List<ProgrammeLevel> levels = programme.levels();
        Map<UUID, ProgrammeLevel> byId = levels.stream().collect(java.util.stream.Collectors.toMap(ProgrammeLevel::id, l -> l));
        return programme.activeFigures(periodStart(now), now).stream()
                .filter(f -> ProgrammeLevel.promotion(levels, f.levelId() == null ? null : byId.get(f.levelId()),
                        f.trailingBookings(), f.wonRegistrations()).isPresent())
                .map(PartnerFigures::partnerId).toList();
    }

    /** Promotes the partner if its figures, read again under the partner's lock, still call for it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean promote(UUID partnerId, Instant now) {
        Optional<Partner> partner = partners.findByIdForUpdate(partnerId);
        if (partner.isEmpty() || !partner.get().active()) {
            return false;
        }
        Optional<LevelAssignment> current = programme.currentAssignment(partnerId);
        ProgrammeLevel level = current.flatMap(a -> programme.findLevel(a.levelId())).orElse(null);
        BigDecimal bookings = programme.bookings(partnerId, periodStart(now), now).setScale(2);
        long won = programme.wonRegistrations(partnerId, periodStart(now), now);
        Optional<ProgrammeLevel> target = ProgrammeLevel.promotion(programme.levels(), level, bookings, won);
        if (target.isEmpty()) {
            return false;
        }
        ProgrammeLevel to = target.get();
        String reason = "Automatic promotion: trailing 12-month bookings " + bookings.toPlainString() + " and " + won
                + " won registration(s) meet the thresholds of " + to.name();
        LevelAssignment assignment = new LevelAssignment(ids.newId(), partnerId, to.id(), to.name(), to.rank(), now, null,
                reason, null, null);
        programme.assign(assignment);
        audit.append(new AuditEntry(ids.newId(), null, null, "promote_level", "partner", partnerId,
                Changes.diff(Map.of("programme_level", level == null ? "none" : level.name()),
                        Map.of("programme_level", to.name(), "trailing_bookings", bookings.toPlainString(),
                                "won_registrations", won)), null, ACTOR, now));
        notifier.notify(NotificationEvents.levelChanged(assignment.id(), partnerId, to.name(),
                level == null ? null : level.name(), reason, now, true));
        return true;
    }
}
