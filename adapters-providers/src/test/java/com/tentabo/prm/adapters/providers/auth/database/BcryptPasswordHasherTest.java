package com.tentabo.prm.adapters.providers.auth.database;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(hasher.matches(seventyTwo + "b", hash)).as("a longer password must not match its 72-byte prefix").isFalse();
        assertThatThrownBy(() -> hasher.hash(seventyTwo + "b")).isInstanceOf(IllegalArgumentException.class);
        // 36 two-byte characters are 72 bytes; one more is too long
        assertThatThrownBy(() -> hasher.hash("é".repeat(37))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAccountWithoutPassword_noPasswordMatches() {
        assertThat(hasher.matches("", com.tentabo.prm.application.identity.port.out.PasswordHasher.NO_PASSWORD)).isFalse();
        assertThat(hasher.matches("!no-password-set", com.tentabo.prm.application.identity.port.out.PasswordHasher.NO_PASSWORD))
                .isFalse();
    }

    @Test
    void givenEveryPermitTaken_aCheckIsRefusedQuicklyWithAuthenticationBusy() {
        PasswordCheckPermits permits = new PasswordCheckPermits(1, java.time.Duration.ofMillis(50));
        BcryptPasswordHasher bounded = new BcryptPasswordHasher(permits);
        String hash = bounded.hash("a-password");
        assertThat(permits.tryTake()).isTrue();
        try {
            assertThatThrownBy(() -> bounded.matches("a-password", hash))
                    .isInstanceOfSatisfying(com.tentabo.prm.domain.shared.RetryLaterException.class,
                            e -> assertThat(e.code()).isEqualTo(com.tentabo.prm.domain.shared.ErrorCode.AUTHENTICATION_BUSY));
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
}
