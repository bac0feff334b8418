package com.tentabo.prm.adapters.web.support;

import com.tentabo.prm.adapters.web.backoffice.BackOfficeMessages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Both languages hold the same keys, with the same placeholders, one method of {@link Msg} each; amounts per locale. */
class ConsoleMessagesTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleMessagesTest.class.getClassLoader().getResourceAsStream("messages/" + name)) {
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

    /** The console's bundles checked here: file prefix and interface. */
    private static final Map<String, Class<?>> BUNDLES = Map.of("msg", Msg.class, "bo", BackOfficeMessages.class);

    @Test
    void englishAndFrenchHaveTheSameKeysAndPlaceholders() throws IOException {
        for (String name : BUNDLES.keySet()) {
            Properties en = bundle(name + "_en.properties");
            Properties fr = bundle(name + "_fr.properties");
            assertThat(fr.stringPropertyNames()).as(name).containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
            for (String key : en.stringPropertyNames()) {
                assertThat(placeholders(fr.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
                assertThat(fr.getProperty(key)).as(key).isNotBlank();
            }
        }
    }

    @Test
    void everyKeyIsAMethodOfTheBundleAndEveryMethodAKey() throws IOException {
        for (Map.Entry<String, Class<?>> bundle : BUNDLES.entrySet()) {
            Set<String> methods = Arrays.stream(bundle.getValue().getDeclaredMethods()).map(Method::getName)
                    .collect(Collectors.toSet());
            assertThat(methods).as(bundle.getKey())
                    .containsExactlyInAnyOrderElementsOf(bundle(bundle.getKey() + "_en.properties").stringPropertyNames());
        }
    }

    /** Quarkus 3.33 generates a bundle's resolver in groups of 300 messages and that split fails at start. */
    @Test
    void everyBundleStaysUnderThreeHundredMessages() {
        BUNDLES.forEach((name, type) -> assertThat(type.getDeclaredMethods().length).as(name).isLessThan(300));
    }

    @Test
    void amountsAreFormattedForTheLanguage() {
        assertThat(Formats.money(new BigDecimal("9720.00"), "EUR", Locales.ENGLISH)).isEqualTo("€9,720.00");
        assertThat(Formats.money(new BigDecimal("9720.00"), "EUR", Locales.FRENCH).replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("9 720,00 €");
    }

    @Test
    void theLanguageComesFromTheRememberedChoiceThenTheBrowser() {
        assertThat(Locales.of(null, "fr-CA,fr;q=0.9,en;q=0.8")).isEqualTo(Locales.FRENCH);
        assertThat(Locales.of("en", "fr-FR")).isEqualTo(Locales.ENGLISH);
        assertThat(Locales.of(null, "de-DE,de;q=0.9")).isEqualTo(Locales.ENGLISH);
        assertThat(Locales.of(null, "de-DE, en;q=0.5")).isEqualTo(Locales.ENGLISH);
        assertThat(Locales.of("xx", ";;;garbage==")).isEqualTo(Locales.ENGLISH);
    }

    @Test
    void onlyConsoleAddressesAreFollowedAfterSignIn() {
        assertThat(Paths.afterSignIn("/ui/orders?status=created")).isEqualTo("/ui/orders?status=created");
        assertThat(Paths.afterSignIn("https://evil.example/")).isEqualTo("/ui");
        assertThat(Paths.afterSignIn("//evil.example/ui")).isEqualTo("/ui");
        assertThat(Paths.afterSignIn("/ui\\@evil.example")).isEqualTo("/ui");
        assertThat(Paths.afterSignIn("/uiadmin")).isEqualTo("/ui");
        assertThat(Paths.afterSignIn("/ui/sign-in?next=/ui")).isEqualTo("/ui");
    }
}
