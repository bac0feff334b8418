package com.tentabo.prm.adapters.persistence.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JSON written for audit changes is read by PostgreSQL as the values given, whatever the characters. */
class JsonTextTest {

    private static Connection db;

    @BeforeAll
    static void connect() throws SQLException {
        db = TestDatabase.create("json_text").connect();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void auditChangesAreStoredAsTheirValues() throws SQLException {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("before", "Quote \"A\"\\B\nline\ttab\u0001end é 😀");
        before.put("after", null);
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("title", before);
        changes.put("total", Map.of("after", new BigDecimal("29160.00")));
        changes.put("items", Map.of("after", 3));
        changes.put("big", Map.of("after", 12345678901L));
        changes.put("active", Map.of("after", true));
        changes.put("tags", Arrays.asList("a", null, 1));
        changes.put("day", DayOfWeek.MONDAY);
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        changes.put("id", id);

        String expected =
                "{\"title\": {\"before\": \"Quote \\\"A\\\"\\\\B\\nline\\ttab\\u0001end é 😀\", \"after\": null}, "
                        + "\"total\": {\"after\": 29160.00}, \"items\": {\"after\": 3}, \"big\": {\"after\": 12345678901}, "
                        + "\"active\": {\"after\": true}, \"tags\": [\"a\", null, 1], \"day\": \"MONDAY\", "
                        + "\"id\": \"00000000-0000-0000-0000-000000000001\"}";
        try (PreparedStatement st =
                db.prepareStatement("SELECT ?::jsonb = ?::jsonb, ?::jsonb -> 'title' ->> 'before'")) {
            String written = JsonText.write(changes);
            st.setString(1, written);
            st.setString(2, expected);
            st.setString(3, written);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertThat(rs.getBoolean(1)).as(written).isTrue();
                assertThat(rs.getString(2)).isEqualTo(before.get("before"));
            }
        }
    }

    @Test
    void emptyAndNestedContainers() {
        assertThat(JsonText.write(Map.of())).isEqualTo("{}");
        assertThat(JsonText.write(List.of(List.of(), Map.of("k", List.of(1))))).isEqualTo("[[],{\"k\":[1]}]");
        assertThat(JsonText.write(null)).isEqualTo("null");
    }
}
