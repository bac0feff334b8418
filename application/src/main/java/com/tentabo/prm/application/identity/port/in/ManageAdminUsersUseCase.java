package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.identity.AdminUser;

/** Admin accounts ({@code admin_users}), for ADMIN only. Deleting deactivates (audit rows keep pointing at the account). */
public interface ManageAdminUsersUseCase {

    record CreateAdminUserCommand(String username, String email, String fullName, String password) {
        @Override
        public String toString() {
            return "CreateAdminUserCommand[username=" + username + "]";
        }
    }

    /** Null fields are left as they are; a password is refused (its owner changes it, an ADMIN resets it). */
    record UpdateAdminUserCommand(String email, String fullName, String password, Boolean active) {
        @Override
        public String toString() {
            return "UpdateAdminUserCommand[email=" + email + ", active=" + active + "]";
        }
    }

    Page<AdminUser> list(Caller caller, String cursor, int limit);

    AdminUser get(Caller caller, AdminUserId id);

    /** A created admin account and the invitation through which its owner sets the password. */
    record CreatedAdminUser(AdminUser admin, ManagePasswordsUseCase.IssuedInvitation invitation) {}

    /** {@code command.password()} must be null: the new account's owner sets it through the invitation. */
    CreatedAdminUser createWithInvitation(Caller caller, CreateAdminUserCommand command);

    default AdminUser create(Caller caller, CreateAdminUserCommand command) {
        return createWithInvitation(caller, command).admin();
    }

    /** {@code expected}: the version read (If-Match), or any(); an account changed since is 412 PRECONDITION_FAILED. */
    AdminUser update(Caller caller, AdminUserId id, UpdateAdminUserCommand command, ExpectedVersion expected);

    /** Deactivates the account; never the caller's own, never the last active one. */
    AdminUser deactivate(Caller caller, AdminUserId id, ExpectedVersion expected);
}
