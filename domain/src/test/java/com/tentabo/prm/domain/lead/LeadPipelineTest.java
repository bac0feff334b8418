package com.tentabo.prm.domain.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.LeadActivityId;
import com.tentabo.prm.domain.id.LeadHistoryId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.LeadNoteId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LeadPipelineTest {

    private static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");
    private static final UserId OWNER = new UserId(UUID.randomUUID());

    private static LeadDetails details() {
        return new LeadDetails(
                "Firewall renewal",
                "ACME",
                "Ada Lovelace",
                "ada@acme.example",
                null,
                new BigDecimal("1200.5"),
                "eur",
                40,
                null);
    }

    private static Lead lead(LeadStatus status) {
        return Lead.restore(
                new LeadId(UUID.randomUUID()),
                Lead.OWN_PROVIDER,
                null,
                details(),
                status,
                OWNER,
                TenantRef.of(new PartnerId(UUID.randomUUID()), null),
                T0,
                T0);
    }

    @Test
    void givenNewLead_whenCreated_thenStatusNewAndOneHistoryRowWithoutOldStatus() {
        LeadId id = new LeadId(UUID.randomUUID());
        Lead.Created created = Lead.create(id, new LeadHistoryId(UUID.randomUUID()), details(), OWNER, null, OWNER, T0);
        assertThat(created.lead().status()).isEqualTo(LeadStatus.NEW);
        assertThat(created.lead().providerName()).isEqualTo("tentabo");
        assertThat(created.history().from()).isNull();
        assertThat(created.history().to()).isEqualTo(LeadStatus.NEW);
        assertThat(created.history().leadId()).isEqualTo(id);
    }

    @Test
    void givenTheTransitionTable_thenItIsExactlyThePipelineOfTheDomainRules() {
        assertThat(LeadStatus.NEW.allowedTargets()).isEqualTo(EnumSet.complementOf(EnumSet.of(LeadStatus.NEW)));
        assertThat(LeadStatus.NEGOTIATION.allowedTargets()).containsExactlyInAnyOrder(LeadStatus.WON, LeadStatus.LOST);
        assertThat(LeadStatus.WON.allowedTargets()).isEmpty();
        assertThat(LeadStatus.LOST.allowedTargets()).containsExactly(LeadStatus.NEW);
        assertThat(LeadStatus.PROPOSAL.canMoveTo(LeadStatus.CONTACTED)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(
            value = LeadStatus.class,
            names = {"NEW", "CONTACTED", "QUALIFIED", "PROPOSAL", "NEGOTIATION"})
    void givenAnyOpenStatus_whenMovedToLost_thenAllowedAndHistoryNamesBoth(LeadStatus open) {
        Lead.Moved moved = lead(open)
                .moveTo(
                        LeadStatus.LOST,
                        new LeadHistoryId(UUID.randomUUID()),
                        OWNER,
                        false,
                        " budget cut ",
                        T0.plusSeconds(5));
        assertThat(moved.lead().status()).isEqualTo(LeadStatus.LOST);
        assertThat(moved.lead().updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(moved.history().from()).isEqualTo(open);
        assertThat(moved.history().to()).isEqualTo(LeadStatus.LOST);
        assertThat(moved.history().reason()).isEqualTo("budget cut");
    }

    @Test
    void givenWonLead_whenMovedAnywhere_thenIllegalTransitionNamingFromAndTo() {
        assertThatThrownBy(() -> lead(LeadStatus.WON)
                        .moveTo(LeadStatus.LOST, new LeadHistoryId(UUID.randomUUID()), OWNER, true, null, T0))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ILLEGAL_LEAD_TRANSITION);
                    assertThat(e.detail()).contains("from won to lost");
                });
    }

    @Test
    void givenProposal_whenMovedBackwards_thenIllegal() {
        assertThatThrownBy(() -> lead(LeadStatus.PROPOSAL)
                        .moveTo(LeadStatus.CONTACTED, new LeadHistoryId(UUID.randomUUID()), OWNER, true, null, T0))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.detail()).contains("from proposal to contacted"));
    }

    @Test
    void givenLostLead_whenReopenedByOwnerOrAdmin_thenNew_butByAnotherUser_thenForbidden() {
        assertThat(lead(LeadStatus.LOST)
                        .moveTo(LeadStatus.NEW, new LeadHistoryId(UUID.randomUUID()), OWNER, false, null, T0)
                        .lead()
                        .status())
                .isEqualTo(LeadStatus.NEW);
        assertThat(lead(LeadStatus.LOST)
                        .moveTo(
                                LeadStatus.NEW,
                                new LeadHistoryId(UUID.randomUUID()),
                                new UserId(UUID.randomUUID()),
                                true,
                                null,
                                T0)
                        .lead()
                        .status())
                .isEqualTo(LeadStatus.NEW);
        assertThatThrownBy(() -> lead(LeadStatus.LOST)
                        .moveTo(
                                LeadStatus.NEW,
                                new LeadHistoryId(UUID.randomUUID()),
                                new UserId(UUID.randomUUID()),
                                false,
                                null,
                                T0))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void givenSameStatus_whenMoved_thenIllegal() {
        assertThatThrownBy(() -> lead(LeadStatus.NEW)
                        .moveTo(LeadStatus.NEW, new LeadHistoryId(UUID.randomUUID()), OWNER, true, null, T0))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void givenDetails_thenValueScaledToCentsAndCurrencyUpperCased() {
        LeadDetails d = details();
        assertThat(d.value()).isEqualByComparingTo("1200.50").hasToString("1200.50");
        assertThat(d.currency()).isEqualTo("EUR");
    }

    @Test
    void givenBadDetails_thenEveryFaultyFieldIsNamed() {
        assertThatThrownBy(() ->
                        new LeadDetails(" ", "ACME", "x", "not-an-email", null, new BigDecimal("-1"), "XYZ", 101, null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactlyInAnyOrder(
                                        "title", "contact_email", "value", "currency", "probability"));
        assertThatThrownBy(() -> new LeadDetails("t", "o", "c", null, null, new BigDecimal("1.001"), "EUR", null, null))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() ->
                        new LeadDetails("t", "o", "c", null, null, new BigDecimal("10000000000"), "EUR", null, null))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new LeadDetails("t", "o", "c", null, null, BigDecimal.ONE, null, null, null))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("currency"));
    }

    @Test
    void givenActivity_whenMarkedDoneThenUndone_thenDoneAtFollows() {
        LeadActivity a = LeadActivity.plan(
                new LeadActivityId(UUID.randomUUID()),
                new LeadId(UUID.randomUUID()),
                ActivityType.CALL,
                "Call",
                null,
                T0,
                OWNER,
                T0);
        LeadActivity done = a.markDone(true, T0.plusSeconds(60));
        assertThat(done.done()).isTrue();
        assertThat(done.doneAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(done.markDone(true, T0.plusSeconds(120)).doneAt()).isEqualTo(T0.plusSeconds(60));
        LeadActivity undone = done.markDone(false, T0.plusSeconds(180));
        assertThat(undone.done()).isFalse();
        assertThat(undone.doneAt()).isNull();
    }

    @Test
    void storedDetailsAreReadAsTheyAreAndTheRulesStillHoldForNewOnes() {
        LeadDetails legacy = LeadDetails.stored(
                "  Old  ", "ACME", "Bob", "bob at acme", null, new BigDecimal("10.5"), "eu", 140, null);

        assertThat(legacy.contactEmail()).isEqualTo("bob at acme");
        assertThat(legacy.currency()).isEqualTo("eu");
        assertThat(legacy.title()).isEqualTo("  Old  ");
        assertThat(legacy.probability()).isEqualTo(140);
        assertThatThrownBy(() -> new LeadDetails("t", "o", "c", "bob at acme", null, null, null, null, null))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void storedActivitiesAndNotesAreReadAsTheyAre_markingDoneKeepsTheText_butARevisionIsChecked() {
        LeadId lead = new LeadId(UUID.randomUUID());
        String longText = "x".repeat(10_001);
        LeadActivity legacy = LeadActivity.stored(
                new LeadActivityId(UUID.randomUUID()),
                lead,
                ActivityType.OTHER,
                "  Call  ",
                longText,
                null,
                false,
                null,
                null,
                T0,
                T0);

        assertThat(legacy.subject()).isEqualTo("  Call  ");
        assertThat(legacy.description()).hasSize(10_001);
        LeadActivity done = legacy.markDone(true, T0.plusSeconds(60));
        assertThat(done.done()).isTrue();
        assertThat(done.description()).isEqualTo(longText);
        assertThatThrownBy(() -> legacy.revise(ActivityType.CALL, "Call", longText, null, T0))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("description"));
        assertThat(legacy.revise(ActivityType.CALL, " Call ", "short", null, T0).subject())
                .isEqualTo("Call");

        assertThat(LeadNote.stored(new LeadNoteId(UUID.randomUUID()), lead, "   ", null, T0, T0)
                        .content())
                .isEqualTo("   ");
        assertThat(LeadNote.stored(new LeadNoteId(UUID.randomUUID()), lead, longText, null, T0, T0)
                        .content())
                .hasSize(10_001);
        assertThatThrownBy(() -> LeadNote.write(new LeadNoteId(UUID.randomUUID()), lead, "   ", null, T0))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("content");
        assertThatThrownBy(() -> LeadNote.write(new LeadNoteId(UUID.randomUUID()), lead, longText, null, T0))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("content");
    }
}
