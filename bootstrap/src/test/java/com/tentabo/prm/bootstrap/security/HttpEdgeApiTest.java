package com.tentabo.prm.bootstrap.security;

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
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every answer gets from the HTTP edge: security headers, the 1 MiB body limit, rate limits per address and per
 * caller with their IETF headers. The test profile gives 3 requests an hour to one address and to one user
 * (application.properties), so that their buckets run out within a test without waiting.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class HttpEdgeApiTest {

    static final String LIMITED_ADDRESS = "198.51.100.77";
    static final UUID LIMITED_USER = UUID.fromString("00000000-0000-4000-8000-00000000a77e");

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Test
    void everyAnswerCarriesTheSecurityHeaders_andHstsOnlyOverHttps() {
        for (Response answer : List.of(
                Api.asAdmin().get("/api/v1/products"),
                RestAssured.given().get("/api/v1/nowhere"),
                RestAssured.given().get("/q/health"),
                RestAssured.given().get("/api/v1/products"))) {
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(answer.header("Content-Security-Policy"))
                    .contains("default-src 'none'", "frame-ancestors 'none'");
            assertThat(answer.header("Strict-Transport-Security")).isNull();
        }
        Response html = RestAssured.given().get("/q/swagger-ui/");
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.header("Content-Security-Policy"))
                .contains("frame-ancestors 'none'", "script-src 'self'")
                .doesNotContain("*");

        Api.asAdmin()
                .header("X-Forwarded-Proto", "https")
                .get("/api/v1/products")
                .then()
                .statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void aBodyOverOneMebibyteIs413ProblemJson_beforeAnythingElse() {
        String big = "{\"title\": \"" + "x".repeat(1024 * 1024) + "\"}";
        Api.asAdmin()
                .body(big)
                .post("/api/v1/leads")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", is("PAYLOAD_TOO_LARGE"));
        RestAssured.given()
                .contentType("application/json")
                .body(big)
                .post("/api/v1/auth/login")
                .then()
                .statusCode(413)
                .body("status", is(413));
    }

    @Test
    void anonymousRequestsAreCountedPerAddress_andAnsweredWith429AndRetryAfterWhenTheBucketIsEmpty() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Api.from(LIMITED_ADDRESS)
                    .get("/api/v1/products")
                    .then()
                    .statusCode(401)
                    .header("RateLimit-Policy", "\"address\";q=3;w=3600")
                    .header("RateLimit", org.hamcrest.Matchers.startsWith("\"address\";r=" + remaining + ";t="));
        }
        Response refused = Api.from(LIMITED_ADDRESS)
                .body(Map.of("username", "x", "password", "y"))
                .post("/api/v1/auth/login");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", is("RATE_LIMITED"))
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"address\";r=0;t="));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 1200L);
        // another address is not affected
        Api.from(Api.freshAddress())
                .get("/api/v1/products")
                .then()
                .statusCode(401)
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"address\";r="));
    }

    @Test
    void authenticatedRequestsAreCountedPerUser_notPerAddress() {
        TestData.exec(
                ds,
                "INSERT INTO users (id, provider, provider_id, email, username, role, is_enabled, enabled_at) "
                        + "VALUES (?, 'test', ?, 'rate-limited@test.example', 'rate-limited-user', 'FULFILLER', true, now()) "
                        + "ON CONFLICT (id) DO NOTHING",
                LIMITED_USER,
                LIMITED_USER.toString());
        String limited = TestData.tokenFor(tokens, LIMITED_USER);
        for (int remaining = 2; remaining >= 0; remaining--) {
            Api.as(limited)
                    .header("X-Forwarded-For", Api.freshAddress())
                    .get("/api/v1/products")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Policy", "\"caller\";q=3;w=3600")
                    .header("RateLimit", org.hamcrest.Matchers.startsWith("\"caller\";r=" + remaining + ";t="));
        }
        Response refused =
                Api.as(limited).header("X-Forwarded-For", Api.freshAddress()).get("/api/v1/products");
        refused.then().statusCode(429).body("code", is("RATE_LIMITED"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();

        String other = TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null));
        Api.as(other)
                .get("/api/v1/products")
                .then()
                .statusCode(200)
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"caller\";r=999999;"));
    }

    @Test
    void anApiKeyWithoutTheReadScopeReadsNothing_butStillWrites() {
        String token = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        String writeOnly = Api.as(token)
                .body(Map.of("name", "write only", "scopes", List.of("write")))
                .post("/api/v1/auth/api-keys")
                .then()
                .statusCode(201)
                .body("scopes", is(List.of("write")))
                .extract()
                .path("key");

        for (String path : List.of(
                "/api/v1/orders",
                "/api/v1/leads",
                "/api/v1/users",
                "/api/v1/auth/me",
                "/api/v1/auth/api-keys",
                "/api/v1/products",
                "/api/v1/dashboard")) {
            Api.as(writeOnly)
                    .get(path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("code", is("FORBIDDEN"));
        }
        Api.as(writeOnly)
                .body(Map.of("title", "t", "organization", "o", "contact_name", "c"))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .body("partner_id", nullValue());
    }
}
