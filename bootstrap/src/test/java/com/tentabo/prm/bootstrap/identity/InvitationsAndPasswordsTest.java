package com.tentabo.prm.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.identity.service.Invitations;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.MovableClock;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Nobody sets another person's password: invitations, password change and reset, and the revocation of earlier
 * tokens and API keys that follows them.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class InvitationsAndPasswordsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TokenService tokens;

    @Inject
    MovableClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response login(String username, String password) {
        return Api.from(Api.freshAddress())
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login");
    }

    private static Response accept(String token, String password) {
        return Api.from(Api.freshAddress())
                .body(Map.of("password", password))
                .post("/api/v1/auth/invitations/" + token);
    }

    private JsonPath createPartnerUser(String token, String username) {
        UUID partner = TestData.partner(dataSource, unique("Invited partner"));
        return Api.as(token)
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
    }

    @Test
    void givenRestrictedAdmin_whenItCreatesAUser_thenItChoosesNoPasswordAndCannotSignInAsIt() {
        String restricted = TestData.tokenFor(tokens, TestData.user(dataSource, Role.RESTRICTED_ADMIN, null, null));
        String username = unique("puppet");
        // the attack: a user with a password of the creator's choosing
        Api.as(restricted)
                .body(Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.com",
                        "role",
                        "fulfiller",
                        "password",
                        "chosen-by-the-creator"))
                .post("/api/v1/users")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("VALIDATION_FAILED"))
                .body("errors[0].field", is("password"));
        // still allowed: creating it, without a password and without a link the creator could use
        String id = Api.as(restricted)
                .body(Map.of("username", username, "email", username + "@example.com", "role", "fulfiller"))
                .post("/api/v1/users")
                .then()
                .statusCode(201)
                .header("Cache-Control", is("no-store"))
                .body("provider", is("database"))
                .body("enabled", is(true))
                .body("password_setup", is("admin_invitation_required"))
                .body("invitation", nullValue())
                .extract()
                .path("id");
        login(username, "chosen-by-the-creator").then().statusCode(401).body("code", is("INVALID_CREDENTIALS"));
        login(username, "!no-password-set").then().statusCode(401);
        Api.as(restricted)
                .post("/api/v1/users/" + id + "/password-reset")
                .then()
                .statusCode(403)
                .body("code", is("FORBIDDEN"));
        // an ADMIN issues the link; the person behind it sets the password
        String link = Api.asAdmin()
                .post("/api/v1/users/" + id + "/password-reset")
                .then()
                .statusCode(200)
                .header("Cache-Control", is("no-store"))
                .extract()
                .path("token");
        String token = Api.acceptInvitation(link, "the-fulfillers-own");
        Api.as(token)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("id", is(id))
                .body("role", is("fulfiller"));
    }

    @Test
    void givenAdminCreatesAUser_thenTheInvitationIsShownOnce_setsThePasswordOnce_andIsKeptHashed() {
        String username = unique("invited");
        JsonPath created = createPartnerUser(Api.adminToken(), username);
        String id = created.getString("id");
        String token = created.getString("invitation.token");
        assertThat(created.getString("password_setup")).isEqualTo("invitation");
        assertThat(token).matches("inv_[A-Za-z0-9_-]{43}");
        assertThat(created.getString("invitation.url")).endsWith("/api/v1/auth/invitations/" + token);
        Instant expires = Instant.parse(created.getString("invitation.expires_at"));
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofHours(71), Duration.ofHours(72));
        // the link is never stored, nor shown again
        assertThat(TestData.count(dataSource, "SELECT count(*) FROM password_invitations WHERE token_hash = ?", token))
                .isZero();
        assertThat(TestData.count(
                        dataSource, "SELECT count(*) FROM password_invitations WHERE user_id = ?", UUID.fromString(id)))
                .isEqualTo(1);
        Api.asAdmin()
                .get("/api/v1/users/" + id)
                .then()
                .statusCode(200)
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("invitation")));
        // before the invitation is used nothing signs in
        login(username, "the-invited-password").then().statusCode(401);

        accept(token, "short").then().statusCode(400).body("errors[0].field", is("password"));
        String access = accept(token, "the-invited-password")
                .then()
                .statusCode(200)
                .header("Cache-Control", is("no-store"))
                .body("token_type", is("Bearer"))
                .extract()
                .path("access_token");
        Api.as(access).get("/api/v1/auth/me").then().statusCode(200).body("id", is(id));
        accept(token, "another-password")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", is("INVITATION_INVALID"));
        login(username, "the-invited-password").then().statusCode(200).header("Cache-Control", is("no-store"));
        accept("not-a-token", "another-password").then().statusCode(404).body("code", is("INVITATION_INVALID"));
    }

    @Test
    void givenAnExpiredInvitation_thenItIsRefused() {
        String username = unique("late");
        JsonPath created = createPartnerUser(Api.adminToken(), username);
        clock.advance(Invitations.LIFETIME.plusSeconds(1));
        accept(created.getString("invitation.token"), "in-time-password")
                .then()
                .statusCode(404)
                .body("code", is("INVITATION_INVALID"));
    }

    @Test
    void givenASignedInUser_whenItChangesItsPassword_thenEarlierTokensAndKeysStopWorking() {
        String username = unique("changer");
        UUID partner = TestData.partner(dataSource, unique("Changer partner"));
        Api.databaseUser(
                Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.com",
                        "role",
                        "partner",
                        "partner_id",
                        partner.toString()),
                "the-first-password");
        String before = login(username, "the-first-password")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        String key = Api.as(before)
                .body(Map.of("name", "script"))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        Api.as(key).get("/api/v1/auth/me").then().statusCode(200);

        Api.as(before)
                .body(Map.of("current_password", "not-it", "new_password", "the-second-password"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("current_password"));
        Api.as(before)
                .body(Map.of("current_password", "the-first-password", "new_password", "short"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("new_password"));
        String after = Api.as(before)
                .body(Map.of("current_password", "the-first-password", "new_password", "the-second-password"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(200)
                .header("Cache-Control", is("no-store"))
                .extract()
                .path("access_token");

        Api.as(before).get("/api/v1/auth/me").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        Api.as(key).get("/api/v1/auth/me").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        Api.as(after).get("/api/v1/auth/me").then().statusCode(200);
        Api.as(after).get("/api/v1/auth/api-keys").then().statusCode(200).body("items[0].revoked_at", notNullValue());
        login(username, "the-first-password").then().statusCode(401);
        login(username, "the-second-password").then().statusCode(200);
    }

    @Test
    void givenAnAdminResetsAnAdminAccount_thenItsTokensStopAndOnlyTheNewestLinkSetsAPassword() {
        String username = unique("acct");
        String id = Api.adminAccount(username, "the-acct-password");
        String before = login(username, "the-acct-password")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        Api.as(before).get("/api/v1/auth/me").then().statusCode(200).body("kind", is("admin_user"));

        String first = Api.asAdmin()
                .post("/api/v1/admin-users/" + id + "/password-reset")
                .then()
                .statusCode(200)
                .header("Cache-Control", is("no-store"))
                .body("token", startsWith("inv_"))
                .body("expires_at", notNullValue())
                .extract()
                .path("token");
        Api.as(before).get("/api/v1/auth/me").then().statusCode(401);
        login(username, "the-acct-password").then().statusCode(401);
        String second = Api.asAdmin()
                .post("/api/v1/admin-users/" + id + "/password-reset")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        accept(first, "a-replaced-link").then().statusCode(404).body("code", is("INVITATION_INVALID"));
        String access = accept(second, "the-new-acct-password")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        Api.as(access).get("/api/v1/auth/me").then().statusCode(200).body("id", is(id));
        assertThat(TestData.count(
                        dataSource,
                        "SELECT count(*) FROM audit_logs WHERE action = 'password.reset' " + "AND entity_id = ?",
                        UUID.fromString(id)))
                .isEqualTo(2);
        // nobody sets another person's password, admin accounts included
        Api.asAdmin()
                .body(Map.of("password", "chosen-by-another"))
                .patch("/api/v1/admin-users/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("password"));
        String other = unique("acct");
        Api.asAdmin()
                .body(Map.of("username", other, "email", other + "@example.com", "password", "chosen-by-another"))
                .post("/api/v1/admin-users")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("password"));
    }

    @Test
    void givenAUserOfADirectory_thenItsPasswordIsNotChangedOrResetHere() {
        UUID user = TestData.user(dataSource, Role.FULFILLER, null, null);
        Api.as(TestData.tokenFor(tokens, user))
                .body(Map.of("current_password", "whatever-it-is", "new_password", "a-new-password"))
                .post("/api/v1/auth/password")
                .then()
                .statusCode(422)
                .body("code", is("PASSWORD_NOT_LOCAL"));
        Api.asAdmin()
                .post("/api/v1/users/" + user + "/password-reset")
                .then()
                .statusCode(422)
                .body("code", is("PASSWORD_NOT_LOCAL"));
    }
}
