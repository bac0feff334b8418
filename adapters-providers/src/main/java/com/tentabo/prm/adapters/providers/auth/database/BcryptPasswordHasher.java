package com.tentabo.prm.adapters.providers.auth.database;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * bcrypt at cost 12. Reads the {@code $2a$}, {@code $2b$} and {@code $2y$} hashes of the seed system.
 * Passwords over 72 UTF-8 bytes are never truncated: they cannot be hashed, and never match. Every computation runs
 * under a {@link PasswordCheckPermits} permit. An account without a password ({@link #NO_PASSWORD}) costs the same
 * work as a wrong password and never matches.
 */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {

    static final int COST = 12;

    private final PasswordCheckPermits permits;
    private final String unusable;

    @Inject
    public BcryptPasswordHasher(PasswordCheckPermits permits) {
        this.permits = permits;
        this.unusable = compute("unusable-" + UUID.randomUUID());
    }

    /** Unbounded concurrency beyond the processors; for tests and tools. */
    public BcryptPasswordHasher() {
        this(new PasswordCheckPermits(0, Duration.ofSeconds(30)));
    }

    @Override
    public String hash(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_BYTES + " bytes");
        }
        return permits.run(() -> compute(password));
    }

    @Override
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            return false;
        }
        if (NO_PASSWORD.equals(hash)) {
            permits.run(() -> verify(bytes, unusable));
            return false;
        }
        return permits.run(() -> verify(bytes, hash));
    }

    private static boolean verify(byte[] password, String hash) {
        try {
            return BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }

    private static String compute(String password) {
        return new String(BCrypt.withDefaults().hash(COST, password.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }
}
