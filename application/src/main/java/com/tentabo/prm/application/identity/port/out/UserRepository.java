package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code users} table (provider users and the rows linked to admin accounts). */
public interface UserRepository {
    Optional<UserAccount> findById(UserId id);

    /** The user, its row locked until the transaction ends. */
    Optional<UserAccount> findByIdForUpdate(UserId id);

    Optional<UserAccount> findByProvider(String provider, String providerId);

    /** Inserts or updates. */
    void save(UserAccount user);

    /**
     * A page of users, newest first (ties by id), restricted to the scope and the filters (null = any); starts after
     * the (createdAt, id) position when given.
     */
    List<UserAccount> list(TenantScope scope, UserFilter filter, Instant afterCreatedAt, UserId afterId, int limit);

    /** {@code search}: null, or text found (case-insensitive) in the username, e-mail or full name. */
    record UserFilter(
            Role role,
            Boolean enabled,
            String provider,
            PartnerId partnerId,
            DistributorId distributorId,
            String search) {
        public UserFilter(
                Role role, Boolean enabled, String provider, PartnerId partnerId, DistributorId distributorId) {
            this(role, enabled, provider, partnerId, distributorId, null);
        }
    }
}
