package com.tentabo.prm.application.identity.port.out;

/** bcrypt hashing of local passwords. Implementations never log or keep a password. */
public interface PasswordHasher {
    /** Largest password accepted, in UTF-8 bytes: bcrypt reads no further, and we never truncate silently. */
    int MAX_PASSWORD_BYTES = 72;

    String hash(String password);

    /** False for a password longer than {@link #MAX_PASSWORD_BYTES} bytes, whatever the hash. */
    boolean matches(String password, String hash);
}
