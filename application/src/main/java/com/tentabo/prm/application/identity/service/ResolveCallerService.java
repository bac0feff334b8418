package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.in.ResolveCallerUseCase;
import com.tentabo.prm.application.identity.port.out.PrincipalDirectory;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * Turns a verified credential into the {@link Caller} of one request, reading the account afresh each time: a disabled
 * account or a withdrawn partner assignment takes effect on the next request. One read per request and no
 * transaction of its own (the directory reads in one round trip), since every API request pays for it.
 */
@ApplicationScoped
public class ResolveCallerService implements ResolveCallerUseCase {

    private final PrincipalDirectory principals;

    public ResolveCallerService(PrincipalDirectory principals) {
        this.principals = principals;
    }

    @Override
    public Caller resolve(PrincipalKind kind, UUID principalId, RequestOrigin origin) {
        return switch (kind) {
            case ADMIN_USER -> admin(principalId, origin);
            case USER -> user(principalId, origin);
        };
    }

    private Caller admin(UUID id, RequestOrigin origin) {
        PrincipalDirectory.AdminPrincipal admin = principals.admin(id).orElseThrow(ResolveCallerService::unknown);
        if (!admin.active()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This admin account is disabled");
        }
        return new Caller(PrincipalKind.ADMIN_USER, admin.id(), admin.linkedUserId(), admin.username(), Role.ADMIN,
                null, null, Set.of(), null, origin);
    }

    private Caller user(UUID id, RequestOrigin origin) {
        PrincipalDirectory.UserPrincipal principal = principals.user(id).orElseThrow(ResolveCallerService::unknown);
        UserAccount user = principal.account();
        if (!user.enabled()) {
            throw user.enabledAt() == null
                    ? new DomainException(ErrorCode.ACCOUNT_PENDING_APPROVAL,
                            "Your account is pending approval by an administrator")
                    : new DomainException(ErrorCode.ACCOUNT_DISABLED, "Your account is disabled");
        }
        if ((user.role() == Role.PARTNER && user.partnerId() == null)
                || (user.role() == Role.DISTRIBUTOR && user.distributorId() == null)) {
            throw new DomainException(ErrorCode.ACCOUNT_PENDING_APPROVAL,
                    "Your account has no company yet; an administrator must assign one");
        }
        Set<UUID> assigned = user.role() == Role.DISTRIBUTOR ? principal.assignedPartnerIds() : Set.of();
        return new Caller(PrincipalKind.USER, user.id(), user.id(), user.username() != null ? user.username() : user.email(),
                user.role(), user.role() == Role.PARTNER ? user.partnerId() : null,
                user.role() == Role.DISTRIBUTOR ? user.distributorId() : null, assigned, null, origin);
    }

    private static DomainException unknown() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "The account behind this credential no longer exists");
    }
}
