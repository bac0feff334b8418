package com.tentabo.prm.application.identity.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Passwords of {@code database}-provider users ({@code user_credentials}), bcrypt-hashed. */
public interface UserCredentialRepository {

    record UserCredential(UUID userId, String username, String passwordHash, Instant createdAt, Instant updatedAt) {
        @Override
        public String toString() {
            return "UserCredential[userId=" + userId + ", username=" + username + "]";
        }
    }

    /** Case-insensitive. */
    Optional<UserCredential> findByUsername(String username);

    Optional<UserCredential> findByUserId(UUID userId);

    boolean usernameTaken(String username);

    void save(UserCredential credential);
}
