package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Signing in and out of the console, the session cookie, CSRF, the language, and going back to the page asked. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsoleSignInTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    private String partnerUser() {
        UUID partner = TestData.partner(dataSource, "Console partner " + UUID.randomUUID());
        return ConsoleUsers.create(dataSource, hasher, Role.PARTNER, partner, null);
    }

    @Test
    void theRootLeadsToTheConsoleAndTheConsoleToSignInThenBackToThePageAsked() {
        RestAssured.given()
                .redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/ui"));
        ConsoleBrowser browser = new ConsoleBrowser("en").from(Api.freshAddress());
        Response asked = browser.get("/ui/orders?status=created");
        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(asked.header("Location")).endsWith("/ui/sign-in?next=%2Fui%2Forders%3Fstatus%3Dcreated");

        Document form = browser.pageAsIs(asked.header("Location").replaceAll("^https?://[^/]+", ""));
        assertThat(form.select("label[for=username]").text()).isEqualTo("Username");
        assertThat(form.select("input[name=next]").val()).isEqualTo("/ui/orders?status=created");
        Response signedIn = browser.post(
                "/ui/sign-in",
                Map.of(
                        "username",
                        partnerUser(),
                        "password",
                        ConsoleUsers.PASSWORD,
                        "next",
                        "/ui/orders?status=created"));
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.header("Location")).endsWith("/ui/orders?status=created");
        String setCookie = signedIn.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("prm_session="))
                .findFirst()
                .orElseThrow();
        assertThat(setCookie)
                .contains("Path=/ui")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict")
                .doesNotContain("Secure");
        assertThat(browser.cookie("prm_session")).startsWith("tcs_");
    }

    @Test
    void aWrongPasswordIsAReadableRefusalAndAnOpenRedirectIsRefused() {
        ConsoleBrowser browser = new ConsoleBrowser("fr-FR,fr;q=0.9").from(Api.freshAddress());
        browser.page("/ui/sign-in?next=https://evil.example/");
        Response refused = browser.post(
                "/ui/sign-in",
                Map.of("username", partnerUser(), "password", "wrong-password", "next", "https://evil.example/"));
        assertThat(refused.statusCode()).isEqualTo(401);
        Document page = browser.parse(refused);
        assertThat(page.select("[role=alert]").text()).contains("mot de passe est incorrect");
        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("input[name=next]").val()).isEqualTo("/ui");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndSigningOutRevokesTheSession() {
        ConsoleBrowser browser =
                new ConsoleBrowser("en").from(Api.freshAddress()).signIn(partnerUser(), ConsoleUsers.PASSWORD);
        String session = browser.cookie("prm_session");
        Response forged = browser.post("/ui/sign-out", Map.of("_csrf", "forged"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/ui").statusCode()).isEqualTo(200);

        assertThat(browser.post("/ui/sign-out", Map.of()).statusCode()).isEqualTo(303);
        Response afterwards = RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("prm_session", session)
                .get("/ui/leads");
        assertThat(afterwards.statusCode()).isEqualTo(303);
        assertThat(afterwards.header("Location")).contains("/ui/sign-in?next=");
    }

    @Test
    void theLanguageSwitchIsRemembered() {
        ConsoleBrowser browser =
                new ConsoleBrowser("en").from(Api.freshAddress()).signIn(partnerUser(), ConsoleUsers.PASSWORD);
        Response switched = browser.get("/ui/lang/fr?back=%2Fui");
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(browser.cookie("prm_lang")).isEqualTo("fr");
        Document home = browser.page("/ui");
        assertThat(home.select("html").attr("lang")).isEqualTo("fr");
        assertThat(home.select("nav a[aria-current=page]").text()).isEqualTo("Tableau de bord");
    }
}
