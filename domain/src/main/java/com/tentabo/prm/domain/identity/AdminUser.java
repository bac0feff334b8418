package com.tentabo.prm.domain.identity;

import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.shared.DomainException;
import java.time.Instant;
import java.util.Objects;

/**
 * A local administrator account ({@code admin_users}). Works when every external provider is down.
 * Invariants: username and email are present (a new account's username is not blank: {@link #create}; an account the
 * replaced system stored with a blank username is read as it is, and every change but the username applies to it);
 * the password is only ever held as a bcrypt hash.
 */
public record AdminUser(
        AdminUserId id,
        String username,
        String passwordHash,
        String email,
        String fullName,
        boolean active,
        Instant createdAt,
        Instant updatedAt,
        Instant lastLogin) {
    public AdminUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static AdminUser create(
            AdminUserId id, String username, String passwordHash, String email, String fullName, Instant now) {
        if (username == null || username.isBlank()) {
            throw DomainException.invalid("username", "must not be blank");
        }
        return new AdminUser(id, username, passwordHash, email, fullName, true, now, now, null);
    }

    public AdminUser loggedIn(Instant now) {
        return new AdminUser(id, username, passwordHash, email, fullName, active, createdAt, now, now);
    }

    /** Never print the hash. */
    @Override
    public String toString() {
        return "AdminUser[id=" + id + ", username=" + username + ", active=" + active + "]";
    }

    public AdminUser withProfile(String newEmail, String newFullName, Instant now) {
        return new AdminUser(id, username, passwordHash, newEmail, newFullName, active, createdAt, now, lastLogin);
    }

    public AdminUser withPasswordHash(String newHash, Instant now) {
        return new AdminUser(id, username, newHash, email, fullName, active, createdAt, now, lastLogin);
    }

    public AdminUser withActive(boolean newActive, Instant now) {
        return new AdminUser(id, username, passwordHash, email, fullName, newActive, createdAt, now, lastLogin);
    }
}
