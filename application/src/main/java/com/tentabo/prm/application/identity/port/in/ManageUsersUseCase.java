package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;

/**
 * Users ({@code users}): admins list, read, pre-provision, enable/disable, set role and company (a RESTRICTED_ADMIN
 * never grants ADMIN, never changes an ADMIN, never itself); partner and distributor users read the users of the
 * companies in their scope.
 */
public interface ManageUsersUseCase {

    /** {@code search}: null, or text (at most {@link #MAX_SEARCH} characters) found in the username, e-mail or name. */
    record ListUsersQuery(
            Role role,
            Boolean enabled,
            String provider,
            PartnerId partnerId,
            DistributorId distributorId,
            String cursor,
            int limit,
            String search) {
        public ListUsersQuery(
                Role role,
                Boolean enabled,
                String provider,
                PartnerId partnerId,
                DistributorId distributorId,
                String cursor,
                int limit) {
            this(role, enabled, provider, partnerId, distributorId, cursor, limit, null);
        }
    }

    int MAX_SEARCH = 100;

    /**
     * @param provider   {@code database} (default) or a directory provider name
     * @param providerId the directory's id of the person (not for {@code database})
     * @param password   always refused when given: nobody sets another person's password (a {@code database} user
     *                   sets its own through the invitation); kept so that a request naming it gets a clear answer
     * @param enabled    null = true: a user created by an administrator is approved by that act
     */
    record CreateUserCommand(
            String provider,
            String providerId,
            String username,
            String email,
            String fullName,
            Role role,
            PartnerId partnerId,
            DistributorId distributorId,
            String password,
            Boolean enabled) {
        @Override
        public String toString() {
            return "CreateUserCommand[provider=" + provider + ", username=" + username + ", role=" + role + "]";
        }
    }

    Page<UserAccount> list(Caller caller, ListUsersQuery query);

    UserAccount get(Caller caller, UserId userId);

    /**
     * A created user and, for a {@code database} user created by an ADMIN, the invitation through which its owner
     * sets the password (null otherwise: a directory user has no password here, and the invitation of a user created
     * by a RESTRICTED_ADMIN is issued by an ADMIN, so that its creator can never sign in as it).
     */
    record CreatedUser(UserAccount user, ManagePasswordsUseCase.IssuedInvitation invitation) {}

    CreatedUser createWithInvitation(Caller caller, CreateUserCommand command);

    /** {@link #createWithInvitation} for callers that do not hand out the invitation (an ADMIN resets it later). */
    default UserAccount create(Caller caller, CreateUserCommand command) {
        return createWithInvitation(caller, command).user();
    }

    /** {@code expected} on the three changes: the version read (If-Match), or any(); a user changed since is 412. */
    UserAccount setEnablement(Caller caller, UserId userId, boolean enabled, String reason, ExpectedVersion expected);

    UserAccount setRole(
            Caller caller,
            UserId userId,
            Role role,
            PartnerId partnerId,
            DistributorId distributorId,
            ExpectedVersion expected);

    UserAccount setCompany(
            Caller caller, UserId userId, PartnerId partnerId, DistributorId distributorId, ExpectedVersion expected);
}
