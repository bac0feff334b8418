package com.tentabo.prm.adapters.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.AuditFields;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code changes} column of the audit rows written from {@link AuditChange.Field}s is, as PostgreSQL stores it,
 * the one the services wrote when they built the JSON shape by hand ({@link Changes} maps, then
 * {@code AuditEntry.by}): for each action moved to fields, the row built the old way and the row built the new way
 * are stored and read back as {@code jsonb} text, and must be the same text (and the expected one).
 */
class AuditChangesJsonTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID LEAD = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private static Connection db;

    @BeforeAll
    static void connect() throws SQLException {
        db = TestDatabase.create("audit_changes_json").connect();
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void aSignInsOutcomeIsStoredAsTheHandBuiltRow() throws SQLException {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("username", "ada");
        outcome.put("outcome", "succeeded");
        same(
                Changes.created(outcome),
                List.of(Field.set("username", "ada"), Field.set("outcome", "succeeded")),
                "{\"outcome\": {\"after\": \"succeeded\"}, \"username\": {\"after\": \"ada\"}}");
        same(
                Changes.created(Map.of("provider", "database", "username", "ada", "enabled", false)),
                List.of(Field.set("provider", "database"), Field.set("username", "ada"), Field.set("enabled", false)),
                "{\"enabled\": {\"after\": false}, \"provider\": {\"after\": \"database\"}, "
                        + "\"username\": {\"after\": \"ada\"}}");
    }

    @Test
    void passwordRowsHideThePasswordAndKeepTheRest() throws SQLException {
        same(
                Changes.created(Map.of("password", "***")),
                List.of(Field.set("password", "***")),
                "{\"password\": \"***\"}");
        same(
                Changes.created(Map.of("password", "s3cret-typed-by-mistake")),
                List.of(Field.set("password", "s3cret-typed-by-mistake")),
                "{\"password\": \"***\"}");
        same(
                Changes.created(Map.of("invitation_expires_at", AT)),
                List.of(Field.set("invitation_expires_at", AT)),
                "{\"invitation_expires_at\": {\"after\": \"2026-03-01T09:00:00Z\"}}");
        same(
                Changes.created(Map.of("through", "reset")),
                List.of(Field.set("through", "reset")),
                "{\"through\": {\"after\": \"reset\"}}");
    }

    @Test
    void fieldsAddedAfterACreationOrADiffAreStoredAsThePutMembers() throws SQLException {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", "ada@example.com");
        user.put("role", "PARTNER");
        user.put("partner_id", LEAD);
        user.put("full_name", null);
        Map<String, Object> created = Changes.created(user);
        created.put("invitation", Map.of("after", "issued"));
        created.put("source", Map.of("after", "ldap"));
        List<Field> fields = AuditFields.created(user);
        fields.add(Field.set("invitation", "issued"));
        fields.add(Field.set("source", "ldap"));
        same(
                created,
                fields,
                "{\"role\": {\"after\": \"PARTNER\"}, \"email\": {\"after\": \"ada@example.com\"}, "
                        + "\"source\": {\"after\": \"ldap\"}, \"full_name\": {\"after\": null}, "
                        + "\"invitation\": {\"after\": \"issued\"}, "
                        + "\"partner_id\": {\"after\": \"00000000-0000-0000-0000-00000000000b\"}}");

        Map<String, Object> diff = Changes.diff(Map.of("enabled", true), Map.of("enabled", false));
        diff.put("reason", Map.of("after", "left the company"));
        same(
                diff,
                AuditChange.changed("user.disabled", "user", ID, Map.of("enabled", true), Map.of("enabled", false))
                        .with(Field.set("reason", "left the company"))
                        .fields(),
                "{\"reason\": {\"after\": \"left the company\"}, \"enabled\": {\"after\": false, \"before\": true}}");
    }

    @Test
    void aRevokedKeyAndADiffOfDecimalsAreStoredAsBefore() throws SQLException {
        same(
                Changes.diff(
                        new HashMap<>(java.util.Collections.singletonMap("revoked_at", null)),
                        Map.of("revoked_at", AT)),
                List.of(Field.changed("revoked_at", null, AT)),
                "{\"revoked_at\": {\"after\": \"2026-03-01T09:00:00Z\", \"before\": null}}");
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("value", new BigDecimal("10.00"));
        before.put("title", "Old");
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("value", new BigDecimal("10.0"));
        after.put("title", "New");
        same(
                Changes.diff(before, after),
                AuditFields.diff(before, after),
                "{\"title\": {\"after\": \"New\", \"before\": \"Old\"}}");
    }

    @Test
    void aFollowUpNotesItsLeadAsAValue() throws SQLException {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("content", "Called back");
        Map<String, Object> legacy = Changes.deleted(note);
        legacy.put("lead_id", Map.of("value", LEAD.toString()));
        same(
                legacy,
                List.of(Field.removed("content", "Called back"), Field.noted("lead_id", LEAD)),
                "{\"content\": {\"before\": \"Called back\"}, "
                        + "\"lead_id\": {\"value\": \"00000000-0000-0000-0000-00000000000b\"}}");
    }

    @Test
    void aDeletedLevelKeepsItsEmptyObjectAndAPromotionItsThreeFields() throws SQLException {
        Map<String, Object> level = new LinkedHashMap<>();
        level.put("name", "Gold");
        level.put("rank", 2);
        same(Changes.diff(level, Map.of()), AuditFields.diff(level, Map.of()), "{}");
        Map<String, Object> promoted = new LinkedHashMap<>();
        promoted.put("programme_level", "Gold");
        promoted.put("trailing_bookings", "12000.00");
        promoted.put("won_registrations", 3L);
        same(
                Changes.diff(Map.of("programme_level", "none"), promoted),
                AuditFields.diff(Map.of("programme_level", "none"), promoted),
                "{\"programme_level\": {\"after\": \"Gold\", \"before\": \"none\"}, "
                        + "\"trailing_bookings\": {\"after\": \"12000.00\", \"before\": null}, "
                        + "\"won_registrations\": {\"after\": 3, \"before\": null}}");
    }

    @Test
    void aRowWithoutChangesHasNone() {
        assertThat(AuditChangesJson.write(null)).isNull();
    }

    /** The legacy map and the fields, each stored as a row's {@code changes}, read back as the same (given) text. */
    private static void same(Map<String, Object> legacy, List<Field> fields, String expected) throws SQLException {
        Map<String, Object> redacted = new LinkedHashMap<>(); // as the entry of a hand-built map hid secrets
        legacy.forEach((field, value) -> redacted.put(field, AuditEntry.isSecretField(field) ? "***" : value));
        String old = stored(JsonText.write(redacted));
        String now = stored(AuditChangesJson.write(fields));
        assertThat(now).isEqualTo(old).isEqualTo(expected);
    }

    private static String stored(String json) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT ?::jsonb::text")) {
            st.setString(1, json);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
