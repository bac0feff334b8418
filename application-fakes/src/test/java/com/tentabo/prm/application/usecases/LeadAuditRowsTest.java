package com.tentabo.prm.application.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.AuditChange.Kind;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.fakes.FakeWorld;
import com.tentabo.prm.application.fakes.InMemoryAudit;
import com.tentabo.prm.application.fakes.TestRecords;
import com.tentabo.prm.application.lead.port.in.ManageLeadsUseCase.CreateLead;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit rows of the lead pipeline, written through the recorder, over the fakes at a fixed clock. */
class LeadAuditRowsTest {

    final FakeWorld world = new FakeWorld();
    final Company<PartnerId> partner = world.partner();
    final Caller partnerUser = FakeWorld.partnerUser(partner.id());

    Lead create() {
        return world.leadService()
                .create(partnerUser, new CreateLead(TestRecords.leadDetails("Audited lead"), null, null, null), null)
                .value();
    }

    List<AuditEntry> rowsOf(Lead lead, String action) {
        return world.audit.entries().stream()
                .filter(e ->
                        e.entityId().equals(lead.id().value()) && e.action().equals(action))
                .toList();
    }

    @Test
    void aCreatedLeadIsRecordedWithItsAuthorTheTimeAndEveryFieldSet() {
        Lead lead = create();

        assertThat(rowsOf(lead, "lead.created")).singleElement().satisfies(row -> {
            assertThat(row.entityType()).isEqualTo("lead");
            assertThat(row.userId()).isEqualTo(new UserId(partnerUser.principalId()));
            assertThat(row.adminUserId()).isNull();
            assertThat(row.at()).isEqualTo(world.clock.instant());
            assertThat(row.changes()).extracting(Field::kind).containsOnly(Kind.SET);
            assertThat(row.changes())
                    .contains(Field.set("status", "NEW"), Field.set("owner_id", partnerUser.principalId()));
        });
    }

    @Test
    void aStatusChangeRecordsTheChangedStatusAndItsReasonAfterIt() {
        Lead lead = create();
        world.clock.advance(Duration.ofMinutes(5));

        world.leadService()
                .changeStatus(
                        partnerUser,
                        lead.id(),
                        LeadStatus.QUALIFIED,
                        "budget confirmed",
                        ExpectedVersion.at(lead.updatedAt()));

        assertThat(rowsOf(lead, "lead.status_changed")).singleElement().satisfies(row -> {
            assertThat(row.changes())
                    .containsExactly(
                            Field.changed("status", "NEW", "QUALIFIED"), Field.set("reason", "budget confirmed"));
            assertThat(row.at()).isEqualTo(world.clock.instant());
            assertThat(InMemoryAudit.changesOf(row))
                    .containsEntry("reason", Map.of("after", "budget confirmed"))
                    .containsEntry("status", Map.of("before", "NEW", "after", "QUALIFIED"));
        });
    }

    @Test
    void aDeletedLeadRecordsEveryFieldRemovedAndAnUnchangedUpdateNoField() {
        Lead lead = create();
        world.leadService().update(partnerUser, lead.id(), lead.details(), ExpectedVersion.at(lead.updatedAt()));
        Lead same = world.leads.findById(lead.id()).orElseThrow();

        world.leadService().delete(FakeWorld.admin(), lead.id(), ExpectedVersion.at(same.updatedAt()));

        assertThat(rowsOf(lead, "lead.updated"))
                .singleElement()
                .satisfies(row -> assertThat(row.changes()).isEmpty());
        assertThat(rowsOf(lead, "lead.deleted")).singleElement().satisfies(row -> {
            assertThat(row.changes()).extracting(Field::kind).containsOnly(Kind.REMOVED);
            assertThat(row.changes()).contains(Field.removed("status", "NEW"));
        });
    }
}
