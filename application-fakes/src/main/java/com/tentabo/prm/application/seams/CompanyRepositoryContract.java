package com.tentabo.prm.application.seams;

import static com.tentabo.prm.application.fakes.TestRecords.aDistributor;
import static com.tentabo.prm.application.fakes.TestRecords.profile;
import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.company.CompanyQuery;
import com.tentabo.prm.application.company.port.out.DistributorRepository;
import com.tentabo.prm.application.company.port.out.PartnerRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.company.Assignment;
import com.tentabo.prm.domain.company.Company;
import com.tentabo.prm.domain.id.AssignmentId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the partner and distributor repositories do, against the fakes and against the JPA adapters on PostgreSQL. */
public abstract class CompanyRepositoryContract {

    protected abstract PartnerRepository partners();

    protected abstract DistributorRepository distributors();

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void aSavedPartnerReadsBackAndItsRegistrationNumberIsTakenWhateverTheCase() {
        Company<PartnerId> partner = Company.register(
                new PartnerId(UUID.randomUUID()), profile("Contract partner " + UUID.randomUUID()), true, T0);
        partners().save(partner);

        Company<PartnerId> read = partners().findById(partner.id()).orElseThrow();
        assertThat(read.profile()).isEqualTo(partner.profile());
        assertThat(read.active()).isTrue();
        String number = partner.profile().registrationNumber();
        assertThat(partners().registrationNumberTaken(number.toLowerCase(java.util.Locale.ROOT), null))
                .isTrue();
        assertThat(partners().registrationNumberTaken(number, partner.id())).isFalse();

        partners().save(read.revise(read.profile(), false, T0.plusSeconds(1)));
        assertThat(partners().findByIdForUpdate(partner.id()).orElseThrow().active())
                .isFalse();
        partners().delete(partner.id());
        assertThat(partners().findById(partner.id())).isEmpty();
    }

    @Test
    void theListIsOrderedByNameAndPagesByKeyset() {
        String prefix = "Contract list " + UUID.randomUUID().toString().substring(0, 8) + " ";
        Company<PartnerId> a = Company.register(new PartnerId(UUID.randomUUID()), profile(prefix + "a"), true, T0);
        Company<PartnerId> b = Company.register(new PartnerId(UUID.randomUUID()), profile(prefix + "b"), false, T0);
        Company<PartnerId> c = Company.register(new PartnerId(UUID.randomUUID()), profile(prefix + "c"), true, T0);
        partners().save(c);
        partners().save(a);
        partners().save(b);

        Page<Company<PartnerId>> first = partners().list(new CompanyQuery(prefix, null, 2, null), null);
        assertThat(first.items()).extracting(Company::id).containsExactly(a.id(), b.id());
        Page<Company<PartnerId>> rest =
                partners().list(new CompanyQuery(prefix, null, 2, Cursor.decode(first.nextCursor())), null);
        assertThat(rest.items()).extracting(Company::id).containsExactly(c.id());
        assertThat(rest.nextCursor()).isNull();
        assertThat(partners()
                        .list(new CompanyQuery(prefix.toUpperCase(java.util.Locale.ROOT), true, 10, null), null)
                        .items())
                .extracting(Company::id)
                .containsExactly(a.id(), c.id());
        assertThat(partners()
                        .list(new CompanyQuery(prefix, null, 10, null), Set.of(b.id()))
                        .items())
                .extracting(Company::id)
                .containsExactly(b.id());
        assertThat(partners()
                        .list(new CompanyQuery(prefix, null, 10, null), Set.of())
                        .items())
                .isEmpty();

        // among a set of ids (a distributor's partners): the same order, keyset, search and activity filter
        Set<PartnerId> among = Set.of(a.id(), b.id(), c.id(), new PartnerId(UUID.randomUUID()));
        Page<Company<PartnerId>> firstAmong = partners().list(new CompanyQuery(null, null, 2, null), among);
        assertThat(firstAmong.items()).extracting(Company::id).containsExactly(a.id(), b.id());
        Page<Company<PartnerId>> restAmong =
                partners().list(new CompanyQuery(null, null, 2, Cursor.decode(firstAmong.nextCursor())), among);
        assertThat(restAmong.items()).extracting(Company::id).containsExactly(c.id());
        assertThat(restAmong.nextCursor()).isNull();
        assertThat(partners()
                        .list(new CompanyQuery(prefix.strip() + " C", true, 10, null), among)
                        .items())
                .extracting(Company::id)
                .containsExactly(c.id());
        assertThat(partners()
                        .list(new CompanyQuery(null, false, 10, null), among)
                        .items())
                .extracting(Company::id)
                .containsExactly(b.id());
    }

    @Test
    void assignmentsLinkADistributorToItsPartners() {
        Company<DistributorId> distributor = aDistributor(T0);
        distributors().save(distributor);
        Company<PartnerId> active =
                Company.register(new PartnerId(UUID.randomUUID()), profile("Assigned " + UUID.randomUUID()), true, T0);
        Company<PartnerId> ended = Company.register(
                new PartnerId(UUID.randomUUID()), profile("Unassigned " + UUID.randomUUID()), true, T0);
        partners().save(active);
        partners().save(ended);
        Assignment one =
                Assignment.assign(new AssignmentId(UUID.randomUUID()), distributor.id(), active.id(), null, null, T0);
        Assignment two = Assignment.assign(
                new AssignmentId(UUID.randomUUID()), distributor.id(), ended.id(), null, null, T0.plusSeconds(1));
        distributors().saveAssignment(one);
        distributors().saveAssignment(two);
        distributors()
                .saveAssignment(new Assignment(
                        two.id(),
                        two.distributorId(),
                        two.partnerId(),
                        two.assignedAt(),
                        null,
                        false,
                        null,
                        two.createdAt(),
                        T0.plusSeconds(2)));

        assertThat(distributors().findById(distributor.id()).orElseThrow().profile())
                .isEqualTo(distributor.profile());
        assertThat(distributors().assignmentsOf(distributor.id(), null))
                .extracting(Assignment::id)
                .containsExactly(one.id(), two.id());
        assertThat(distributors().assignmentsOf(distributor.id(), true))
                .extracting(Assignment::id)
                .containsExactly(one.id());
        assertThat(distributors().activeDistributorsOf(active.id())).containsExactly(distributor.id());
        assertThat(distributors().activeDistributorsOf(ended.id())).isEmpty();
        assertThat(distributors()
                        .findAssignment(distributor.id(), ended.id())
                        .orElseThrow()
                        .active())
                .isFalse();
        Company<DistributorId> second = aDistributor(T0);
        distributors().save(second);
        Assignment other = Assignment.assign(
                new AssignmentId(UUID.randomUUID()), second.id(), ended.id(), null, null, T0.plusSeconds(3));
        distributors().saveAssignment(other);
        assertThat(distributors().assignmentsOfPartner(ended.id()))
                .extracting(Assignment::id)
                .containsExactly(two.id(), other.id());
        assertThat(distributors().assignmentsOfPartner(ended.id()))
                .extracting(Assignment::active)
                .containsExactly(false, true);

        distributors().deleteAssignment(one.id());
        assertThat(distributors().findAssignment(distributor.id(), active.id())).isEmpty();
    }
}
