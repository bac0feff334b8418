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

    String hash(String password);

    /**
     * False for a password longer than {@link #MAX_PASSWORD_BYTES} bytes, whatever the hash, and for
     * {@link #NO_PASSWORD} (after the same work as a real check, so that timing does not tell).
     */
    boolean matches(String password, String hash);
}
