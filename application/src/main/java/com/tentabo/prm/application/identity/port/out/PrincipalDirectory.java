package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What authenticating a request reads about its principal, afresh on every request: one round trip per lookup and
 * no transaction of its own, because every API request pays for it.
 */
public interface PrincipalDirectory {

    /**
     * An admin account, with the {@code database} user linked to it (the author of its actions), if there is one.
     * {@code credentialsNotBefore}: credentials issued before it are revoked (null: none are).
     */
    record AdminPrincipal(
            AdminUserId id, String username, boolean active, UserId linkedUserId, Instant credentialsNotBefore) {}

    /**
     * A user account with the partners its distributor is actively assigned (empty unless it is a DISTRIBUTOR).
     * {@code credentialsNotBefore}: credentials issued before it are revoked (null: none are).
     */
    record UserPrincipal(UserAccount account, Set<PartnerId> assignedPartnerIds, Instant credentialsNotBefore) {}

    Optional<AdminPrincipal> admin(AdminUserId id);

    Optional<UserPrincipal> user(UserId id);
}
