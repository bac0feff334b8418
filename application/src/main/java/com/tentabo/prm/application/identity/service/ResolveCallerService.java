package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.in.ResolveCallerUseCase;
import com.tentabo.prm.application.identity.port.out.PrincipalDirectory;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a verified credential into the {@link Caller} of one request, reading the account afresh each time: a disabled
 * account, a withdrawn partner assignment or a password set, changed or reset since the credential was issued takes
 * effect on the next request. One read per request and no transaction of its own (the directory reads in one round
 * trip), since every API request pays for it.
 */
@ApplicationScoped
public class ResolveCallerService implements ResolveCallerUseCase {

    private final PrincipalDirectory principals;

    public ResolveCallerService(PrincipalDirectory principals) {
        this.principals = principals;
    }

    @Override
    public Caller resolve(PrincipalKind kind, UUID principalId, Instant issuedAt, RequestOrigin origin) {
        Objects.requireNonNull(issuedAt, "issuedAt");
        return switch (kind) {
            case ADMIN_USER -> admin(new AdminUserId(principalId), issuedAt, origin);
            case USER -> user(new UserId(principalId), issuedAt, origin);
        };
    }

    private Caller admin(AdminUserId id, Instant issuedAt, RequestOrigin origin) {
        PrincipalDirectory.AdminPrincipal admin = principals.admin(id).orElseThrow(ResolveCallerService::unknown);
        refuseIfRevoked(issuedAt, admin.credentialsNotBefore());
        if (!admin.active()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This admin account is disabled");
        }
        return new Caller(
                PrincipalKind.ADMIN_USER,
                admin.id().value(),
                admin.linkedUserId(),
                admin.username(),
                Role.ADMIN,
                null,
                null,
                Set.of(),
                null,
                origin);
    }

    private Caller user(UserId id, Instant issuedAt, RequestOrigin origin) {
        PrincipalDirectory.UserPrincipal principal = principals.user(id).orElseThrow(ResolveCallerService::unknown);
        refuseIfRevoked(issuedAt, principal.credentialsNotBefore());
        UserAccount user = principal.account();
        if (!user.enabled()) {
            throw user.enabledAt() == null
                    ? new DomainException(
                            ErrorCode.ACCOUNT_PENDING_APPROVAL, "Your account is pending approval by an administrator")
                    : new DomainException(ErrorCode.ACCOUNT_DISABLED, "Your account is disabled");
        }
        if ((user.role() == Role.PARTNER && user.partnerId() == null)
                || (user.role() == Role.DISTRIBUTOR && user.distributorId() == null)) {
            throw new DomainException(
                    ErrorCode.ACCOUNT_PENDING_APPROVAL,
                    "Your account has no company yet; an administrator must assign one");
        }
        Set<PartnerId> assigned = user.role() == Role.DISTRIBUTOR ? principal.assignedPartnerIds() : Set.of();
        return new Caller(
                PrincipalKind.USER,
                user.id().value(),
                user.id(),
                user.username() != null ? user.username() : user.email(),
                user.role(),
                user.role() == Role.PARTNER ? user.partnerId() : null,
                user.role() == Role.DISTRIBUTOR ? user.distributorId() : null,
                assigned,
                null,
                origin);
    }

    /** A credential issued before the password was last set, changed or reset no longer works. */
    private static void refuseIfRevoked(Instant issuedAt, Instant notBefore) {
        if (notBefore != null && issuedAt.isBefore(notBefore)) {
            throw new DomainException(
                    ErrorCode.UNAUTHENTICATED,
                    "This credential was revoked when the account's password changed; sign in again");
        }
    }

    private static DomainException unknown() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "The account behind this credential no longer exists");
    }
}
