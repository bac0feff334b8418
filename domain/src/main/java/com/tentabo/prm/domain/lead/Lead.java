package com.tentabo.prm.domain.lead;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadHistoryId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sales opportunity in the pipeline (table {@code leads}).
 *
 * <p>Invariants: valid {@link LeadDetails}; an owner ({@code users} row) always; the status only changes through
 * {@link #moveTo}, following the transition table of {@link LeadStatus}, and every change yields exactly one
 * {@link StatusChange}; reopening a LOST lead is reserved to admins and the owner; WON is final; the tenant
 * (partner, distributor) is fixed at creation. Leads created through this API carry provider name
 * {@value #OWN_PROVIDER}.
 */
public final class Lead {

    public static final String OWN_PROVIDER = "tentabo";

    private final LeadId id;
    private final String providerName;
    private final String providerId;
    private final LeadDetails details;
    private final LeadStatus status;
    private final UserId ownerId;
    private final TenantRef tenant;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Lead(
            LeadId id,
            String providerName,
            String providerId,
            LeadDetails details,
            LeadStatus status,
            UserId ownerId,
            TenantRef tenant,
            Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.providerId = providerId;
        this.details = Objects.requireNonNull(details, "details");
        this.status = Objects.requireNonNull(status, "status");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.tenant = tenant == null ? new TenantRef(null, null) : tenant;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A stored lead as it is. */
    public static Lead restore(
            LeadId id,
            String providerName,
            String providerId,
            LeadDetails details,
            LeadStatus status,
            UserId ownerId,
            TenantRef tenant,
            Instant createdAt,
            Instant updatedAt) {
        return new Lead(id, providerName, providerId, details, status, ownerId, tenant, createdAt, updatedAt);
    }

    /** A new lead in status NEW, with the history row that records its creation (old status null). */
    public static Created create(
            LeadId id,
            LeadHistoryId historyId,
            LeadDetails details,
            UserId ownerId,
            TenantRef tenant,
            UserId createdBy,
            Instant at) {
        Lead lead = new Lead(id, OWN_PROVIDER, null, details, LeadStatus.NEW, ownerId, tenant, at, at);
        return new Created(lead, new StatusChange(historyId, id, null, LeadStatus.NEW, createdBy, "created", at));
    }

    /**
     * A lead that arrived from a CRM ({@code providerName}, with the CRM's own id): status NEW, its creation recorded
     * with no author (the CRM made it, not a PRM user).
     */
    public static Created imported(
            LeadId id,
            LeadHistoryId historyId,
            String providerName,
            String providerId,
            LeadDetails details,
            UserId ownerId,
            TenantRef tenant,
            Instant at) {
        Objects.requireNonNull(providerId, "providerId");
        Lead lead = new Lead(id, providerName, providerId, details, LeadStatus.NEW, ownerId, tenant, at, at);
        return new Created(
                lead, new StatusChange(historyId, id, null, LeadStatus.NEW, null, "imported from " + providerName, at));
    }

    public record Created(Lead lead, StatusChange history) {}

    public record Moved(Lead lead, StatusChange history) {}

    /**
     * Moves the lead along the pipeline. Refuses an illegal move with {@code ILLEGAL_LEAD_TRANSITION} naming from
     * and to, and a reopening (LOST → NEW) by someone who is neither admin nor owner with {@code FORBIDDEN}.
     */
    public Moved moveTo(
            LeadStatus target,
            LeadHistoryId historyId,
            UserId actorUserId,
            boolean actorIsAdmin,
            String reason,
            Instant at) {
        Objects.requireNonNull(target, "target");
        if (!status.canMoveTo(target)) {
            throw new DomainException(
                    ErrorCode.ILLEGAL_LEAD_TRANSITION,
                    "A lead cannot move from " + name(status) + " to " + name(target)
                            + (status.allowedTargets().isEmpty()
                                    ? " (" + name(status) + " is final)"
                                    : "; allowed: "
                                            + status.allowedTargets().stream()
                                                    .map(Lead::name)
                                                    .sorted()
                                                    .toList()),
                    List.of(new FieldViolation(
                            "status", "from " + name(status) + " to " + name(target) + " is not allowed")));
        }
        if (status == LeadStatus.LOST && !actorIsAdmin && !ownerId.equals(actorUserId)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only an admin or the lead's owner may reopen a lost lead");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        Lead moved = new Lead(id, providerName, providerId, details, target, ownerId, tenant, createdAt, at);
        return new Moved(moved, new StatusChange(historyId, id, status, target, actorUserId, why, at));
    }

    public Lead revise(LeadDetails newDetails, Instant at) {
        return new Lead(id, providerName, providerId, newDetails, status, ownerId, tenant, createdAt, at);
    }

    public Lead reassign(UserId newOwnerId, Instant at) {
        return new Lead(id, providerName, providerId, details, status, newOwnerId, tenant, createdAt, at);
    }

    private static String name(LeadStatus s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The fields the audit log compares. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>(details.asMap());
        map.put("status", status);
        map.put("owner_id", ownerId.value());
        map.put("partner_id", EntityId.uuid(tenant.partnerId()));
        map.put("distributor_id", EntityId.uuid(tenant.distributorId()));
        return map;
    }

    public LeadId id() {
        return id;
    }

    public String providerName() {
        return providerName;
    }

    public String providerId() {
        return providerId;
    }

    public LeadDetails details() {
        return details;
    }

    public LeadStatus status() {
        return status;
    }

    public UserId ownerId() {
        return ownerId;
    }

    public TenantRef tenant() {
        return tenant;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
