package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.identity.UserAccount;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What authenticating a request reads about its principal, afresh on every request: one round trip per lookup and
 * no transaction of its own, because every API request pays for it.
 */
public interface PrincipalDirectory {

    /** An admin account, with the {@code database} user linked to it (the author of its actions), if there is one. */
    record AdminPrincipal(UUID id, String username, boolean active, UUID linkedUserId) { }

    /** A user account with the partners its distributor is actively assigned (empty unless it is a DISTRIBUTOR). */
    record UserPrincipal(UserAccount account, Set<UUID> assignedPartnerIds) { }

    Optional<AdminPrincipal> admin(UUID id);

    Optional<UserPrincipal> user(UUID id);
}
