package com.tentabo.prm.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.domain.access.ApiScope;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.ApiKeyId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ApiKeyTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");

    private static ApiKey key(Instant expiresAt, Instant lastUsedAt) {
        return new ApiKey(
                new ApiKeyId(UUID.randomUUID()),
                "ci",
                "tnt_abcdefgh",
                "0".repeat(64),
                PrincipalKind.USER,
                UUID.randomUUID(),
                Set.of(ApiScope.READ),
                expiresAt,
                null,
                lastUsedAt,
                NOW.minusSeconds(3600));
    }

    @Test
    void givenExpiry_whenReached_thenKeyIsNoLongerUsable() {
        ApiKey key = key(NOW.plusSeconds(60), null);
        assertThat(key.usableAt(NOW)).isTrue();
        assertThat(key.usableAt(NOW.plusSeconds(60))).isFalse();
        assertThat(key(null, null).usableAt(NOW.plusSeconds(10_000_000))).isTrue();
    }

    @Test
    void givenRevokedKey_whenUsed_thenRefused() {
        assertThat(key(null, null).revoked(NOW).usableAt(NOW.plusSeconds(1))).isFalse();
    }

    @Test
    void givenLastUse_whenLessThanAMinuteAgo_thenNotRefreshed() {
        assertThat(key(null, null).lastUsedIsStaleAt(NOW)).isTrue();
        assertThat(key(null, NOW.minusSeconds(59)).lastUsedIsStaleAt(NOW)).isFalse();
        assertThat(key(null, NOW.minusSeconds(60)).lastUsedIsStaleAt(NOW)).isTrue();
    }
}
