package com.tentabo.prm.adapters.providers.auth.database;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * bcrypt at cost 12 ({@code $2a$12$…}) of the password, which is at most 72 UTF-8 bytes and never truncated.
 *
 * <p>Reads the replaced system's hashes too: bcrypt in any version ({@code $2a$}, {@code $2b$}, {@code $2y$}) and
 * cost, of the password itself, or — for a password longer than 72 bytes — of the lower-case hex of its SHA-256
 * digest, as the replaced system hashed those. Such a long password is re-hashed at its next successful sign-in in
 * this service's scheme for long passwords: {@value #LONG_PASSWORD_MARK} followed by bcrypt cost 12 of that hex
 * digest, marked so that the pre-hashing is stated, never guessed. A long password never matches a hash of its
 * first 72 bytes.
 *
 * <p>Every computation runs under a {@link PasswordCheckPermits} permit. An account without a password
 * ({@link #NO_PASSWORD}) costs the same work as a wrong password and never matches.
 */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {

    static final int COST = 12;
    static final String LONG_PASSWORD_MARK = "$sha256";
    private static final String CURRENT_PREFIX = "$2a$" + COST + "$";
    /**
     * A cost-12 hash of 57 random characters that were thrown away: checking a password against it costs what a
     * wrong password costs, and nothing matches it. A constant, so that no start pays a bcrypt computation.
     */
    static final String UNUSABLE = "$2a$12$imX1mMcsbXh7UHYYFkH6uumMJHi/P0p5nHRaBU5LDdRxVgTjFCeve";

    private final PasswordCheckPermits permits;

    @Inject
    public BcryptPasswordHasher(PasswordCheckPermits permits) {
        this.permits = permits;
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
        return permits.run(() -> bcrypt(bytes));
    }

    @Override
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (NO_PASSWORD.equals(hash)) {
            permits.run(() -> verify(bytes.length > MAX_PASSWORD_BYTES ? sha256Hex(bytes) : bytes, UNUSABLE));
            return false;
        }
        boolean marked = hash.startsWith(LONG_PASSWORD_MARK + "$");
        if (bytes.length > MAX_PASSWORD_BYTES) {
            String stored = marked ? hash.substring(LONG_PASSWORD_MARK.length()) : hash;
            return permits.run(() -> verify(sha256Hex(bytes), stored));
        }
        return !marked && permits.run(() -> verify(bytes, hash));
    }

    @Override
    public boolean isCurrent(String hash, String password) {
        boolean longPassword = password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
        return hash.startsWith(longPassword ? LONG_PASSWORD_MARK + CURRENT_PREFIX : CURRENT_PREFIX);
    }

    @Override
    public String rehash(String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        return permits.run(() ->
                bytes.length > MAX_PASSWORD_BYTES ? LONG_PASSWORD_MARK + bcrypt(sha256Hex(bytes)) : bcrypt(bytes));
    }

    private static String bcrypt(byte[] bytes) {
        return new String(BCrypt.withDefaults().hash(COST, bytes), StandardCharsets.UTF_8);
    }

    private static boolean verify(byte[] password, String hash) {
        try {
            return BCrypt.verifyer().verify(password, hash.getBytes(StandardCharsets.UTF_8)).verified;
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
    }

    private static byte[] sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
                    .getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
