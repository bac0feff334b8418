package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.AdminUser;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * The {@code users} row that authors a business record (lead owner, order creator, note author). A user is its
 * own author; an admin account gets a linked {@code users} row (provider {@code database}, provider id = the
 * admin's id, role ADMIN, enabled) the first time it acts on business data (DOMAIN.md).
 */
@ApplicationScoped
public class AuthorLinks {

    private final AdminUserRepository admins;
    private final UserRepository users;
    private final IdGenerator ids;
    private final Clock clock;

    public AuthorLinks(AdminUserRepository admins, UserRepository users, IdGenerator ids, Clock clock) {
        this.admins = admins;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
    }

    /** Runs in the caller's transaction, so the link is created with the record it authors. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UserId authorOf(Caller caller) {
        if (caller.kind() == PrincipalKind.USER) {
            return caller.userPrincipalId();
        }
        if (caller.userId() != null) {
            return caller.userId();
        }
        return users.findByProvider("database", caller.principalId().toString())
                .map(UserAccount::id)
                .orElseGet(() -> link(caller.adminUserId()));
    }

    private UserId link(AdminUserId adminId) {
        AdminUser admin = admins.findById(adminId)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.UNAUTHENTICATED, "The admin account behind this credential no longer exists"));
        UserAccount linked = UserAccount.linkedToAdmin(new UserId(ids.newId()), admin, clock.instant());
        users.save(linked);
        return linked.id();
    }
}
