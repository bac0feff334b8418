package com.tentabo.prm.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.tentabo.prm.adapters.providers.auth.database.PasswordCheckPermits;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestDirectoryGateway;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class LoginAndThrottlingTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordCheckPermits permits;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String createDatabaseUser(String username, String password) {
        UUID partner = TestData.partner(dataSource, unique("Login partner"));
        return Api.databaseUser(
                Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.com",
                        "role",
                        "partner",
                        "partner_id",
                        partner.toString()),
                password);
    }

    private Response login(String address, String username, String password) {
        return Api.from(address)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login");
    }

    @Test
    void givenDatabaseUserCreatedByAdmin_whenLoggingIn_thenTokenWorksAndSuccessIsAudited() {
        String username = unique("db-user");
        String id = createDatabaseUser(username, "a-good-password");
        String token = login(Api.freshAddress(), username.toUpperCase(Locale.ROOT), "a-good-password")
                .then()
                .statusCode(200)
                .body("token_type", is("Bearer"))
                .extract()
                .path("access_token");
        Api.as(token)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("id", is(id))
                .body("kind", is("user"))
                .body("role", is("partner"));
        assertThat(auditActions(id)).contains("user.created", "login.succeeded");
    }

    @Test
    void givenFirstLoginThroughAProvider_whenLoggingIn_thenUserIsCreatedDisabledAndRefusedUntilEnabled() {
        String username = unique("directory-ann");
        String address = Api.freshAddress();
        login(address, username, TestDirectoryGateway.PASSWORD)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", is("ACCOUNT_PENDING_APPROVAL"));
        String id = Api.asAdmin()
                .get("/api/v1/users?provider=" + TestDirectoryGateway.NAME + "&enabled=false&limit=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .param("u", username)
                .getString("items.find { it.username == u }.id");
        assertThat(id).isNotNull();
        Api.asAdmin().get("/api/v1/users/" + id).then().statusCode(200).body("status", is("pending_approval"));
        // a second login does not create a second row, and is still refused
        login(address, username, TestDirectoryGateway.PASSWORD)
                .then()
                .statusCode(403)
                .body("code", is("ACCOUNT_PENDING_APPROVAL"));
        Api.asAdmin()
                .body(Map.of("role", "fulfiller"))
                .put("/api/v1/users/" + id + "/role")
                .then()
                .statusCode(200);
        Api.asAdmin()
                .body(Map.of("enabled", true, "reason", "known colleague"))
                .put("/api/v1/users/" + id + "/enablement")
                .then()
                .statusCode(200)
                .body("status", is("enabled"));
        String token = login(address, username, TestDirectoryGateway.PASSWORD)
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        Api.as(token).get("/api/v1/auth/me").then().statusCode(200).body("role", is("fulfiller"));
        assertThat(count(
                        "SELECT count(*) FROM users WHERE provider = ? AND provider_id = ?",
                        TestDirectoryGateway.NAME,
                        "uid=" + username))
                .isEqualTo(1);
    }

    @Test
    void givenFiveFailuresForOneUsernameFromOneAddress_thenThatAddressWaits_butTheOwnerElsewhereSignsIn() {
        String username = unique("throttled");
        createDatabaseUser(username, "the-right-password");
        String attacker = Api.freshAddress();
        for (int i = 0; i < 5; i++) {
            login(attacker, username, "wrong-password-" + i)
                    .then()
                    .statusCode(401)
                    .body("code", is("INVALID_CREDENTIALS"));
        }
        Response refused = login(attacker, username, "the-right-password");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", is("TOO_MANY_LOGIN_ATTEMPTS"))
                .header("Retry-After", notNullValue());
        // the first delay is 15 seconds after the latest failure
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 16L);
        // a stranger cannot lock the owner out: from another address the right password signs in
        login(Api.freshAddress(), username, "the-right-password").then().statusCode(200);
        assertThat(count(
                        "SELECT count(*) FROM audit_logs WHERE action = 'login.failed' "
                                + "AND changes -> 'username' ->> 'after' = ?",
                        username))
                .isEqualTo(5);
        assertThat(count("SELECT count(*) FROM audit_logs WHERE changes::text LIKE '%wrong-password-%'"))
                .isZero();
    }

    @Test
    void givenMoreFailuresForAPair_thenTheDelayGrows() {
        String username = unique("growing");
        String address = Api.freshAddress();
        // seven failures, the latest a second ago: past five, the delay doubles per failure (15 s, 30 s, 60 s)
        for (int i = 0; i < 7; i++) {
            TestData.exec(
                    dataSource,
                    "INSERT INTO login_attempts (id, username, ip_address, succeeded, attempted_at) "
                            + "VALUES (?, ?, ?, false, now() - make_interval(secs => ?))",
                    UUID.randomUUID(),
                    username,
                    address,
                    1 + i);
        }
        Response refused = login(address, username, "whatever");
        refused.then().statusCode(429).body("code", is("TOO_MANY_LOGIN_ATTEMPTS"));
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(50L, 61L);
    }

    @Test
    void givenFailuresFromAnIpv6Address_thenTheWhole64NetworkCounts_butNotAnother() {
        String username = unique("v6");
        createDatabaseUser(username, "the-right-password");
        String network =
                "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + ":"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000));
        for (int i = 1; i <= 5; i++) {
            // each attempt from another address of the same /64
            login(network + "::" + Integer.toHexString(i), username, "wrong-" + i)
                    .then()
                    .statusCode(401);
        }
        login(network + ":ffff:ffff:ffff:ffff", username, "the-right-password")
                .then()
                .statusCode(429)
                .body("code", is("TOO_MANY_LOGIN_ATTEMPTS"));
        login(
                        "2001:db8:ffff:"
                                + Integer.toHexString(
                                        ThreadLocalRandom.current().nextInt(0x10000)) + "::1",
                        username,
                        "the-right-password")
                .then()
                .statusCode(200);
    }

    @Test
    void givenTwentyFailuresFromOneAddress_whenAnotherUsernameTriesFromThere_then429_butOtherAddressesStillLogIn() {
        String address = Api.freshAddress();
        for (int i = 0; i < 19; i++) {
            TestData.exec(
                    dataSource,
                    "INSERT INTO login_attempts (id, username, ip_address, succeeded, attempted_at) "
                            + "VALUES (?, ?, ?, false, now() - interval '1 minute')",
                    UUID.randomUUID(),
                    unique("nobody"),
                    address);
        }
        login(address, unique("nobody"), "whatever").then().statusCode(401);
        login(address, Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD)
                .then()
                .statusCode(429)
                .body("code", is("TOO_MANY_LOGIN_ATTEMPTS"))
                .header("Retry-After", notNullValue());
        login(Api.freshAddress(), Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD).then().statusCode(200);
    }

    @Test
    void givenEveryPasswordCheckPermitTaken_whenLoggingIn_then503BusyQuickly_andNotCountedAsAFailure() {
        String address = Api.freshAddress();
        List<Boolean> taken = new ArrayList<>();
        while (permits.tryTake()) {
            taken.add(true);
        }
        try {
            long start = System.nanoTime();
            login(address, Api.ADMIN_USERNAME, "a-wrong-password")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .body("code", is("AUTHENTICATION_BUSY"))
                    .header("Retry-After", is("1"));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(java.time.Duration.ofSeconds(10));
        } finally {
            taken.forEach(t -> permits.release());
        }
        assertThat(taken).isNotEmpty();
        assertThat(count("SELECT count(*) FROM login_attempts WHERE ip_address = ?", address))
                .isZero();
        login(address, Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD).then().statusCode(200);
    }

    @Test
    void givenPasswordLongerThan72Bytes_whenCreatingOrLoggingIn_thenRefusedNeverTruncated() {
        String username = unique("long");
        String seventyTwo = "x".repeat(72);
        UUID partner = TestData.partner(dataSource, unique("Long partner"));
        Api.asAdmin()
                .body(Map.of(
                        "username",
                        username,
                        "email",
                        username + "@example.com",
                        "role",
                        "partner",
                        "partner_id",
                        partner.toString(),
                        "password",
                        seventyTwo + "y"))
                .post("/api/v1/users")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors[0].field", is("password"));
        String invitation = Api.asAdmin()
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
                .path("invitation.token");
        Api.from(Api.freshAddress())
                .body(Map.of("password", seventyTwo + "y"))
                .post("/api/v1/auth/invitations/" + invitation)
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors[0].field", is("password"));
        Api.acceptInvitation(invitation, seventyTwo);
        String address = Api.freshAddress();
        login(address, username, seventyTwo + "y").then().statusCode(401);
        login(address, username, seventyTwo).then().statusCode(200);
    }

    @Test
    void givenDisabledDatabaseUser_whenLoggingIn_then403Disabled() {
        String username = unique("gone");
        String id = createDatabaseUser(username, "a-good-password");
        Api.asAdmin()
                .body(Map.of("enabled", false, "reason", "left the company"))
                .put("/api/v1/users/" + id + "/enablement")
                .then()
                .statusCode(200)
                .body("status", is("disabled"));
        login(Api.freshAddress(), username, "a-good-password")
                .then()
                .statusCode(403)
                .body("code", is("ACCOUNT_DISABLED"));
    }

    private List<String> auditActions(String entityId) {
        List<String> actions = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT action FROM audit_logs WHERE entity_id = ?::uuid ORDER BY created_at")) {
            ps.setString(1, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actions.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return actions;
    }

    private long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
