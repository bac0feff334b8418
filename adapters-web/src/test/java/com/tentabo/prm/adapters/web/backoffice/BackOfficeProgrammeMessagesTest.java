package com.tentabo.prm.adapters.web.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.web.support.MessageBundles;
import com.tentabo.prm.domain.registration.ConflictKind;
import com.tentabo.prm.domain.registration.MatchReason;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The texts of the review queue and the programme levels: every status, conflict finding, match kind and rule the
 * pages show has a label (both languages complete: {@code ConsoleMessagesTest}).
 */
class BackOfficeProgrammeMessagesTest {

    @Test
    void everyStatusFindingAndMatchHasALabel() throws IOException {
        Properties en = MessageBundles.load("bor_en.properties");
        for (RegistrationStatus s : RegistrationStatus.values()) {
            assertThat(en).containsKey("review_status_" + s.name().toLowerCase(Locale.ROOT));
        }
        for (ConflictKind k : ConflictKind.values()) {
            assertThat(en).containsKey("review_conflict_" + k.name().toLowerCase(Locale.ROOT));
        }
        for (MatchReason r : MatchReason.values()) {
            assertThat(en).containsKey("review_reason_" + r.name().toLowerCase(Locale.ROOT));
        }
        for (String kind : List.of("lead", "registration", "contract")) {
            assertThat(en).containsKey("review_kind_" + kind);
        }
    }
}
