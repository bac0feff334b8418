package com.tentabo.prm.adapters.providers.auth.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher();

    @Test
    void givenPassword_hash_isBcryptCost12AndMatchesOnlyThatPassword() {
        String hash = hasher.hash("s3cret-Pässword");
        assertThat(hash).startsWith("$2a$12$");
        assertThat(hasher.matches("s3cret-Pässword", hash)).isTrue();
        assertThat(hasher.matches("s3cret-Password", hash)).isFalse();
    }

    @Test
    void givenSeedSystemHash_with2bPrefix_matches() {
        // the seed system (Python bcrypt) writes $2b$; for passwords under 255 bytes it hashes exactly as $2a$
        String pythonHash = "$2b$12$" + hasher.hash("admin123").substring(7);
        assertThat(hasher.matches("admin123", pythonHash)).isTrue();
    }

    @Test
    void givenPasswordOver72Bytes_neverTruncatesSilently() {
        String seventyTwo = "a".repeat(72);
        String hash = hasher.hash(seventyTwo);
        assertThat(hasher.matches(seventyTwo + "b", hash))
                .as("a longer password must not match its 72-byte prefix")
                .isFalse();
        assertThatThrownBy(() -> hasher.hash(seventyTwo + "b")).isInstanceOf(IllegalArgumentException.class);
        // 36 two-byte characters are 72 bytes; one more is too long
        assertThatThrownBy(() -> hasher.hash("é".repeat(37))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAccountWithoutPassword_noPasswordMatches() {
        assertThat(hasher.matches("", com.tentabo.prm.application.identity.port.out.PasswordHasher.NO_PASSWORD))
                .isFalse();
        assertThat(hasher.matches(
                        "!no-password-set", com.tentabo.prm.application.identity.port.out.PasswordHasher.NO_PASSWORD))
                .isFalse();
    }

    @Test
    void theUnusableHash_isAWellFormedCost12Hash_soCheckingAgainstItCostsAFullComputation() {
        // a malformed hash would be refused at once, and an account without a password would answer faster
        BCrypt.Result result = BCrypt.verifyer()
                .verify(
                        "unusable".getBytes(StandardCharsets.UTF_8),
                        BcryptPasswordHasher.UNUSABLE.getBytes(StandardCharsets.UTF_8));
        assertThat(result.validFormat).isTrue();
        assertThat(result.details.cost).isEqualTo(BcryptPasswordHasher.COST);
        assertThat(result.verified).isFalse();
    }

    @Test
    void givenEveryPermitTaken_aCheckIsRefusedQuicklyWithAuthenticationBusy() {
        PasswordCheckPermits permits = new PasswordCheckPermits(1, java.time.Duration.ofMillis(50));
        BcryptPasswordHasher bounded = new BcryptPasswordHasher(permits);
        String hash = bounded.hash("a-password");
        assertThat(permits.tryTake()).isTrue();
        try {
            assertThatThrownBy(() -> bounded.matches("a-password", hash))
                    .isInstanceOfSatisfying(
                            com.tentabo.prm.domain.shared.RetryLaterException.class,
                            e -> assertThat(e.code())
                                    .isEqualTo(com.tentabo.prm.domain.shared.ErrorCode.AUTHENTICATION_BUSY));
        } finally {
            permits.release();
        }
        assertThat(bounded.matches("a-password", hash)).isTrue();
    }

    @Test
    void givenMalformedHash_matches_isFalseNotAnError() {
        assertThat(hasher.matches("x", "not-a-hash")).isFalse();
        assertThat(hasher.matches(null, "x")).isFalse();
    }

    /** The replaced system hashed a password over 72 bytes as bcrypt of the lower-case hex of its SHA-256 digest. */
    private static final String LONG_PASSWORD =
            "Très longue phrase de passe de l'ancien système Tentabo, bien plus longue que soixante-douze octets !";

    private static final String LEGACY_LONG_HASH = "$2b$12$SoRCfh8Jn0Ei21DuApf4BekQQC./SPuz.sMy29ls7AoX6PBfTHjcy";

    @Test
    void givenLegacyHashOfALongPassword_matchesThatPasswordOnly_andIsRehashedMarked() {
        assertThat(hasher.matches(LONG_PASSWORD, LEGACY_LONG_HASH)).isTrue();
        assertThat(hasher.matches(LONG_PASSWORD + "!", LEGACY_LONG_HASH)).isFalse();
        assertThat(hasher.isCurrent(LEGACY_LONG_HASH, LONG_PASSWORD)).isFalse();

        String ours = hasher.rehash(LONG_PASSWORD);
        assertThat(ours).startsWith("$sha256$2a$12$");
        assertThat(hasher.isCurrent(ours, LONG_PASSWORD)).isTrue();
        assertThat(hasher.matches(LONG_PASSWORD, ours)).isTrue();
        assertThat(hasher.matches(LONG_PASSWORD + "!", ours)).isFalse();
        // the marked scheme is only for long passwords: its inner hash is not a short password's hash
        String hexDigest = java.util.HexFormat.of().formatHex(sha256(LONG_PASSWORD));
        assertThat(hasher.matches(hexDigest, ours)).isFalse();
    }

    @Test
    void givenLegacyHashOfAShortPassword_isRehashedAtCost12() {
        String pythonHash = "$2b$10$"
                + at.favre.lib.crypto.bcrypt.BCrypt.withDefaults()
                        .hashToString(10, "Another-Admin-1".toCharArray())
                        .substring(7);
        assertThat(hasher.matches("Another-Admin-1", pythonHash)).isTrue();
        assertThat(hasher.isCurrent(pythonHash, "Another-Admin-1")).isFalse();
        String ours = hasher.rehash("Another-Admin-1");
        assertThat(ours).startsWith("$2a$12$");
        assertThat(hasher.isCurrent(ours, "Another-Admin-1")).isTrue();
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
