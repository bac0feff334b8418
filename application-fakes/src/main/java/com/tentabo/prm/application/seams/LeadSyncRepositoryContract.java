package com.tentabo.prm.application.seams;

import static com.tentabo.prm.application.fakes.TestRecords.leadDetails;
import static com.tentabo.prm.application.fakes.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.audit.AuditRecord;
import com.tentabo.prm.application.audit.port.out.AuditLogRepository;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository.ImportedLead;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.AuditLogId;
import com.tentabo.prm.domain.id.LeadHistoryId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeadSyncRepository} does with the pages of a first full import, against the fake and against the
 * JPA adapter on PostgreSQL.
 */
public abstract class LeadSyncRepositoryContract {

    protected abstract LeadSyncRepository synced();

    protected abstract LeadRepository leads();

    protected abstract AuditLogRepository audit();

    protected abstract UUID newUser();

    /** Where a service's transaction would end (see {@link LeadRepositoryContract#committed}). */
    protected void committed() {}

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    ImportedLead imported(String provider, String providerId, UserId owner, Instant at, String updateTime) {
        Lead.Created created = Lead.imported(
                new LeadId(UUID.randomUUID()),
                new LeadHistoryId(UUID.randomUUID()),
                provider,
                providerId,
                leadDetails(unique("Imported")),
                owner,
                new TenantRef(null, null),
                at);
        AuditEntry entry = new AuditEntry(
                new AuditLogId(UUID.randomUUID()),
                null,
                null,
                "lead.imported",
                "lead",
                created.lead().id().value(),
                Map.of("title", Map.of("after", created.lead().details().title())),
                null,
                "provider-sync",
                at);
        return new ImportedLead(created, Map.of("update_time", updateTime, "owner_id", "7"), entry);
    }

    @Test
    void importedLeadsAreWrittenWithTheirHistoryAuditAndSyncColumns_andFoundTogetherByTheCrmsIds() {
        UserId owner = new UserId(newUser());
        String provider = unique("crm").toLowerCase(java.util.Locale.ROOT);
        ImportedLead one = imported(provider, "a-1", owner, T0, "2026-03-01T10:00:00Z");
        ImportedLead two = imported(provider, "a-2", owner, T0, "2026-03-01T11:00:00Z");

        synced().insertImported(List.of(one, two), T0.plusSeconds(1));
        synced().insertImported(List.of(), T0.plusSeconds(2));
        committed();

        Map<String, LeadSyncRepository.SyncedLead> found =
                synced().lockAllByProvider(provider, List.of("a-1", "a-2", "a-3"));
        assertThat(found).containsOnlyKeys("a-1", "a-2");
        assertThat(found.get("a-1").lead().id()).isEqualTo(one.created().lead().id());
        assertThat(found.get("a-1").remoteUpdatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(found.get("a-2").remoteUpdatedAt()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
        Lead read = leads().findById(two.created().lead().id()).orElseThrow();
        assertThat(read.status()).isEqualTo(LeadStatus.NEW);
        assertThat(read.ownerId()).isEqualTo(owner);
        assertThat(read.details()).isEqualTo(two.created().lead().details());
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(leads().history(one.created().lead().id()))
                .containsExactly(one.created().history());
        // each lead's audit row as the one-lead path writes it: every column, the changes as JSON
        for (ImportedLead lead : List.of(one, two)) {
            AuditRecord row = audit().findById(lead.audit().id()).orElseThrow();
            assertThat(row.action()).isEqualTo("lead.imported");
            assertThat(row.entityType()).isEqualTo("lead");
            assertThat(row.entityId()).isEqualTo(lead.created().lead().id().value());
            assertThat(row.userId()).isNull();
            assertThat(row.adminUserId()).isNull();
            assertThat(row.ipAddress()).isNull();
            assertThat(row.userAgent()).isEqualTo("provider-sync");
            assertThat(row.createdAt()).isEqualTo(T0);
            assertThat(row.changesJson())
                    .contains("\"title\"")
                    .contains(lead.created().lead().details().title());
        }
        assertThat(synced().lockByProvider(provider, "a-2").orElseThrow().lead().id())
                .isEqualTo(two.created().lead().id());
        assertThat(synced().lockAllByProvider("other-" + provider, List.of("a-1")))
                .isEmpty();
        assertThat(synced().lockAllByProvider(provider, List.of())).isEmpty();
    }

    @Test
    void amongRepeatsOfOneCrmId_theOldestLeadIsTheOneFound() {
        UserId owner = new UserId(newUser());
        String provider = unique("crm").toLowerCase(java.util.Locale.ROOT);
        ImportedLead older = imported(provider, "r-1", owner, T0, "2026-03-01T10:00:00Z");
        ImportedLead newer = imported(provider, "r-1", owner, T0.plusSeconds(60), "2026-03-01T12:00:00Z");

        synced().insertImported(List.of(newer, older), T0.plusSeconds(61));
        committed();

        assertThat(synced().lockAllByProvider(provider, List.of("r-1", "r-1"))
                        .get("r-1")
                        .lead()
                        .id())
                .isEqualTo(older.created().lead().id());
    }
}
