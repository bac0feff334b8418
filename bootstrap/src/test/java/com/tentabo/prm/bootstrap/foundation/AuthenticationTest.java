package com.tentabo.prm.bootstrap.foundation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class AuthenticationTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TokenService tokens;

    @Test
    void adminLogsInAndReadsItself() {
        given().contentType(ContentType.JSON)
                .body(Map.of("username", Api.ADMIN_USERNAME, "password", Api.ADMIN_PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200)
                .header("Cache-Control", is("no-store"))
                .body("token_type", is("Bearer"))
                .body("expires_in", is(3600))
                .body("access_token", notNullValue());
        Api.asAdmin()
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("kind", is("admin_user"))
                .body("role", is("admin"))
                .body("username", is("admin"));
    }

    @Test
    void wrongPasswordAndUnknownUserAreTheSame401() {
        // from an address of their own, so that these failures never count towards loopback's login throttling
        Api.from(Api.freshAddress())
                .contentType(ContentType.JSON)
                .body(Map.of("username", "admin", "password", "wrong"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", is("INVALID_CREDENTIALS"));
        Api.from(Api.freshAddress())
                .contentType(ContentType.JSON)
                .body(Map.of("username", "nobody", "password", "wrong"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401)
                .body("code", is("INVALID_CREDENTIALS"));
    }

    @Test
    void noOrForgedTokenIs401() {
        given().get("/api/v1/auth/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", is("UNAUTHENTICATED"));
        given().header("Authorization", "Bearer not.a.token")
                .get("/api/v1/auth/me")
                .then()
                .statusCode(401)
                .body("code", is("UNAUTHENTICATED"));
        String token = Api.adminToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        given().header("Authorization", "Bearer " + tampered)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(401);
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .get("/api/v1/auth/me")
                .then()
                .statusCode(401);
    }

    @Test
    void disabledUserIsRefusedOnItsNextRequestWhateverItsTokensExpiry() throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("INSERT INTO admin_users (id, username, password_hash, email, is_active) VALUES "
                    + "('11111111-1111-1111-1111-111111111111', 'second', "
                    + "(SELECT password_hash FROM admin_users WHERE username = 'admin'), 'second@example.com', true)");
        }
        String token = Api.login("second", Api.ADMIN_PASSWORD);
        Api.as(token).get("/api/v1/auth/me").then().statusCode(200);
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("UPDATE admin_users SET is_active = false WHERE username = 'second'");
        }
        Api.as(token).get("/api/v1/auth/me").then().statusCode(403).body("code", is("ACCOUNT_DISABLED"));
    }

    @Test
    void distributorCallerSeesOnlyActiveAssignmentsAndLosesThemAtOnce() {
        UUID distributor = TestData.distributor(dataSource, "Distri " + UUID.randomUUID());
        UUID partner = TestData.partner(dataSource, "Partner " + UUID.randomUUID());
        TestData.assign(dataSource, distributor, partner, true);
        UUID user = TestData.user(dataSource, Role.DISTRIBUTOR, null, distributor);
        String token = TestData.tokenFor(tokens, user);
        Api.as(token)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("role", is("distributor"))
                .body("distributor_id", is(distributor.toString()));
        TestData.exec(dataSource, "UPDATE users SET is_enabled = false WHERE id = ?", user);
        Api.as(token).get("/api/v1/auth/me").then().statusCode(403).body("code", is("ACCOUNT_DISABLED"));
    }

    @Test
    void userNeverEnabledIsPendingApproval() {
        UUID user =
                TestData.user(dataSource, Role.PARTNER, TestData.partner(dataSource, "P " + UUID.randomUUID()), null);
        TestData.exec(dataSource, "UPDATE users SET is_enabled = false, enabled_at = NULL WHERE id = ?", user);
        Api.as(TestData.tokenFor(tokens, user))
                .get("/api/v1/auth/me")
                .then()
                .statusCode(403)
                .body("code", is("ACCOUNT_PENDING_APPROVAL"));
    }
}
