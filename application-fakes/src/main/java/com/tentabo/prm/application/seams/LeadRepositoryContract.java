package com.tentabo.prm.application.seams;

import static com.tentabo.prm.application.fakes.TestRecords.aPartner;
import static com.tentabo.prm.application.fakes.TestRecords.leadDetails;
import static com.tentabo.prm.application.fakes.TestRecords.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.lead.LeadQuery;
import com.tentabo.prm.application.lead.port.out.LeadRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.LeadHistoryId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.LeadNoteId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadNote;
import com.tentabo.prm.domain.lead.LeadStatus;
import com.tentabo.prm.domain.lead.StatusChange;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link LeadRepository} does, against the fake and against the JPA adapter on PostgreSQL. */
public abstract class LeadRepositoryContract {

    protected abstract LeadRepository leads();

    protected abstract PartnerRepository partners();

    protected abstract UUID newUser();

    /**
     * Where a service's transaction would end: the adapter on PostgreSQL writes pending changes and forgets what it
     * read (a later use case reads in a transaction of its own); nothing to do in memory.
     */
    protected void committed() {}

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    TenantRef tenant() {
        Company<PartnerId> p = aPartner(T0);
        partners().save(p);
        return new TenantRef(p.id(), null);
    }

    Lead.Created create(UserId owner, TenantRef tenant, String title, Instant at) {
        Lead.Created created = Lead.create(
                new LeadId(UUID.randomUUID()),
                new LeadHistoryId(UUID.randomUUID()),
                leadDetails(title),
                owner,
                tenant,
                owner,
                at);
        leads().save(created.lead());
        leads().appendHistory(created.history());
        return created;
    }

    @Test
    void aSavedLeadReadsBackAndKeepsItsTenantAndCreationWhenChanged() {
        UserId owner = new UserId(newUser());
        TenantRef tenant = tenant();
        Lead lead = create(owner, tenant, unique("Lead"), T0).lead();

        Lead moved = lead.moveTo(
                        LeadStatus.CONTACTED,
                        new LeadHistoryId(UUID.randomUUID()),
                        owner,
                        false,
                        "called",
                        T0.plusSeconds(60))
                .lead();
        leads().save(moved);

        Lead read = leads().findById(lead.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(read.tenant()).isEqualTo(tenant);
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.updatedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(read.details().title()).isEqualTo(lead.details().title());
        assertThat(leads().findByIdForUpdate(lead.id())).isPresent();
        assertThat(leads().hasOrders(lead.id())).isFalse();
    }

    @Test
    void historyIsOldestFirstAndGoesWithTheLead() {
        UserId owner = new UserId(newUser());
        Lead.Created created = create(owner, tenant(), unique("Lead"), T0);
        Lead.Moved moved = created.lead()
                .moveTo(
                        LeadStatus.CONTACTED,
                        new LeadHistoryId(UUID.randomUUID()),
                        owner,
                        false,
                        "called",
                        T0.plusSeconds(5));
        leads().save(moved.lead());
        leads().appendHistory(moved.history());
        LeadNote note =
                new LeadNote(new LeadNoteId(UUID.randomUUID()), created.lead().id(), "a note", owner, T0, T0);
        leads().saveNote(note);

        assertThat(leads().history(created.lead().id()))
                .extracting(StatusChange::to)
                .containsExactly(LeadStatus.NEW, LeadStatus.CONTACTED);
        assertThat(leads().findNote(created.lead().id(), note.id())).isPresent();
        assertThat(leads().findNote(new LeadId(UUID.randomUUID()), note.id())).isEmpty();

        leads().delete(created.lead().id());
        committed();
        assertThat(leads().findById(created.lead().id())).isEmpty();
        assertThat(leads().history(created.lead().id())).isEmpty();
        assertThat(leads().findNote(created.lead().id(), note.id())).isEmpty();
    }

    @Test
    void theListFiltersByScopeAndSearchAndPagesNewestFirst() {
        UserId owner = new UserId(newUser());
        TenantRef tenant = tenant();
        String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        Lead first = create(owner, tenant, word + " first", T0).lead();
        Lead second = create(owner, tenant, word + " second", T0.plusSeconds(1)).lead();
        Lead third = create(owner, tenant, word + " third", T0.plusSeconds(2)).lead();
        create(owner, tenant(), word + " elsewhere", T0.plusSeconds(3));

        TenantScope scope = new TenantScope.OfPartner(tenant.partnerId());
        Page<Lead> page = leads().list(query(null, null, 2, null), scope);
        assertThat(page.items()).extracting(Lead::id).containsExactly(third.id(), second.id());
        assertThat(page.nextCursor()).isNotNull();
        Page<Lead> rest = leads().list(query(null, null, 2, Cursor.decode(page.nextCursor())), scope);
        assertThat(rest.items()).extracting(Lead::id).containsExactly(first.id());
        assertThat(rest.nextCursor()).isNull();

        assertThat(leads().list(query(word + " sec", null, 10, null), new TenantScope.Everything())
                        .items())
                .extracting(Lead::id)
                .containsExactly(second.id());
        assertThat(leads().list(query(word, Set.of(LeadStatus.WON), 10, null), scope)
                        .items())
                .isEmpty();
    }

    private static LeadQuery query(String search, Set<LeadStatus> statuses, int limit, Cursor after) {
        return new LeadQuery(statuses, null, null, null, null, null, null, search, limit, after);
    }
}
