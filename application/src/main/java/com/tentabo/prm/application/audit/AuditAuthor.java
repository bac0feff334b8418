package com.tentabo.prm.application.audit;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.UserId;

/**
 * Who an audit row names as the author of a change: a {@code users} row, an {@code admin_users} row (either or both
 * may be null), where the request came from, or for a background worker no person and the worker's name in the
 * user-agent column.
 */
public record AuditAuthor(UserId userId, AdminUserId adminUserId, String ipAddress, String userAgent) {

    /** The caller of a request: an admin account as such (with its linked user, if any), a user as the user. */
    public static AuditAuthor of(Caller caller) {
        UserId userId = caller.isAdminAccount() ? caller.userId() : caller.userPrincipalId();
        return new AuditAuthor(
                userId,
                caller.adminUserId(),
                caller.origin().ipAddress(),
                caller.origin().userAgent());
    }

    /** A sign-in, before there is a caller: the account tried (if any is known) and where the attempt came from. */
    public static AuditAuthor signingIn(UserId userId, AdminUserId adminUserId, RequestOrigin origin) {
        return new AuditAuthor(userId, adminUserId, origin.ipAddress(), origin.userAgent());
    }

    /** A background worker: no person, the worker's name in the user-agent column. */
    public static AuditAuthor worker(String name) {
        return new AuditAuthor(null, null, null, name);
    }
}
