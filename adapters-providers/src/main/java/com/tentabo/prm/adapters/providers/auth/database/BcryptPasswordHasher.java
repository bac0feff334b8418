package com.tentabo.prm.adapters.providers.auth.database;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;

/**
 * bcrypt at cost 12. Reads the {@code $2a$}, {@code $2b$} and {@code $2y$} hashes of the seed system.
 * Passwords over 72 UTF-8 bytes are never truncated: they cannot be hashed, and never match.
 */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {

    static final int COST = 12;

    @Override
    public String hash(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("password longer than " + MAX_PASSWORD_BYTES + " bytes");
        }
        return new String(BCrypt.withDefaults().hash(COST, bytes), StandardCharsets.UTF_8);
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
        try {
            return BCrypt.verifyer().verify(bytes, hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }
}
