package com.tentabo.prm.adapters.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.web.backoffice.BackOfficeCatalogMessages;
import com.tentabo.prm.adapters.web.backoffice.BackOfficeMessages;
import com.tentabo.prm.adapters.web.backoffice.BackOfficeOpsMessages;
import com.tentabo.prm.adapters.web.backoffice.BackOfficeProgrammeMessages;
import com.tentabo.prm.adapters.web.portal.NotificationMessages;
import com.tentabo.prm.adapters.web.portal.ProgrammeMessages;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both languages hold the same keys, with the same placeholders, one method of {@link Msg} each; amounts per locale. */
class ConsoleMessagesTest {

    /** The console's bundles: file prefix and interface. */
    private static final Map<String, Class<?>> BUNDLES = Map.of(
            "msg",
            Msg.class,
            "bo",
            BackOfficeMessages.class,
            "prog",
            ProgrammeMessages.class,
            "ntf",
            NotificationMessages.class,
            "bop",
            BackOfficeOpsMessages.class,
            "bor",
            BackOfficeProgrammeMessages.class,
            "boc",
            BackOfficeCatalogMessages.class,
            "bil",
            com.tentabo.prm.adapters.web.backoffice.BillingMessages.class);

    @Test
    void everyBundleIsCompleteInEnglishAndFrench_oneMethodPerKey() throws IOException {
        for (Map.Entry<String, Class<?>> bundle : BUNDLES.entrySet()) {
            MessageBundles.assertComplete(bundle.getKey(), bundle.getValue());
        }
    }

    /** Quarkus 3.33 generates a bundle's resolver in groups of 300 messages and that split fails at start. */
    @Test
    void everyBundleStaysUnderThreeHundredMessages() {
        BUNDLES.forEach((name, type) ->
                assertThat(type.getDeclaredMethods().length).as(name).isLessThan(300));
    }

    @Test
    void amountsAreFormattedForTheLanguage() {
        assertThat(Formats.money(new BigDecimal("9720.00"), "EUR", Locales.ENGLISH))
                .isEqualTo("€9,720.00");
        assertThat(Formats.money(new BigDecimal("9720.00"), "EUR", Locales.FRENCH)
                        .replace('\u202f', ' ')
                        .replace('\u00a0', ' '))
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
