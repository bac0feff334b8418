package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.identity.UserAccount;

import java.util.Optional;
import java.util.UUID;

/** The {@code users} table (provider users and the rows linked to admin accounts). */
public interface UserRepository {
    Optional<UserAccount> findById(UUID id);

    Optional<UserAccount> findByProvider(String provider, String providerId);

    /** Inserts or updates. */
    void save(UserAccount user);
}
