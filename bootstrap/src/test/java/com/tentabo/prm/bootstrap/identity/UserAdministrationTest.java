package com.tentabo.prm.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class UserAdministrationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TokenService tokens;

    @Test
    void givenDistributor_whenAssignmentIsDeactivated_thenPartnerUsersAnswer404OnTheVeryNextRequest() {
        UUID distributor = TestData.distributor(dataSource, "Distri " + UUID.randomUUID());
        UUID partner = TestData.partner(dataSource, "Partner " + UUID.randomUUID());
        TestData.assign(dataSource, distributor, partner, true);
        UUID colleagueOfPartner = TestData.user(dataSource, Role.PARTNER, partner, null);
        String token = TestData.tokenFor(tokens, TestData.user(dataSource, Role.DISTRIBUTOR, null, distributor));
        Api.as(token).get("/api/v1/users/" + colleagueOfPartner).then().statusCode(200);
        Api.as(token)
                .get("/api/v1/users?partner_id=" + partner)
                .then()
                .statusCode(200)
                .body("items.size()", is(1));

        TestData.assign(dataSource, distributor, partner, false);

        Api.as(token)
                .get("/api/v1/users/" + colleagueOfPartner)
                .then()
                .statusCode(404)
                .body("code", is("USER_NOT_FOUND"));
        Api.as(token)
                .get("/api/v1/users?partner_id=" + partner)
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void givenRestrictedAdmin_whenChangingItselfOrAnAdminOrGrantingAdmin_then403_andOtherwiseAllowed() {
        UUID self = TestData.user(dataSource, Role.RESTRICTED_ADMIN, null, null);
        String token = TestData.tokenFor(tokens, self);
        UUID admin = TestData.user(dataSource, Role.ADMIN, null, null);
        UUID fulfiller = TestData.user(dataSource, Role.FULFILLER, null, null);
        Api.as(token)
                .body(Map.of("enabled", false, "reason", "oops"))
                .put("/api/v1/users/" + self + "/enablement")
                .then()
                .statusCode(403)
                .body("code", is("FORBIDDEN"));
        Api.as(token)
                .body(Map.of("role", "fulfiller"))
                .put("/api/v1/users/" + self + "/role")
                .then()
                .statusCode(403);
        Api.as(token)
                .body(Map.of("role", "fulfiller"))
                .put("/api/v1/users/" + admin + "/role")
                .then()
                .statusCode(403);
        Api.as(token)
                .body(Map.of("role", "admin"))
                .put("/api/v1/users/" + fulfiller + "/role")
                .then()
                .statusCode(403);
        Api.as(token)
                .body(Map.of("role", "restricted_admin"))
                .put("/api/v1/users/" + fulfiller + "/role")
                .then()
                .statusCode(200)
                .body("role", is("restricted_admin"));
        // the database did not change where it was refused
        assertThat(role(admin)).isEqualTo("ADMIN");
        assertThat(role(self)).isEqualTo("RESTRICTED_ADMIN");
    }

    @Test
    void givenUserMutations_thenEachIsAuditedWithItsReasonAndAuthor() {
        UUID partner = TestData.partner(dataSource, "Audit " + UUID.randomUUID());
        UUID other = TestData.partner(dataSource, "Audit other " + UUID.randomUUID());
        UUID user = TestData.user(dataSource, Role.PARTNER, partner, null);
        Api.asAdmin()
                .body(Map.of("enabled", false, "reason", "contract ended"))
                .put("/api/v1/users/" + user + "/enablement")
                .then()
                .statusCode(200)
                .body("enabled", is(false))
                .body("status", is("disabled"));
        Api.asAdmin()
                .body(Map.of("partner_id", other.toString()))
                .put("/api/v1/users/" + user + "/company")
                .then()
                .statusCode(200)
                .body("partner_id", is(other.toString()));
        Api.asAdmin()
                .body(Map.of("role", "distributor"))
                .put("/api/v1/users/" + user + "/role")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        assertThat(query(
                        "SELECT changes -> 'reason' ->> 'after' FROM audit_logs WHERE entity_id = ? AND action = 'user.disabled'",
                        user))
                .isEqualTo("contract ended");
        assertThat(query(
                        "SELECT changes -> 'partner_id' ->> 'after' FROM audit_logs WHERE entity_id = ? AND action = 'user.company_changed'",
                        user))
                .isEqualTo(other.toString());
        assertThat(query(
                        "SELECT admin_user_id::text FROM audit_logs WHERE entity_id = ? AND action = 'user.disabled'",
                        user))
                .isNotNull();
    }

    @Test
    void givenBadInput_whenManagingUsers_thenClean4xxNever500() {
        UUID user = TestData.user(dataSource, Role.FULFILLER, null, null);
        Api.asAdmin()
                .body(Map.of("enabled", true))
                .put("/api/v1/users/" + user + "/enablement")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        Api.asAdmin()
                .body(Map.of("role", "emperor"))
                .put("/api/v1/users/" + user + "/role")
                .then()
                .statusCode(400);
        Api.asAdmin()
                .body(Map.of("role", "partner", "partner_id", UUID.randomUUID().toString()))
                .put("/api/v1/users/" + user + "/role")
                .then()
                .statusCode(422)
                .body("code", is("REFERENCED_RECORD_MISSING"));
        Api.asAdmin()
                .body(Map.of(
                        "partner_id",
                        UUID.randomUUID().toString(),
                        "distributor_id",
                        UUID.randomUUID().toString()))
                .put("/api/v1/users/" + user + "/company")
                .then()
                .statusCode(400);
        Api.asAdmin().get("/api/v1/users/12345").then().statusCode(400);
        Api.asAdmin().get("/api/v1/users?limit=0").then().statusCode(400);
        Api.asAdmin().get("/api/v1/users?limit=abc").then().statusCode(400);
        Api.asAdmin().get("/api/v1/users?cursor=%%%").then().statusCode(400);
        Api.asAdmin().get("/api/v1/users?enabled=maybe").then().statusCode(400);
        Api.asAdmin().get("/api/v1/users?role=king").then().statusCode(400);
        Api.asAdmin()
                .body(Map.of(
                        "username",
                        "dup-" + UUID.randomUUID(),
                        "email",
                        "x@example.com",
                        "role",
                        "fulfiller",
                        "password",
                        "short"))
                .post("/api/v1/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("password"));
        Api.asAdmin()
                .body(Map.of("username", Api.ADMIN_USERNAME, "email", "x@example.com", "role", "fulfiller"))
                .post("/api/v1/users")
                .then()
                .statusCode(409)
                .body("code", is("USERNAME_TAKEN"));
        Api.asAdmin()
                .body(Map.of("provider", "ldap", "email", "x@example.com", "role", "fulfiller"))
                .post("/api/v1/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("provider_id"));
        Api.asAdmin()
                .body(Map.of(
                        "username",
                        "u-" + UUID.randomUUID().toString().substring(0, 8),
                        "email",
                        "x@example.com",
                        "role",
                        "partner"))
                .post("/api/v1/users")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("partner_id"));
    }

    @Test
    void givenDirectoryUserPreProvisioned_thenCreatedWithProviderIdAndNoPassword() {
        String providerId = "cn=" + UUID.randomUUID();
        Api.asAdmin()
                .body(Map.of(
                        "provider",
                        "LDAP",
                        "provider_id",
                        providerId,
                        "email",
                        "ldap@example.com",
                        "role",
                        "fulfiller",
                        "enabled",
                        false))
                .post("/api/v1/users")
                .then()
                .statusCode(201)
                .body("provider", is("ldap"))
                .body("provider_id", is(providerId))
                .body("status", is("pending_approval"))
                .body("enabled_at", nullValue());
        Api.asAdmin()
                .body(Map.of(
                        "provider",
                        "ldap",
                        "provider_id",
                        providerId,
                        "email",
                        "ldap@example.com",
                        "role",
                        "fulfiller"))
                .post("/api/v1/users")
                .then()
                .statusCode(409);
    }

    @Test
    void givenAdminAccounts_whenManaged_thenNeverHashNeverSelfNeverTheLastOne() {
        String name = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        var created = Api.asAdmin()
                .body(Map.of("username", name, "email", name + "@example.com"))
                .post("/api/v1/admin-users")
                .then()
                .statusCode(201)
                .body("active", is(true))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("password_hash")))
                .extract()
                .jsonPath();
        String id = created.getString("id");
        Api.acceptInvitation(created.getString("invitation.token"), "acct-password");
        String token = Api.from(Api.freshAddress())
                .body(Map.of("username", name, "password", "acct-password"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        Api.as(token).delete("/api/v1/admin-users/" + id).then().statusCode(403);
        Api.as(token)
                .body(Map.of("active", false))
                .patch("/api/v1/admin-users/" + id)
                .then()
                .statusCode(403);
        // nobody sets another person's password: its owner changes it, an ADMIN resets it
        Api.asAdmin()
                .body(Map.of("password", "another-password"))
                .patch("/api/v1/admin-users/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("password"));
        Api.asAdmin().delete("/api/v1/admin-users/" + id).then().statusCode(204);
        Api.as(token).get("/api/v1/auth/me").then().statusCode(403).body("code", is("ACCOUNT_DISABLED"));
        Api.asAdmin().get("/api/v1/admin-users/" + id).then().statusCode(200).body("active", is(false));
        Api.asAdmin()
                .get("/api/v1/admin-users/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", is("ADMIN_USER_NOT_FOUND"));
        String other = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        Api.asAdmin()
                .body(Map.of("username", other, "email", name + "@example.com"))
                .post("/api/v1/admin-users")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        Api.asAdmin()
                .body(Map.of("username", name.toUpperCase(Locale.ROOT), "email", other + "@example.com"))
                .post("/api/v1/admin-users")
                .then()
                .statusCode(409)
                .body("code", is("USERNAME_TAKEN"));
    }

    private String role(UUID user) {
        return query("SELECT role::text FROM users WHERE id = ?", user);
    }

    @Test
    void givenALegacyAdminAccountWithABlankUsername_thenItIsListedAndShown_andCanStillBeChanged() {
        UUID id = UUID.randomUUID();
        // usernames are unique: only this test stores the empty one
        TestData.exec(
                dataSource,
                "INSERT INTO admin_users (id, username, password_hash, email, is_active) "
                        + "VALUES (?, '', 'not-a-bcrypt-hash', ?, false)",
                id,
                "blank-" + id + "@example.com");

        assertThat(Api.everyId("/api/v1/admin-users")).contains(id.toString());
        Api.asAdmin()
                .get("/api/v1/admin-users/" + id)
                .then()
                .statusCode(200)
                .body("username", is(""))
                .body("active", is(false));
        Api.asAdmin()
                .body(Map.of("full_name", "Old admin"))
                .patch("/api/v1/admin-users/" + id)
                .then()
                .statusCode(200)
                .body("username", is(""))
                .body("full_name", is("Old admin"));
        assertThat(TestData.text(dataSource, "SELECT username FROM admin_users WHERE id = ?", id))
                .isEmpty();
    }

    private String query(String sql, UUID param) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
