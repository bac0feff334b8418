package com.tentabo.prm.adapters.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.web.support.MessageBundles;
import java.io.IOException;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The registration and programme texts: both languages hold the same keys and placeholders, one method each. */
class ProgrammeMessagesTest {

    @Test
    void everyStatusAndHistoryActionHasALabel() throws IOException {
        Properties en = MessageBundles.load("prog_en.properties");
        RegistrationsPage.STATUSES.forEach(s -> assertThat(en).containsKey(s.key()));
        for (String action : List.of(
                "submit",
                "resubmit",
                "approve",
                "reject",
                "return",
                "request_extension",
                "grant_extension",
                "refuse_extension",
                "convert",
                "expire")) {
            assertThat(en).containsKey("registration_action_" + action);
        }
    }
}
