package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.identity.UserAccount;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What authenticating a request reads about its principal, afresh on every request: one round trip per lookup and
 * no transaction of its own, because every API request pays for it.
 */
public interface PrincipalDirectory {

    /**
     * An admin account, with the {@code database} user linked to it (the author of its actions), if there is one.
     * {@code credentialsNotBefore}: credentials issued before it are revoked (null: none are).
     */
    record AdminPrincipal(UUID id, String username, boolean active, UUID linkedUserId, Instant credentialsNotBefore) {}

    /**
     * A user account with the partners its distributor is actively assigned (empty unless it is a DISTRIBUTOR).
     * {@code credentialsNotBefore}: credentials issued before it are revoked (null: none are).
     */
    record UserPrincipal(UserAccount account, Set<UUID> assignedPartnerIds, Instant credentialsNotBefore) {}

    Optional<AdminPrincipal> admin(UUID id);

    Optional<UserPrincipal> user(UUID id);
}
