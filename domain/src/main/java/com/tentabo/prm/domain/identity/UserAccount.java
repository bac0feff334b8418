package com.tentabo.prm.domain.identity;

import com.tentabo.prm.domain.access.Role;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A provider user ({@code users}): created disabled at first login, enabled by an admin who sets its role and
 * company. Invariants: a PARTNER user belongs to a partner, a DISTRIBUTOR user to a distributor, others to none
 * (checked when the role or company is set; legacy rows are read as they are).
 */
public record UserAccount(UUID id, String provider, String providerId, String email, String fullName,
                          String username, Role role, boolean enabled, UUID enabledBy, Instant enabledAt,
                          UUID partnerId, UUID distributorId, Instant createdAt, Instant updatedAt,
                          Instant lastLogin) {
    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The {@code users} row that makes an admin account the author of business records (DOMAIN.md). */
    public static UserAccount linkedToAdmin(UUID id, AdminUser admin, Instant now) {
        return new UserAccount(id, "database", admin.id().toString(), admin.email(), admin.fullName(),
                admin.username(), Role.ADMIN, true, admin.id(), now, null, null, now, now, null);
    }
}
