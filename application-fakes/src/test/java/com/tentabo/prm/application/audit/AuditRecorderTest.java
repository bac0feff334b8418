package com.tentabo.prm.application.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.fakes.FakeWorld;
import com.tentabo.prm.application.fakes.InMemoryAudit;
import com.tentabo.prm.application.fakes.SequentialIds;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.id.AdminUserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditRecorderTest {

    final InMemoryAudit audit = new InMemoryAudit();
    final AuditRecorder recorder = new AuditRecorder(audit, new SequentialIds());
    final Instant at = Instant.parse("2026-03-01T09:00:00Z");
    final UUID entity = UUID.randomUUID();

    @Test
    void aPersonsChangeIsRecordedWithItsAuthorTheChangedFieldsOnlyAndTheTime() {
        Caller admin = FakeWorld.admin();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("name", "Suite");
        before.put("price", new java.math.BigDecimal("10.00"));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", "Suite Pro");
        after.put("price", new java.math.BigDecimal("10.0"));

        recorder.record(admin, AuditChange.changed("update", "product", entity, before, after), at);

        assertThat(audit.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("update");
            assertThat(entry.entityType()).isEqualTo("product");
            assertThat(entry.entityId()).isEqualTo(entity);
            assertThat(entry.adminUserId()).isEqualTo(new AdminUserId(admin.principalId()));
            assertThat(entry.userId()).isEqualTo(admin.userId());
            assertThat(entry.at()).isEqualTo(at);
            assertThat(InMemoryAudit.changesOf(entry)).containsOnlyKeys("name");
        });
    }

    @Test
    void aWorkersChangeHasNoPersonAndNamesTheWorker() {
        recorder.recordByWorker(
                "contract-expiry-job",
                AuditChange.changed(
                        "expire", "contract", entity, Map.of("status", "ACTIVE"), Map.of("status", "EXPIRED")),
                at);

        assertThat(audit.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.userId()).isNull();
            assertThat(entry.adminUserId()).isNull();
            assertThat(entry.userAgent()).isEqualTo("contract-expiry-job");
            assertThat(InMemoryAudit.changesOf(entry))
                    .containsEntry("status", Map.of("before", "ACTIVE", "after", "EXPIRED"));
        });
    }

    @Test
    void aChangeOfNoFieldIsEmptyAndSecretsAreHidden() {
        assertThat(AuditChange.changed("update", "product", entity, Map.of("name", "A"), Map.of("name", "A"))
                        .isEmpty())
                .isTrue();

        recorder.record(
                FakeWorld.admin(),
                AuditChange.created("user", entity, Map.of("password", "s3cret", "name", "Ada")),
                at);

        assertThat(InMemoryAudit.changesOf(audit.entries().get(0))).containsEntry("password", "***");
    }

    @Test
    void aSignInIsRecordedWithTheAccountTriedAndWhereTheAttemptCameFrom() {
        AdminUserId admin = new AdminUserId(UUID.randomUUID());
        recorder.record(
                AuditAuthor.signingIn(null, admin, new RequestOrigin("203.0.113.9", "curl/8")),
                new AuditChange(
                        "login.refused",
                        "admin_user",
                        admin.value(),
                        List.of(AuditChange.Field.set("username", "ada"), AuditChange.Field.set("outcome", "x"))),
                at);

        assertThat(audit.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.userId()).isNull();
            assertThat(entry.adminUserId()).isEqualTo(admin);
            assertThat(entry.ipAddress()).isEqualTo("203.0.113.9");
            assertThat(entry.userAgent()).isEqualTo("curl/8");
            assertThat(InMemoryAudit.changesOf(entry)).containsEntry("username", Map.of("after", "ada"));
        });
    }

    @Test
    void fieldsKeepPlainValuesAndNeverASecret() {
        AuditChange change = AuditChange.created("lead_note", entity, Map.of("content", "Hello"))
                .as("lead_note.created")
                .with(AuditChange.Field.noted("lead_id", entity), AuditChange.Field.changed("client_secret", "a", "b"));

        assertThat(change.action()).isEqualTo("lead_note.created");
        assertThat(change.fields())
                .containsExactly(
                        AuditChange.Field.set("content", "Hello"),
                        new AuditChange.Field("lead_id", AuditChange.Kind.NOTED, null, entity.toString()),
                        new AuditChange.Field("client_secret", AuditChange.Kind.HIDDEN, null, null));
        assertThat(AuditChange.Field.changed("total", new java.math.BigDecimal("1E+3"), 3L))
                .isEqualTo(new AuditChange.Field("total", AuditChange.Kind.CHANGED, "1000", 3L));
    }
}
