package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.domain.notification.NotificationType;
import com.tentabo.prm.domain.registration.ConflictKind;
import com.tentabo.prm.domain.registration.MatchReason;
import com.tentabo.prm.domain.registration.RegistrationStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The texts of the review queue and the programme levels: both languages hold the same keys and placeholders, one
 * method each, and every status, conflict finding, match kind and rule the pages show has a label.
 */
class BackOfficeProgrammeMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BackOfficeProgrammeMessagesTest.class.getClassLoader().getResourceAsStream("messages/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)\\}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void englishAndFrenchHaveTheSameKeysAndPlaceholders_oneMethodEach() throws IOException {
        Properties en = bundle("bor_en.properties");
        Properties fr = bundle("bor_fr.properties");
        assertThat(fr.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(fr.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
            assertThat(fr.getProperty(key)).as(key).isNotBlank();
            assertThat(fr.getProperty(key)).as(key).isNotEqualTo(en.getProperty(key));
        }
        Set<String> methods = Arrays.stream(BackOfficeProgrammeMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(methods).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.size()).isLessThan(300);
    }

    @Test
    void everyStatusFindingMatchAndRegistrationNotificationHasALabel() throws IOException {
        Properties en = bundle("bor_en.properties");
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
        for (NotificationType t : NotificationType.values()) {
            String key = "notif_" + t.name().toLowerCase(Locale.ROOT);
            if (key.startsWith("notif_registration_") || key.startsWith("notif_programme_")) {
                assertThat(en).containsKey(key);
            }
        }
    }
}
