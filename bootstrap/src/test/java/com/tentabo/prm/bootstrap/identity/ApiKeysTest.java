package com.tentabo.prm.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.MovableClock;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class ApiKeysTest {

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

    private String partnerToken() {
        UUID partner = TestData.partner(dataSource, "Keys " + UUID.randomUUID());
        return TestData.tokenFor(tokens, TestData.user(dataSource, Role.PARTNER, partner, null));
    }

    @Test
    void givenNewKey_whenCreated_thenShownOnceStoredAsSha256AndUsableAsBearer() throws Exception {
        String token = partnerToken();
        var created = Api.as(token)
                .body(Map.of("name", "ci pipeline"))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/auth/api-keys/[0-9a-f-]{36}"))
                .body("key", matchesPattern("tnt_[A-Za-z0-9_-]{43}"))
                .body("scopes", is(List.of("read", "write")))
                .extract()
                .jsonPath();
        String key = created.getString("key");
        String id = created.getString("id");
        assertThat(key).startsWith(created.getString("prefix"));
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        assertThat(string("SELECT key_hash FROM api_keys WHERE id = ?::uuid", id))
                .isEqualTo(hash);
        assertThat(string("SELECT count(*)::text FROM api_keys WHERE key_hash = ? OR prefix = ?", key, key))
                .isEqualTo("0");
        Api.as(token)
                .get("/api/v1/auth/api-keys")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + id + "' }", not(hasKey("key")));
        Api.as(key)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("role", is("partner"))
                .body("scopes", is(List.of("read", "write")));
        assertThat(string("SELECT action FROM audit_logs WHERE entity_id = ?::uuid", id))
                .isEqualTo("api_key.created");
        assertThat(string(
                        "SELECT count(*)::text FROM audit_logs WHERE changes::text LIKE ?",
                        "%" + key.substring(12) + "%"))
                .isEqualTo("0");
    }

    @Test
    void givenReadOnlyKey_whenWriting_then403_andReadingWorks() {
        String key = Api.asAdmin()
                .body(Map.of("name", "reporting", "scopes", List.of("READ")))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(201)
                .body("scopes", is(List.of("read")))
                .extract()
                .path("key");
        Api.as(key).get("/api/v1/users?limit=1").then().statusCode(200);
        Api.as(key)
                .body(Map.of("name", "x"))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(403)
                .body("code", is("FORBIDDEN"));
        UUID target = TestData.user(dataSource, Role.FULFILLER, null, null);
        Api.as(key)
                .body(Map.of("enabled", false, "reason", "r"))
                .put("/api/v1/users/" + target + "/enablement")
                .then()
                .statusCode(403);
    }

    @Test
    void givenExpiredOrRevokedKey_whenUsed_then401() {
        String token = partnerToken();
        var created = Api.as(token)
                .body(Map.of(
                        "name",
                        "short",
                        "expires_at",
                        Instant.now().plusSeconds(3600).toString()))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String key = created.getString("key");
        Api.as(key).get("/api/v1/auth/me").then().statusCode(200);
        clock.advance(Duration.ofSeconds(3601));
        Api.as(key).get("/api/v1/auth/me").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        clock.reset(); // the partner's access token is checked by the same clock

        var second = Api.as(token)
                .body(Map.of("name", "to revoke"))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        Api.as(second.getString("key")).get("/api/v1/auth/me").then().statusCode(200);
        Api.as(token)
                .delete("/api/v1/auth/api-keys/" + second.getString("id"))
                .then()
                .statusCode(204);
        Api.as(second.getString("key")).get("/api/v1/auth/me").then().statusCode(401);
        Api.as(token)
                .get("/api/v1/auth/api-keys")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + second.getString("id") + "' }.revoked_at", matchesPattern(".+"));
    }

    @Test
    void givenKeyOfADisabledUser_whenUsed_then403Disabled() {
        UUID partner = TestData.partner(dataSource, "Keys " + UUID.randomUUID());
        UUID user = TestData.user(dataSource, Role.PARTNER, partner, null);
        String key = Api.as(TestData.tokenFor(tokens, user))
                .body(Map.of("name", "k"))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .path("key");
        TestData.exec(dataSource, "UPDATE users SET is_enabled = false WHERE id = ?", user);
        Api.as(key).get("/api/v1/auth/me").then().statusCode(403).body("code", is("ACCOUNT_DISABLED"));
    }

    @Test
    void givenKeyUsedTwiceWithinAMinute_thenLastUsedIsWrittenOnce_andAgainAfterAMinute() {
        String token = partnerToken();
        var created = Api.as(token)
                .body(Map.of("name", "busy"))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = created.getString("id");
        assertThat(timestamp(id)).isNull();
        Api.as(created.getString("key")).get("/api/v1/auth/me").then().statusCode(200);
        Timestamp first = timestamp(id);
        assertThat(first).isNotNull();
        Api.as(created.getString("key")).get("/api/v1/auth/me").then().statusCode(200);
        assertThat(timestamp(id)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(61));
        Api.as(created.getString("key")).get("/api/v1/auth/me").then().statusCode(200);
        assertThat(timestamp(id))
                .isAfterOrEqualTo(Timestamp.from(first.toInstant().plusSeconds(61)));
    }

    @Test
    void givenMalformedOrUnknownKeysOrBadBodies_thenClean4xx() {
        Api.as("tnt_short").get("/api/v1/auth/me").then().statusCode(401).body("code", is("UNAUTHENTICATED"));
        Api.as("tnt_" + "A".repeat(43)).get("/api/v1/auth/me").then().statusCode(401);
        Api.as("tnt_" + "A".repeat(5000)).get("/api/v1/auth/me").then().statusCode(401);
        String token = partnerToken();
        Api.as(token)
                .body(Map.of("name", "x", "scopes", List.of("admin")))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(400);
        Api.as(token)
                .body(Map.of("name", "x", "expires_at", "2001-01-01T00:00:00Z"))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("expires_at"));
        Api.as(token)
                .body(Map.of("name", "x", "expires_at", "tomorrow"))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(400);
        Api.as(token).delete("/api/v1/auth/api-keys/not-a-uuid").then().statusCode(400);
        Api.as(token)
                .delete("/api/v1/auth/api-keys/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", is("API_KEY_NOT_FOUND"));
    }

    private Timestamp timestamp(String id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT last_used_at FROM api_keys WHERE id = ?::uuid")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String string(String sql, Object... params) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
