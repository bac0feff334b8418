package com.tentabo.prm.bootstrap.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.housekeeping.HousekeepingSettings;
import com.tentabo.prm.application.housekeeping.port.in.PurgeExpiredRecordsUseCase;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The daily purge of login attempts and idempotency keys, on the real tables (batches of 3 in the test profile). */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class HousekeepingTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    PurgeExpiredRecordsUseCase housekeeping;

    @Test
    void givenOldAndRecentRows_whenPurging_thenOnlyRowsPastTheirRetentionGo_inAsManyBatchesAsNeeded() {
        String who = "housekeeping-" + UUID.randomUUID();
        Instant now = Instant.now();
        for (int i = 0; i < 7; i++) { // 7 old rows: batches of 3, 3 and 1
            attempt(who, i % 2 == 0, now.minus(Duration.ofDays(31 + i)));
        }
        attempt(who, false, now.minus(Duration.ofDays(29)));
        attempt(who, true, now.minus(Duration.ofMinutes(1)));
        UUID principal = UUID.randomUUID();
        key(principal, "old-1", now.minus(Duration.ofDays(8)));
        key(principal, "old-2", now.minus(Duration.ofDays(30)));
        key(principal, "fresh", now.minus(Duration.ofDays(6)));

        PurgeExpiredRecordsUseCase.Purged purged = housekeeping.purge();

        assertThat(purged.loginAttempts()).isGreaterThanOrEqualTo(7);
        assertThat(purged.idempotencyKeys()).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT count(*) FROM login_attempts WHERE username = ?", who))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM login_attempts WHERE username = ? AND attempted_at < now() - interval '30 days'",
                        who))
                .isZero();
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE principal_id = ?", principal))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM idempotency_keys WHERE principal_id = ? AND idempotency_key = 'fresh'",
                        principal))
                .isEqualTo(1);

        assertThat(housekeeping.purge()).isEqualTo(new PurgeExpiredRecordsUseCase.Purged(0, 0));
    }

    @Test
    void givenARetentionShorterThanWhatTheRulesNeed_thenTheSettingsAreRefusedByName() {
        assertThatThrownBy(() -> new HousekeepingSettings(Duration.ofMinutes(5), Duration.ofDays(7), 100))
                .hasMessageContaining("prm.housekeeping.login-attempt-retention");
        assertThatThrownBy(() -> new HousekeepingSettings(Duration.ofDays(30), Duration.ofMinutes(10), 100))
                .hasMessageContaining("prm.housekeeping.idempotency-key-retention");
        assertThatThrownBy(() -> new HousekeepingSettings(Duration.ofDays(30), Duration.ofDays(7), 0))
                .hasMessageContaining("prm.housekeeping.batch-size");
    }

    void attempt(String username, boolean succeeded, Instant at) {
        TestData.exec(
                ds,
                "INSERT INTO login_attempts (id, username, ip_address, succeeded, attempted_at) "
                        + "VALUES (?, ?, '192.0.2.1', ?, ?)",
                UUID.randomUUID(),
                username,
                succeeded,
                Timestamp.from(at));
    }

    void key(UUID principal, String key, Instant at) {
        TestData.exec(
                ds,
                "INSERT INTO idempotency_keys (principal_id, operation, idempotency_key, request_hash, "
                        + "resource_id, created_at) VALUES (?, 'order.create', ?, 'h', ?, ?)",
                principal,
                key,
                UUID.randomUUID(),
                Timestamp.from(at));
    }

    long count(String sql, Object... params) {
        return TestData.count(ds, sql, params);
    }
}
