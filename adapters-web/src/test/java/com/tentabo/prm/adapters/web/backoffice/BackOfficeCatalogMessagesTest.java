package com.tentabo.prm.adapters.web.backoffice;

import org.junit.jupiter.api.Test;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog, company and user texts: both languages hold the same keys and placeholders, one method each. */
class BackOfficeCatalogMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = BackOfficeCatalogMessagesTest.class.getClassLoader().getResourceAsStream("messages/" + name)) {
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
        Properties en = bundle("boc_en.properties");
        Properties fr = bundle("boc_fr.properties");
        assertThat(fr.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(fr.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
            assertThat(fr.getProperty(key)).as(key).isNotBlank();
        }
        Set<String> methods = Arrays.stream(BackOfficeCatalogMessages.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toSet());
        assertThat(methods).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        // Quarkus 3.33 splits a bundle's resolver past 300 messages, and that split fails at start
        assertThat(methods).hasSizeLessThan(300);
    }

    @Test
    void everyCompanyFieldHasALabel() throws IOException {
        Properties en = bundle("boc_en.properties");
        CompaniesPage.PROFILE_FIELDS.forEach(f -> assertThat(en).containsKey("company_" + f));
    }
}
