package com.tentabo.prm.domain.company;

import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.AssignmentId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.PartnerId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A partner assigned to a distributor (table {@code distributor_partners}). Invariants: one assignment per
 * (distributor, partner) pair; only an <em>active</em> assignment widens the distributor's scope;
 * {@code assignedBy} is the admin account that assigned (null when a provider user did).
 */
public record Assignment(
        AssignmentId id,
        DistributorId distributorId,
        PartnerId partnerId,
        Instant assignedAt,
        AdminUserId assignedBy,
        boolean active,
        String notes,
        Instant createdAt,
        Instant updatedAt) {

    public Assignment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(distributorId, "distributorId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(assignedAt, "assignedAt");
        notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    public static Assignment assign(
            AssignmentId id,
            DistributorId distributorId,
            PartnerId partnerId,
            AdminUserId assignedBy,
            String notes,
            Instant at) {
        return new Assignment(id, distributorId, partnerId, at, assignedBy, true, notes, at, at);
    }

    public Assignment withActive(boolean nowActive, Instant at) {
        return new Assignment(id, distributorId, partnerId, assignedAt, assignedBy, nowActive, notes, createdAt, at);
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("distributor_id", distributorId.value());
        map.put("partner_id", partnerId.value());
        map.put("assigned_by", EntityId.uuid(assignedBy));
        map.put("is_active", active);
        map.put("notes", notes);
        return map;
    }
}
