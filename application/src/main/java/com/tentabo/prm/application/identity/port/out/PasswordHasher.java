package com.tentabo.prm.application.identity.port.out;

/** bcrypt hashing of local passwords. Implementations never log or keep a password. */
public interface PasswordHasher {
    /** Largest password accepted, in UTF-8 bytes: bcrypt reads no further, and we never truncate silently. */
    int MAX_PASSWORD_BYTES = 72;

    /**
     * What an account holds while its owner has not set a password (a pending invitation or a reset): not a bcrypt
     * hash, so no password ever matches it.
     */
    String NO_PASSWORD = "!no-password-set";

    /** Refuses a password longer than {@link #MAX_PASSWORD_BYTES} bytes (new passwords are never that long). */
    String hash(String password);

    /**
     * Whether the password matches the hash; a password longer than {@link #MAX_PASSWORD_BYTES} bytes only matches a
     * hash of its SHA-256 digest (the replaced system's scheme for such passwords), never one of its first bytes.
     * False for {@link #NO_PASSWORD} (after the same work as a real check, so that timing does not tell).
     */
    boolean matches(String password, String hash);

    /** False when a hash the password matched is in an older scheme (the replaced system's): {@link #rehash} it. */
    default boolean isCurrent(String hash, String password) {
        return true;
    }

    /** The current scheme's hash of a password that has just matched, whatever its length. */
    default String rehash(String password) {
        return hash(password);
    }
}
