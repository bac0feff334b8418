package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;
import java.util.Optional;

/** Passwords of {@code database}-provider users ({@code user_credentials}), bcrypt-hashed. */
public interface UserCredentialRepository {

    record UserCredential(UserId userId, String username, String passwordHash, Instant createdAt, Instant updatedAt) {
        @Override
        public String toString() {
            return "UserCredential[userId=" + userId + ", username=" + username + "]";
        }
    }

    /** Case-insensitive. */
    Optional<UserCredential> findByUsername(String username);

    Optional<UserCredential> findByUserId(UserId userId);

    boolean usernameTaken(String username);

    void save(UserCredential credential);
}
