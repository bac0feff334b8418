package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.in.ConsoleSessionUseCase;
import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The console's password pages: the page an invitation (or reset) link leads to, and "change my password" in My
 * account — the same use cases as the API's, over the real database, parsed as a browser would.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsolePasswordsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    @Inject
    ConsoleSessionUseCase sessions;

    /** A partner user created by the admin; returns {username, invitation token}. */
    private String[] invitedPartnerUser() {
        String username = "invited-" + UUID.randomUUID().toString().substring(0, 8);
        UUID partner = TestData.partner(dataSource, "Invited console partner " + UUID.randomUUID());
        io.restassured.path.json.JsonPath created = Api.asAdmin()
                .body(Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.com",
                        "role",
                        "partner",
                        "partner_id",
                        partner.toString()))
                .post("/api/v1/users")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        return new String[] {username, created.getString("invitation.token")};
    }

    private static Map<String, String> passwords(String password, String repeat) {
        return Map.of("password", password, "new_password_repeat", repeat);
    }

    @Test
    void theInvitationLinkSetsThePasswordSignsInAndThenNoLongerWorks() {
        String[] invited = invitedPartnerUser();
        String link = "/ui/invitations/" + invited[1];
        ConsoleBrowser browser = new ConsoleBrowser("en").from(Api.freshAddress());
        Document form = browser.page(link);
        assertThat(form.select("h1").text()).isEqualTo("Choose your password");
        assertThat(form.select("label[for=password]").text()).isEqualTo("New password");
        assertThat(form.select("label[for=new_password_repeat]").text()).isEqualTo("New password, again");
        assertThat(form.select("input#password").attr("autocomplete")).isEqualTo("new-password");
        assertThat(browser.cookie("prm_csrf")).isNotBlank();

        Response differs = browser.post(link, passwords("the-invited-password", "the-invited-passwort"));
        assertThat(differs.statusCode()).isEqualTo(422);
        Document differsPage = browser.parse(differs);
        assertThat(differsPage.select("#new_password_repeat-error").text())
                .isEqualTo("The two passwords differ. Type the same password twice.");
        assertThat(differsPage.select("#new_password_repeat").attr("aria-invalid"))
                .isEqualTo("true");

        Response tooShort = browser.post(link, passwords("short", "short"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(browser.parse(tooShort).select("#password-error").text()).contains("at least 8 characters");

        Response accepted = browser.post(link, passwords("the-invited-password", "the-invited-password"));
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(accepted.header("Location")).endsWith("/ui");
        assertThat(browser.cookie("prm_session")).startsWith("tcs_");
        Document dashboard = browser.page("/ui");
        assertThat(dashboard.select(".who").text()).contains(invited[0]);

        // used: the same readable page as for an unknown, replaced or expired link, with no form
        ConsoleBrowser again = new ConsoleBrowser("fr-FR").from(Api.freshAddress());
        Response used = again.get(link);
        assertThat(used.statusCode()).isEqualTo(404);
        Document usedPage = again.parse(used);
        assertThat(usedPage.select("[role=alert]").text())
                .contains("déjà utilisé")
                .contains("expiré");
        assertThat(usedPage.select("form[action^=/ui/invitations]")).isEmpty();
        Response unknown = again.get("/ui/invitations/inv_" + "A".repeat(43));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(again.parse(unknown).select("[role=alert]").text())
                .isEqualTo(usedPage.select("[role=alert]").text());
        assertThat(again.get("/ui/invitations/not-a-token").statusCode()).isEqualTo(404);
        Response postedAgain = again.post(link, passwords("another-password", "another-password"));
        assertThat(postedAgain.statusCode()).isEqualTo(404);

        // the password set through the page signs in, in the console and in the API
        new ConsoleBrowser("en").from(Api.freshAddress()).signIn(invited[0], "the-invited-password");
        assertThat(Api.login(invited[0], "the-invited-password")).isNotBlank();
    }

    @Test
    void anInvitationFormWithoutItsCsrfTokenIsRefusedAndTheLinkStillWorks() {
        String[] invited = invitedPartnerUser();
        String link = "/ui/invitations/" + invited[1];
        ConsoleBrowser browser = new ConsoleBrowser("en").from(Api.freshAddress());
        browser.page(link);
        Response forged = browser.post(
                link,
                Map.of(
                        "_csrf",
                        "forged",
                        "password",
                        "the-forged-password",
                        "new_password_repeat",
                        "the-forged-password"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.parse(forged).select("[role=alert]").text())
                .isEqualTo("This form had expired. Please try again.");
        assertThat(browser.cookie("prm_session")).isNull();
        Response noCookie = RestAssured.given()
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("password", "the-forged-password", "new_password_repeat", "the-forged-password"))
                .post(link);
        assertThat(noCookie.statusCode()).isEqualTo(403);

        assertThat(browser.post(link, passwords("the-real-password", "the-real-password"))
                        .statusCode())
                .isEqualTo(303);
        assertThat(Api.login(invited[0], "the-real-password")).isNotBlank();
    }

    @Test
    void changingThePasswordKeepsThePersonSignedInAndOnlyTheNewPasswordWorks() {
        UUID partner = TestData.partner(dataSource, "Console password partner " + UUID.randomUUID());
        String username = ConsoleUsers.create(dataSource, hasher, Role.PARTNER, partner, null);
        ConsoleBrowser browser =
                new ConsoleBrowser("en").from(Api.freshAddress()).signIn(username, ConsoleUsers.PASSWORD);
        String oldSession = browser.cookie("prm_session");
        Document account = browser.page("/ui/account");
        assertThat(account.select("label[for=current_password]").text()).isEqualTo("Current password");
        assertThat(account.select("form[action=/ui/account/password] input[type=password]"))
                .hasSize(3);

        Response wrongCurrent = browser.post(
                "/ui/account/password",
                Map.of(
                        "current_password",
                        "not-my-password",
                        "new_password",
                        "my-brand-new-password",
                        "new_password_repeat",
                        "my-brand-new-password"));
        assertThat(wrongCurrent.statusCode()).isEqualTo(422);
        assertThat(browser.parse(wrongCurrent).select("#current_password-error").text())
                .isEqualTo("This is not your current password.");
        Response differs = browser.post(
                "/ui/account/password",
                Map.of(
                        "current_password",
                        ConsoleUsers.PASSWORD,
                        "new_password",
                        "my-brand-new-password",
                        "new_password_repeat",
                        "my-brand-new-passwort"));
        assertThat(differs.statusCode()).isEqualTo(422);
        assertThat(browser.parse(differs).select("#new_password_repeat-error").text())
                .contains("differ");
        Response forged = browser.post(
                "/ui/account/password",
                Map.of(
                        "_csrf",
                        "forged",
                        "current_password",
                        ConsoleUsers.PASSWORD,
                        "new_password",
                        "my-forged-password",
                        "new_password_repeat",
                        "my-forged-password"));
        assertThat(forged.statusCode()).isEqualTo(403);

        Response changed = browser.post(
                "/ui/account/password",
                Map.of(
                        "current_password",
                        ConsoleUsers.PASSWORD,
                        "new_password",
                        "my-brand-new-password",
                        "new_password_repeat",
                        "my-brand-new-password"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(changed.header("Location")).endsWith("/ui/account?password=changed#password");
        assertThat(browser.cookie("prm_session")).startsWith("tcs_").isNotEqualTo(oldSession);
        Document confirmed = browser.page("/ui/account?password=changed");
        assertThat(confirmed.select("#password [role=status]").text()).startsWith("Your password is changed.");
        assertThat(browser.page("/ui").select(".who").text()).contains(username);

        // the old session no longer opens a page; the old password no longer signs in; the new one does
        Response withOldSession = RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("prm_session", oldSession)
                .get("/ui");
        assertThat(withOldSession.statusCode()).isEqualTo(303);
        assertThat(withOldSession.header("Location")).contains("/ui/sign-in");
        ConsoleBrowser other = new ConsoleBrowser("en").from(Api.freshAddress());
        other.page("/ui/sign-in");
        assertThat(other.post(
                                "/ui/sign-in",
                                Map.of("username", username, "password", ConsoleUsers.PASSWORD, "next", "/ui"))
                        .statusCode())
                .isEqualTo(401);
        other.signIn(username, "my-brand-new-password");
    }

    @Test
    void aDirectoryUserIsToldItsDirectoryKeepsItsPassword() {
        UUID partner = TestData.partner(dataSource, "Directory partner " + UUID.randomUUID());
        UUID user = TestData.user(dataSource, Role.PARTNER, partner, null);
        String session = sessions.start(new LoginUseCase.LoginResult(PrincipalKind.USER, user, "directory-user"))
                .token();
        Response account = RestAssured.given()
                .redirects()
                .follow(false)
                .header("Accept-Language", "fr")
                .cookie("prm_session", session)
                .get("/ui/account");
        assertThat(account.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(account.asString());
        assertThat(page.select("#password").text()).contains("géré par l'annuaire de votre société");
        assertThat(page.select("#password form")).isEmpty();
    }
}
