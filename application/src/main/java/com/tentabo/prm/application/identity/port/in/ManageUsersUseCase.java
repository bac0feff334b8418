package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.application.shared.Page;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.identity.UserAccount;

import java.util.UUID;

/**
 * Users ({@code users}): admins list, read, pre-provision, enable/disable, set role and company (a RESTRICTED_ADMIN
 * never grants ADMIN, never changes an ADMIN, never itself); partner and distributor users read the users of the
 * companies in their scope.
 */
public interface ManageUsersUseCase {

    record ListUsersQuery(Role role, Boolean enabled, String provider, UUID partnerId, UUID distributorId,
                          String cursor, int limit) { }

    /**
     * @param provider   {@code database} (default) or a directory provider name
     * @param providerId the directory's id of the person (not for {@code database})
     * @param password   only for {@code database} users: 8 to 72 bytes
     * @param enabled    null = true: a user created by an administrator is approved by that act
     */
    record CreateUserCommand(String provider, String providerId, String username, String email, String fullName,
                             Role role, UUID partnerId, UUID distributorId, String password, Boolean enabled) {
        @Override
        public String toString() {
            return "CreateUserCommand[provider=" + provider + ", username=" + username + ", role=" + role + "]";
        }
    }

    Page<UserAccount> list(Caller caller, ListUsersQuery query);

    UserAccount get(Caller caller, UUID userId);

    UserAccount create(Caller caller, CreateUserCommand command);

    /** {@code ifMatch} on the three changes: the ETag read (If-Match) or null; a user changed since is 412. */
    UserAccount setEnablement(Caller caller, UUID userId, boolean enabled, String reason, String ifMatch);

    UserAccount setRole(Caller caller, UUID userId, Role role, UUID partnerId, UUID distributorId, String ifMatch);

    UserAccount setCompany(Caller caller, UUID userId, UUID partnerId, UUID distributorId, String ifMatch);
}
