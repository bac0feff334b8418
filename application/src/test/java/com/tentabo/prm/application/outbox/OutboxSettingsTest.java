package com.tentabo.prm.application.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.id.OutboxEventId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxSettingsTest {

    final OutboxSettings settings =
            new OutboxSettings(20, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofHours(1), 15);

    @Test
    void theWaitDoublesFromTheFirstRetry_upToTheLongest_stretchedByAtMostTenPercent() {
        for (int i = 0; i < 200; i++) {
            OutboxEventId id = new OutboxEventId(UUID.randomUUID());
            assertThat(settings.retryDelay(1, id)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(33));
            assertThat(settings.retryDelay(2, id)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(66));
            assertThat(settings.retryDelay(4, id)).isBetween(Duration.ofSeconds(240), Duration.ofSeconds(264));
            assertThat(settings.retryDelay(8, id)).isBetween(Duration.ofHours(1), Duration.ofMinutes(66));
            assertThat(settings.retryDelay(1000, id)).isBetween(Duration.ofHours(1), Duration.ofMinutes(66));
        }
    }

    @Test
    void oneEventAlwaysWaitsTheSame_andEventsFailedTogetherSpreadOut() {
        OutboxEventId id = new OutboxEventId(UUID.randomUUID());
        assertThat(settings.retryDelay(3, id)).isEqualTo(settings.retryDelay(3, id));
        assertThat(java.util.stream.IntStream.range(0, 100)
                        .mapToObj(i -> settings.retryDelay(3, new OutboxEventId(UUID.randomUUID())))
                        .distinct()
                        .count())
                .isGreaterThan(5);
    }

    @Test
    void absurdSettingsAreRefusedAtStart_namingTheProperty() {
        assertThatThrownBy(() ->
                        new OutboxSettings(0, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofHours(1), 15))
                .hasMessageContaining("prm.outbox.batch-size");
        assertThatThrownBy(() ->
                        new OutboxSettings(20, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 15))
                .hasMessageContaining("prm.outbox.lease");
        assertThatThrownBy(() ->
                        new OutboxSettings(20, Duration.ofMinutes(2), Duration.ofHours(2), Duration.ofHours(1), 15))
                .hasMessageContaining("prm.outbox.first-retry");
        assertThatThrownBy(() ->
                        new OutboxSettings(20, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofHours(1), 0))
                .hasMessageContaining("prm.outbox.max-attempts");
    }
}
