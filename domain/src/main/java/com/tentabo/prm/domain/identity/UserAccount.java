package com.tentabo.prm.domain.identity;

import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import java.time.Instant;
import java.util.Objects;

/**
 * A provider user ({@code users}): created disabled at first login, enabled by an admin who sets its role and
 * company. Invariants: a PARTNER user belongs to a partner, a DISTRIBUTOR user to a distributor, others to none
 * (checked when the role or company is set; legacy rows are read as they are).
 */
public record UserAccount(
        UserId id,
        String provider,
        String providerId,
        String email,
        String fullName,
        String username,
        Role role,
        boolean enabled,
        AdminUserId enabledBy,
        Instant enabledAt,
        PartnerId partnerId,
        DistributorId distributorId,
        Instant createdAt,
        Instant updatedAt,
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
    public static UserAccount linkedToAdmin(UserId id, AdminUser admin, Instant now) {
        return new UserAccount(
                id,
                "database",
                admin.id().toString(),
                admin.email(),
                admin.fullName(),
                admin.username(),
                Role.ADMIN,
                true,
                admin.id(),
                now,
                null,
                null,
                now,
                now,
                null);
    }

    /** Role a user gets at its first provider login: PARTNER without a company, which grants nothing until set. */
    public static final Role PENDING_ROLE = Role.PARTNER;

    /** The row created at the first login through a provider: disabled, never enabled, no company. */
    public static UserAccount firstLogin(
            UserId id,
            String provider,
            String providerId,
            String email,
            String fullName,
            String username,
            Instant now) {
        return new UserAccount(
                id,
                provider,
                providerId,
                email,
                fullName,
                username,
                PENDING_ROLE,
                false,
                null,
                null,
                null,
                null,
                now,
                now,
                now);
    }

    /** A user created by an administrator, with its role and company checked. */
    public static UserAccount provisioned(
            UserId id,
            String provider,
            String providerId,
            String email,
            String fullName,
            String username,
            Role role,
            PartnerId partnerId,
            DistributorId distributorId,
            boolean enabled,
            AdminUserId enabledByAdmin,
            Instant now) {
        checkCompany(role, partnerId, distributorId);
        return new UserAccount(
                id,
                provider,
                providerId,
                email,
                fullName,
                username,
                role,
                enabled,
                enabled ? enabledByAdmin : null,
                enabled ? now : null,
                partnerId,
                distributorId,
                now,
                now,
                null);
    }

    /** The company columns, for scope checks. */
    public TenantRef company() {
        return new TenantRef(partnerId, distributorId);
    }

    public UserAccount withEnablement(boolean enable, AdminUserId enabledByAdmin, Instant now) {
        if (enable == enabled) {
            return this;
        }
        return enable
                ? new UserAccount(
                        id,
                        provider,
                        providerId,
                        email,
                        fullName,
                        username,
                        role,
                        true,
                        enabledByAdmin,
                        now,
                        partnerId,
                        distributorId,
                        createdAt,
                        now,
                        lastLogin)
                : new UserAccount(
                        id,
                        provider,
                        providerId,
                        email,
                        fullName,
                        username,
                        role,
                        false,
                        enabledBy,
                        enabledAt != null ? enabledAt : now,
                        partnerId,
                        distributorId,
                        createdAt,
                        now,
                        lastLogin);
    }

    /**
     * A new role with its company: PARTNER needs a partner, DISTRIBUTOR a distributor, the other roles none
     * (their company is cleared).
     */
    public UserAccount withRole(Role newRole, PartnerId newPartnerId, DistributorId newDistributorId, Instant now) {
        PartnerId partner = newRole == Role.PARTNER ? newPartnerId : null;
        DistributorId distributor = newRole == Role.DISTRIBUTOR ? newDistributorId : null;
        checkCompany(newRole, partner, distributor);
        return new UserAccount(
                id,
                provider,
                providerId,
                email,
                fullName,
                username,
                newRole,
                enabled,
                enabledBy,
                enabledAt,
                partner,
                distributor,
                createdAt,
                now,
                lastLogin);
    }

    public UserAccount loggedIn(Instant now) {
        return new UserAccount(
                id,
                provider,
                providerId,
                email,
                fullName,
                username,
                role,
                enabled,
                enabledBy,
                enabledAt,
                partnerId,
                distributorId,
                createdAt,
                updatedAt,
                now);
    }

    static void checkCompany(Role role, PartnerId partnerId, DistributorId distributorId) {
        switch (role) {
            case PARTNER -> {
                if (partnerId == null || distributorId != null) {
                    throw DomainException.invalid("partner_id", "a PARTNER user belongs to exactly one partner");
                }
            }
            case DISTRIBUTOR -> {
                if (distributorId == null || partnerId != null) {
                    throw DomainException.invalid(
                            "distributor_id", "a DISTRIBUTOR user belongs to exactly one distributor");
                }
            }
            default -> {
                if (partnerId != null || distributorId != null) {
                    throw DomainException.invalid("role", "only PARTNER and DISTRIBUTOR users belong to a company");
                }
            }
        }
    }
}
