package com.tentabo.prm.domain.access;

import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.util.Objects;

/**
 * The one access policy: which role may do what ({@link Capability}) and which records a caller may see
 * ({@link #inScope}). The application layer applies it to every use case, by-id access and lists alike.
 *
 * <p>Invariants: a record outside the caller's scope is reported exactly as a missing record (not found);
 * an API key without the WRITE scope never changes anything, one without the READ scope never reads anything.
 */
public final class AccessPolicy {

    private AccessPolicy() {}

    public static boolean can(Caller caller, Capability capability) {
        Objects.requireNonNull(caller, "caller");
        if (!caller.scopes().contains(capability.readOnly() ? ApiScope.READ : ApiScope.WRITE)) {
            return false;
        }
        return capability.grantedTo(caller.role());
    }

    /** Refuses with 403 {@code FORBIDDEN} when the caller's role (or key scope) does not grant the capability. */
    public static void require(Caller caller, Capability capability) {
        if (!can(caller, capability)) {
            throw new DomainException(
                    ErrorCode.FORBIDDEN,
                    "Your role or credential does not allow "
                            + capability
                                    .name()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace('_', ' '));
        }
    }

    /**
     * Partners see their own records; distributors the records of the partners actively assigned to them now and
     * their own records without a partner (a record of a partner no longer assigned is out of scope, whatever
     * distributor it is stamped with); others see all.
     */
    public static boolean inScope(Caller caller, TenantRef record) {
        Objects.requireNonNull(record, "record");
        return switch (caller.role()) {
            case PARTNER -> caller.partnerId().equals(record.partnerId());
            case DISTRIBUTOR ->
                record.partnerId() == null
                        ? caller.distributorId().equals(record.distributorId())
                        : caller.assignedPartnerIds().contains(record.partnerId());
            case ADMIN, RESTRICTED_ADMIN, FULFILLER -> true;
        };
    }

    /**
     * Refuses a record outside the caller's scope with the given not-found code, exactly as if it did not exist.
     */
    public static void requireInScope(Caller caller, TenantRef record, ErrorCode notFound, String what, Object id) {
        if (!inScope(caller, record)) {
            throw DomainException.notFound(notFound, what, id);
        }
    }

    /** The restriction a list query must apply for this caller. */
    public static TenantScope scopeOf(Caller caller) {
        return switch (caller.role()) {
            case PARTNER -> new TenantScope.OfPartner(caller.partnerId());
            case DISTRIBUTOR -> new TenantScope.OfDistributor(caller.distributorId(), caller.assignedPartnerIds());
            case ADMIN, RESTRICTED_ADMIN, FULFILLER -> new TenantScope.Everything();
        };
    }

    /**
     * The tenant a new record gets: partner and distributor users always create in their own company; a
     * caller cannot create a record outside its scope.
     */
    public static TenantRef stampTenant(Caller caller, TenantRef requested) {
        TenantRef wanted = requested == null ? new TenantRef(null, null) : requested;
        return switch (caller.role()) {
            case PARTNER -> {
                if (wanted.partnerId() != null && !wanted.partnerId().equals(caller.partnerId())) {
                    throw DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", wanted.partnerId());
                }
                if (wanted.distributorId() != null) {
                    throw new DomainException(
                            ErrorCode.FORBIDDEN, "A partner user cannot attach a record to a distributor");
                }
                yield new TenantRef(caller.partnerId(), null);
            }
            case DISTRIBUTOR -> {
                if (wanted.partnerId() != null && !caller.assignedPartnerIds().contains(wanted.partnerId())) {
                    throw DomainException.notFound(ErrorCode.PARTNER_NOT_FOUND, "Partner", wanted.partnerId());
                }
                yield new TenantRef(wanted.partnerId(), caller.distributorId());
            }
            case ADMIN, RESTRICTED_ADMIN, FULFILLER -> wanted;
        };
    }

    /**
     * May the caller change a {@code users} row (enable, disable, role, company)? ADMIN may change anyone;
     * RESTRICTED_ADMIN never grants ADMIN, never changes an ADMIN and never changes itself (403).
     *
     * @param targetUserId the {@code users} row to change
     * @param targetRole   its role now (null for a row about to be created)
     * @param newRole      the role it will have (null when the role does not change)
     */
    public static void requireMayAdministerUser(Caller caller, UserId targetUserId, Role targetRole, Role newRole) {
        require(caller, Capability.USERS_MANAGE);
        if (caller.role() != Role.RESTRICTED_ADMIN) {
            return;
        }
        if (targetUserId != null
                && (targetUserId.value().equals(caller.principalId()) || targetUserId.equals(caller.userId()))) {
            throw new DomainException(ErrorCode.FORBIDDEN, "A restricted admin cannot change its own account");
        }
        if (targetRole == Role.ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN, "A restricted admin cannot change an ADMIN user");
        }
        if (newRole == Role.ADMIN) {
            throw new DomainException(ErrorCode.FORBIDDEN, "A restricted admin cannot grant the ADMIN role");
        }
    }

    /**
     * May the caller read the given user? Admins read every user; partner and distributor users read the users of
     * the companies in their scope; anyone else is refused with 403. Out of scope answers 404 USER_NOT_FOUND.
     */
    public static void requireMayReadUser(Caller caller, UserId userId, TenantRef userCompany) {
        if (can(caller, Capability.USERS_READ)) {
            return;
        }
        require(caller, Capability.COLLEAGUES_READ);
        boolean hasCompany = userCompany.partnerId() != null || userCompany.distributorId() != null;
        if (!hasCompany || !inScope(caller, userCompany)) {
            throw DomainException.notFound(ErrorCode.USER_NOT_FOUND, "User", userId);
        }
    }
}
