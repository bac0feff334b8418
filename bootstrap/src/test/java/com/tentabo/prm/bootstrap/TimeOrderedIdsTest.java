package com.tentabo.prm.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Version 7 ids: the millisecond first, increasing within one instance, unique, with random low bits. */
class TimeOrderedIdsTest {

    private static final Instant AT = Instant.parse("2026-12-04T16:20:00.123Z");

    @Test
    void givenAClock_whenAnIdIsMade_thenItIsAVersion7IetfUuidStartingWithTheMillisecond() {
        UUID id = new TimeOrderedIds(Clock.fixed(AT, ZoneOffset.UTC)).newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli());
        assertThat(id.toString())
                .startsWith(String.format("%08x-%04x-7", AT.toEpochMilli() >>> 16, AT.toEpochMilli() & 0xFFFF));
    }

    @Test
    void givenMoreIdsInOneMillisecondThanTheCounterHolds_whenMade_thenTheyIncreaseInPostgresOrderAndNeverRepeat() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(AT, ZoneOffset.UTC));
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) { // 4,096 fit in a millisecond: the rest borrow the next ones
            made.add(ids.newId());
        }

        for (int i = 1; i < made.size(); i++) {
            assertThat(unsignedBytes(made.get(i))).isGreaterThan(unsignedBytes(made.get(i - 1)));
        }
        assertThat(new HashSet<>(made)).hasSize(made.size());
        assertThat(made.get(made.size() - 1).getMostSignificantBits() >>> 16).isEqualTo(AT.toEpochMilli() + 2);
    }

    @Test
    void givenAClockSetBack_whenAnIdIsMade_thenItStillFollowsTheLastOne() {
        Instant[] now = {AT};
        Clock moving = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        TimeOrderedIds ids = new TimeOrderedIds(moving);
        UUID before = ids.newId();
        now[0] = AT.minusSeconds(60);

        UUID after = ids.newId();

        assertThat(unsignedBytes(after)).isGreaterThan(unsignedBytes(before));
    }

    @Test
    void givenTwoIdsInOneMillisecond_whenCompared_thenTheirLowBitsAreRandom() {
        TimeOrderedIds ids = new TimeOrderedIds(Clock.fixed(AT, ZoneOffset.UTC));
        Set<Long> low = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            low.add(ids.newId().getLeastSignificantBits());
        }

        assertThat(low).hasSize(100);
    }

    /** PostgreSQL compares uuids byte by byte, unsigned: the hexadecimal text orders them the same way. */
    private static String unsignedBytes(UUID id) {
        return id.toString();
    }
}
