package com.tentabo.prm.application.shared;

import com.tentabo.prm.domain.shared.DomainException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@code Idempotency-Key} a client sent with a create, and the hash of the request it came with: a retry with the
 * same key and the same request gets the first result; the same key with another request is refused.
 */
public record IdempotencyKey(String key, String requestHash) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        Objects.requireNonNull(requestHash, "requestHash");
        if (key == null
                || key.isBlank()
                || key.length() > MAX_LENGTH
                || key.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("Idempotency-Key", "must be 1 to " + MAX_LENGTH + " printable characters");
        }
    }

    /** The key of a request, or null when the client sent none (the request is then not hashed at all). */
    public static IdempotencyKey of(String key, Supplier<String> requestHash) {
        return key == null ? null : new IdempotencyKey(key, requestHash.get());
    }

    /** The hash a request is identified by: SHA-256 of its canonical form, in hex. */
    public static String hash(byte[] canonicalRequest) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(canonicalRequest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
