package com.tentabo.prm.domain.access;

import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated principal of one request, as the access policy needs it.
 *
 * @param kind               admin account or provider user
 * @param principalId        id of the {@code admin_users} or {@code users} row
 * @param userId             the {@code users} row that authors business records: the user itself, or for an
 *                           admin account its linked {@code users} row (null until it is first needed)
 * @param username           for logs and audit
 * @param role               role of the principal (admin accounts are always {@link Role#ADMIN})
 * @param partnerId          the partner of a PARTNER user, else null
 * @param distributorId      the distributor of a DISTRIBUTOR user, else null
 * @param assignedPartnerIds for a DISTRIBUTOR user: the partners assigned to its distributor by an
 *                           <em>active</em> assignment, read at the start of the request
 * @param scopes             what the credential allows (a JWT allows both; an API key may allow only one of them)
 * @param origin             client address and user agent, for the audit log
 */
public record Caller(
        PrincipalKind kind,
        UUID principalId,
        UserId userId,
        String username,
        Role role,
        PartnerId partnerId,
        DistributorId distributorId,
        Set<PartnerId> assignedPartnerIds,
        Set<ApiScope> scopes,
        RequestOrigin origin) {

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(principalId, "principalId");
        Objects.requireNonNull(role, "role");
        assignedPartnerIds = assignedPartnerIds == null ? Set.of() : Set.copyOf(assignedPartnerIds);
        scopes = scopes == null ? Set.of(ApiScope.READ, ApiScope.WRITE) : Set.copyOf(scopes);
        origin = origin == null ? RequestOrigin.UNKNOWN : origin;
        if (role == Role.PARTNER && partnerId == null) {
            throw new IllegalArgumentException("a PARTNER caller belongs to a partner");
        }
        if (role == Role.DISTRIBUTOR && distributorId == null) {
            throw new IllegalArgumentException("a DISTRIBUTOR caller belongs to a distributor");
        }
    }

    /** A caller with every scope and no distributor assignments (tests and internal jobs). */
    public static Caller of(
            PrincipalKind kind,
            UUID principalId,
            UserId userId,
            String username,
            Role role,
            PartnerId partnerId,
            DistributorId distributorId) {
        return new Caller(kind, principalId, userId, username, role, partnerId, distributorId, Set.of(), null, null);
    }

    public Caller withUserId(UserId linkedUserId) {
        return new Caller(
                kind,
                principalId,
                linkedUserId,
                username,
                role,
                partnerId,
                distributorId,
                assignedPartnerIds,
                scopes,
                origin);
    }

    public Caller withAssignedPartners(Set<PartnerId> partnerIds) {
        return new Caller(
                kind, principalId, userId, username, role, partnerId, distributorId, partnerIds, scopes, origin);
    }

    public Caller withScopes(Set<ApiScope> newScopes) {
        return new Caller(
                kind,
                principalId,
                userId,
                username,
                role,
                partnerId,
                distributorId,
                assignedPartnerIds,
                newScopes,
                origin);
    }

    public Caller withOrigin(RequestOrigin newOrigin) {
        return new Caller(
                kind,
                principalId,
                userId,
                username,
                role,
                partnerId,
                distributorId,
                assignedPartnerIds,
                scopes,
                newOrigin);
    }

    public boolean isAdminAccount() {
        return kind == PrincipalKind.ADMIN_USER;
    }

    /** The {@code admin_users} row of an admin account ({@link #principalId} typed); null for a user. */
    public AdminUserId adminUserId() {
        return kind == PrincipalKind.ADMIN_USER ? new AdminUserId(principalId) : null;
    }

    /**
     * The {@code users} row of a user principal ({@link #principalId} typed); null for an admin account, whose
     * linked {@code users} row is {@link #userId}.
     */
    public UserId userPrincipalId() {
        return kind == PrincipalKind.USER ? new UserId(principalId) : null;
    }

    public boolean hasRole(Role candidate) {
        return role == candidate;
    }
}
