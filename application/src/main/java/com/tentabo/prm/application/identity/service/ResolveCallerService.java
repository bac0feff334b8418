package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.access.port.out.ScopeDirectory;
import com.tentabo.prm.application.identity.port.in.ResolveCallerUseCase;
import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.identity.AdminUser;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class ResolveCallerService implements ResolveCallerUseCase {

    private final AdminUserRepository admins;
    private final UserRepository users;
    private final ScopeDirectory scopes;

    public ResolveCallerService(AdminUserRepository admins, UserRepository users, ScopeDirectory scopes) {
        this.admins = admins;
        this.users = users;
        this.scopes = scopes;
    }

    @Override
    public Caller resolve(PrincipalKind kind, UUID principalId, RequestOrigin origin) {
        return switch (kind) {
            case ADMIN_USER -> admin(principalId, origin);
            case USER -> user(principalId, origin);
        };
    }

    private Caller admin(UUID id, RequestOrigin origin) {
        AdminUser admin = admins.findById(id).orElseThrow(ResolveCallerService::unknown);
        if (!admin.active()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This admin account is disabled");
        }
        UUID linkedUser = users.findByProvider("database", admin.id().toString()).map(UserAccount::id).orElse(null);
        return new Caller(PrincipalKind.ADMIN_USER, admin.id(), linkedUser, admin.username(), Role.ADMIN,
                null, null, Set.of(), null, origin);
    }

    private Caller user(UUID id, RequestOrigin origin) {
        UserAccount user = users.findById(id).orElseThrow(ResolveCallerService::unknown);
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
        Set<UUID> assigned = user.role() == Role.DISTRIBUTOR ? scopes.activePartnerIdsOf(user.distributorId()) : Set.of();
        return new Caller(PrincipalKind.USER, user.id(), user.id(), user.username() != null ? user.username() : user.email(),
                user.role(), user.role() == Role.PARTNER ? user.partnerId() : null,
                user.role() == Role.DISTRIBUTOR ? user.distributorId() : null, assigned, null, origin);
    }

    private static DomainException unknown() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "The account behind this credential no longer exists");
    }
}
