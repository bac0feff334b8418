package com.tentabo.prm.application.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Where a lead sync resumes: after the last lead handled, counting the leads of that same second. */
class LeadCursorTest {

    static CrmLeadPage.Change change(String id, String at) {
        return new CrmLeadPage.Change(id, at == null ? null : Instant.parse(at));
    }

    @Test
    void theResumePoint_isTheLastLeadsSecond_withHowManyOfThatSecondWereHandled() {
        LeadCursor.Progress progress = new LeadCursor(null, 0).progress();
        progress.handled(change("a", "2026-11-19T07:59:59.900Z"));
        progress.handled(change("b", "2026-11-19T08:00:00.100Z"));
        progress.handled(change("c", null));
        progress.handled(change("d", "2026-11-19T08:00:00.700Z"));

        assertThat(progress.resumePoint().format()).isEqualTo("2026-11-19T08:00:00Z|2");
    }

    @Test
    void aRunThatHandledNothing_resumesWhereItStarted_andLeadsOfTheStartingSecondAddToItsSkip() {
        LeadCursor from = LeadCursor.parse("2026-11-19T08:00:00Z|2").orElseThrow();
        assertThat(from.progress().resumePoint()).isEqualTo(from);

        LeadCursor.Progress progress = from.progress();
        progress.handled(change("e", "2026-11-19T08:00:00.900Z"));
        assertThat(progress.resumePoint().format()).isEqualTo("2026-11-19T08:00:00Z|3");
    }

    @Test
    void theBeginning_andCursorsThatAreNotOurs() {
        assertThat(LeadCursor.parse("|0")).contains(new LeadCursor(null, 0));
        assertThat(LeadCursor.parse("2026-11-19T08:00:00.123Z|1"))
                .contains(new LeadCursor(Instant.parse("2026-11-19T08:00:00Z"), 1));
        assertThat(LeadCursor.parse("300")).isEmpty();
        assertThat(LeadCursor.parse("yesterday|1")).isEmpty();
        assertThat(LeadCursor.parse("2026-11-19T08:00:00Z|-1")).isEmpty();
        assertThat(LeadCursor.parse("2026-11-19T08:00:00Z|x")).isEmpty();
        assertThat(LeadCursor.parse(null)).isEmpty();
    }
}
