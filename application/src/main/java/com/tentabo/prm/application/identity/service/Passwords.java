package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.domain.shared.DomainException;
import java.nio.charset.StandardCharsets;

/** The password rule for local accounts: 8 characters to 72 UTF-8 bytes (bcrypt's limit; never truncated). */
final class Passwords {

    static final int MIN_LENGTH = 8;

    private Passwords() {}

    static void check(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw DomainException.invalid(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordHasher.MAX_PASSWORD_BYTES) {
            throw DomainException.invalid(
                    field,
                    "must be at most " + PasswordHasher.MAX_PASSWORD_BYTES
                            + " bytes in UTF-8 (bcrypt would silently ignore the rest)");
        }
    }
}
