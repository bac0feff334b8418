package com.tentabo.prm.application.registration.service;

import com.tentabo.prm.application.audit.AuditAuthor;
import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.registration.HistoryEntry;
import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.port.out.ProgrammeRepository;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.RegistrationHistoryId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.pricing.ProgrammeDiscount;
import com.tentabo.prm.domain.registration.CustomerKeys;
import com.tentabo.prm.domain.registration.ProgrammeLevel;
import com.tentabo.prm.domain.registration.Registration;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What the partner programme means for a quote or an order: the partner's level discount {@code p}, the level's
 * registration bonus {@code b} when the order converts the partner's own APPROVED, still protected registration (which
 * then becomes CONVERTED), and the flag raised for staff when an order is placed for a customer another partner's
 * registration protects (the order is not blocked).
 */
@ApplicationScoped
public class ProgrammeTerms {

    /** The discount to price with, and the registration the order converts (or null). */
    public record Terms(ProgrammeDiscount discount, Registration converts) {
        public static final Terms NONE = new Terms(ProgrammeDiscount.NONE, null);
    }

    private final ProgrammeRepository programme;
    private final RegistrationRepository registrations;
    private final ConflictCheck conflicts;
    private final AuditRecorder audit;
    private final IdGenerator ids;

    public ProgrammeTerms(
            ProgrammeRepository programme,
            RegistrationRepository registrations,
            ConflictCheck conflicts,
            AuditRecorder audit,
            IdGenerator ids) {
        this.programme = programme;
        this.registrations = registrations;
        this.conflicts = conflicts;
        this.audit = audit;
        this.ids = ids;
    }

    /** The partner's level discount (no bonus): quotes, renewals. {@link ProgrammeDiscount#NONE} without a partner or level. */
    public ProgrammeDiscount levelDiscount(PartnerId partnerId) {
        if (partnerId == null) {
            return ProgrammeDiscount.NONE;
        }
        return programme
                .currentAssignment(partnerId)
                .flatMap(a -> programme.findLevel(a.levelId()))
                .map(l -> l.discount(false))
                .orElse(ProgrammeDiscount.NONE);
    }

    /**
     * The terms of an order of {@code tenant} for {@code leadId} (may be null), as of {@code now}, with the partner's
     * current {@code level} ({@code null} when it has none) already read: placing an order reads it in the round trip
     * of its other facts.
     */
    public Terms forOrder(TenantRef tenant, LeadId leadId, ProgrammeLevel level, Instant now) {
        Registration protecting = leadId == null
                ? null
                : registrations
                        .findLiveForLead(leadId)
                        .filter(r -> r.protects(now)
                                && tenant.partnerId() != null
                                && tenant.partnerId().equals(r.tenant().partnerId()))
                        .orElse(null);
        if (tenant.partnerId() == null) {
            return Terms.NONE;
        }
        ProgrammeDiscount discount = level == null ? ProgrammeDiscount.NONE : level.discount(protecting != null);
        return new Terms(discount, protecting);
    }

    /**
     * After the order is written: converts the registration it came from, and flags the order to staff against every
     * other partner's APPROVED registration that protects the lead's customer.
     */
    public void afterOrderPlaced(
            Caller caller, OrderId orderId, TenantRef tenant, Lead lead, Terms terms, Instant now) {
        if (terms.converts() != null) {
            Registration before = terms.converts();
            Registration after = before.convert(now);
            registrations.update(after, before.version());
            registrations.linkOrder(after.id(), orderId);
            AuditAuthor author = AuditAuthor.of(caller);
            registrations.appendHistory(new HistoryEntry(
                    new RegistrationHistoryId(ids.newId()),
                    after.id(),
                    "convert",
                    RegistrationStatus.APPROVED,
                    RegistrationStatus.CONVERTED,
                    "order " + orderId,
                    author.userId(),
                    EntityId.uuid(author.adminUserId()),
                    now));
            audit.record(
                    author,
                    AuditChange.changed(
                            "convert",
                            RegistrationService.ENTITY,
                            after.id().value(),
                            Map.of("status", "APPROVED"),
                            Map.of("status", "CONVERTED", "order_id", orderId.toString())),
                    now);
        }
        if (lead == null) {
            return;
        }
        Optional<Registration> own = registrations.findLatestForLead(lead.id());
        String orgKey = own.map(r -> r.customer().organizationKey())
                .orElse(CustomerKeys.organization(lead.details().organization()));
        String regKey = own.map(r -> r.customer().registrationKey()).orElse(null);
        String domainKey = own.map(r -> r.customer().domainKey())
                .orElse(CustomerKeys.domain(lead.details().contactEmail()));
        for (Match m : conflicts.matches(orgKey, regKey, domainKey, tenant)) {
            if (Match.REGISTRATION.equals(m.kind())
                    && "APPROVED".equals(m.status())
                    && m.protectionEndsAt() != null
                    && m.protectionEndsAt().isAfter(now)) {
                registrations.flagOrder(orderId, new RegistrationId(m.id()), now);
                audit.record(
                        caller,
                        AuditChange.changed(
                                "flag_protected_customer",
                                "order",
                                orderId.value(),
                                Map.of(),
                                Map.of(
                                        "protected_by_registration_id",
                                        m.id().toString(),
                                        "match",
                                        m.reason().name())),
                        now);
            }
        }
    }
}
