package com.tentabo.prm.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Instants through a {@code timestamptz[]} parameter on real PostgreSQL, from a JVM in a zone with summer time. */
class TimestampArraysTest {

    /** 02:30 in Paris twice on 2026-10-25: summer time (UTC+2), then, clocks gone back, winter time (UTC+1). */
    private static final List<Instant> REPEATED_HOUR =
            List.of(Instant.parse("2026-10-25T00:30:00Z"), Instant.parse("2026-10-25T01:30:00.123456Z"));

    private static TestDatabase database;

    @BeforeAll
    static void create() {
        database = TestDatabase.create("timestamp_arrays");
    }

    @Test
    void eachInstantOfTheRepeatedHourIsStoredAsItself() throws SQLException {
        assertThat(roundTrip(TimestampArrays::element)).containsExactlyElementsOf(REPEATED_HOUR);
        assertThat(TimestampArrays.element(null)).isNull();
    }

    @Test
    void aTimestampElementWouldHaveStoredTheFirstAnHourLate() throws SQLException {
        // why the elements are text: the driver writes a Timestamp as the JVM zone's wall-clock time, without offset
        assertThat(roundTrip(Timestamp::from))
                .containsExactly(REPEATED_HOUR.get(0).plusSeconds(3600), REPEATED_HOUR.get(1));
    }

    private static List<Instant> roundTrip(Function<Instant, Object> element) throws SQLException {
        TimeZone jvmZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Paris")); // the driver sets the session's zone from it
        try (Connection connection = database.connect();
                PreparedStatement ps = connection.prepareStatement(
                        "SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
                                + "FROM unnest(?) WITH ORDINALITY AS u(t, n) ORDER BY n")) {
            ps.setArray(
                    1,
                    connection.createArrayOf(
                            "timestamptz", REPEATED_HOUR.stream().map(element).toArray()));
            List<Instant> stored = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(Instant.parse(rs.getString(1)));
                }
            }
            return stored;
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }
}
