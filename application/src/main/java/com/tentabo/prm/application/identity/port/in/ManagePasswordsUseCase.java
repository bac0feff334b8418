package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;

/**
 * Nobody sets another person's password: a database user or admin account gets a one-time invitation (a random
 * token, kept hashed, valid 72 hours, single use) through which its owner sets the password; the owner changes it
 * with the current one; an ADMIN resets it by issuing a new invitation, never by choosing a password. Setting,
 * changing or resetting a password revokes the account's earlier tokens and API keys.
 */
public interface ManagePasswordsUseCase {

    /** The token of a new invitation: shown once, to the one who issued it, never stored in clear. */
    record IssuedInvitation(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "IssuedInvitation[token hidden, expiresAt=" + expiresAt + "]";
        }
    }

    /** Sets the password of the invitation's account and signs it in (refused like a login when it may not). */
    LoginUseCase.LoginResult acceptInvitation(String token, String password, RequestOrigin origin);

    /** Whether the link still works (known, unused, not replaced, not expired): never says which of these failed. */
    boolean invitationUsable(String token);

    /** Whether the caller's password is kept here (admin accounts, database users), so that it may change it. */
    boolean hasOwnPassword(Caller caller);

    /** The signed-in caller changes its own password; the answer signs it in again (earlier credentials are revoked). */
    LoginUseCase.LoginResult changeOwnPassword(Caller caller, String currentPassword, String newPassword);

    /** ADMIN: the user's password stops working and a new invitation is issued (a database user only). */
    IssuedInvitation resetUserPassword(Caller caller, UserId userId);

    /** ADMIN: the admin account's password stops working and a new invitation is issued. */
    IssuedInvitation resetAdminPassword(Caller caller, AdminUserId adminUserId);
}
