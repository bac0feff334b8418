package com.tentabo.prm.bootstrap.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in by exchanging an OpenID Connect ID token ({@code POST /api/v1/auth/oidc}) issued by a WireMock identity
 * provider, configured as the active AUTH provider {@code acme_oidc}. Every test removes its provider row: other
 * tests expect no active provider.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OidcLoginTest {

    static final String PROVIDER = "acme_oidc";
    static final String CLIENT_ID = "prm-client-app";
    static WireMockServer idp;
    static RsaJsonWebKey key;

    @Inject
    AgroalDataSource ds;

    UUID providerRow;

    @BeforeAll
    static void startIdp() throws Exception {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("idp-key-1");
        idp = new WireMockServer(wireMockConfig().dynamicPort());
        idp.start();
        idp.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration"))
                .willReturn(okJson(
                        "{\"issuer\": \"" + idp.baseUrl() + "\", \"jwks_uri\": \"" + idp.baseUrl() + "/jwks\"}")));
        idp.stubFor(get(urlPathEqualTo("/jwks"))
                .willReturn(okJson(new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
    }

    @AfterAll
    static void stopIdp() {
        idp.stop();
    }

    @AfterEach
    void removeProvider() {
        // other tests expect no active provider of any type
        if (providerRow != null) {
            TestData.exec(ds, "DELETE FROM provider_configs WHERE id = ?", providerRow);
            providerRow = null;
        }
    }

    void activateOidc(String issuer) {
        providerRow = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO provider_configs (id, provider_type, provider_name, is_active, configuration, "
                        + "credentials, created_at, updated_at) VALUES (?, 'AUTH'::providertype, ?, true, ?::jsonb, "
                        + "'{}'::jsonb, now(), now())",
                providerRow,
                PROVIDER,
                "{\"type\": \"oidc\", \"development\": true, \"issuer\": \"" + issuer + "\", \"client_id\": \""
                        + CLIENT_ID + "\", \"timeout_seconds\": 5}");
    }

    static String idToken(String issuer, String subject, String username, RsaJsonWebKey signer) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(CLIENT_ID);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setStringClaim("preferred_username", username);
        claims.setStringClaim("email", username + "@acme.example");
        claims.setStringClaim("name", "Olivia Idp");
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    static Response exchange(String address, String idToken) {
        return Api.from(address).body(Map.of("id_token", idToken)).post("/api/v1/auth/oidc");
    }

    @Test
    void firstExchange_createsThePendingUser_thenOnceEnabled_theTokenWorks() throws Exception {
        activateOidc(idp.baseUrl());
        String subject = "sub-" + UUID.randomUUID();
        String username = "olivia-" + subject.substring(4, 12);
        String token = idToken(idp.baseUrl(), subject, username, key);

        exchange(Api.freshAddress(), token)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", is("ACCOUNT_PENDING_APPROVAL"));
        assertThat(TestData.text(
                        ds,
                        "SELECT provider || ' ' || email || ' ' || full_name || ' ' || username || ' '"
                                + " || is_enabled FROM users WHERE provider_id = ?",
                        subject))
                .isEqualTo(PROVIDER + " " + username + "@acme.example Olivia Idp " + username + " false");

        // what an admin does: a role (FULFILLER needs no company) and enabled
        TestData.exec(
                ds,
                "UPDATE users SET is_enabled = true, enabled_at = now(), role = 'FULFILLER'"
                        + " WHERE provider = ? AND provider_id = ?",
                PROVIDER,
                subject);
        String accessToken = exchange(Api.freshAddress(), token)
                .then()
                .statusCode(200)
                .header("Cache-Control", is("no-store"))
                .body("token_type", is("Bearer"))
                .body("expires_in", notNullValue())
                .extract()
                .path("access_token");
        Api.as(accessToken)
                .get("/api/v1/auth/me")
                .then()
                .statusCode(200)
                .body("kind", is("user"))
                .body("username", is(username))
                .body("role", is("fulfiller"));
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE action = 'login.succeeded' AND user_id = "
                                + "(SELECT id FROM users WHERE provider_id = ?)",
                        subject))
                .isEqualTo(1);
    }

    @Test
    void forgedToken_isInvalidCredentials_andCreatesNoUser() throws Exception {
        activateOidc(idp.baseUrl());
        RsaJsonWebKey forger = RsaJwkGenerator.generateJwk(2048);
        String subject = "sub-" + UUID.randomUUID();

        exchange(Api.freshAddress(), idToken(idp.baseUrl(), subject, "mallory", forger))
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", is("INVALID_CREDENTIALS"));
        exchange(Api.freshAddress(), "not-a-jwt").then().statusCode(401).body("code", is("INVALID_CREDENTIALS"));
        assertThat(TestData.count(ds, "SELECT count(*) FROM users WHERE provider_id = ?", subject))
                .isZero();
    }

    @Test
    void withoutAnActiveOidcProvider_aValidTokenIsInvalidCredentials() throws Exception {
        exchange(Api.freshAddress(), idToken(idp.baseUrl(), "sub-" + UUID.randomUUID(), "nobody", key))
                .then()
                .statusCode(401)
                .body("code", is("INVALID_CREDENTIALS"));
    }

    @Test
    void failedExchanges_areThrottledByAddress() throws Exception {
        activateOidc(idp.baseUrl());
        String address = Api.freshAddress();
        // an ID token has no username: failures count by address only, 20 before the first delay
        for (int i = 0; i < 20; i++) {
            exchange(address, "garbage-" + i).then().statusCode(401);
        }
        exchange(address, idToken(idp.baseUrl(), "sub-" + UUID.randomUUID(), "late", key))
                .then()
                .body("code", is("TOO_MANY_LOGIN_ATTEMPTS"));
    }

    @Test
    void unreachableIdp_answers503RetryLater_notCountedAsAFailure() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        String issuer = "http://127.0.0.1:" + closed;
        activateOidc(issuer);
        String address = Api.freshAddress();

        exchange(address, idToken(issuer, "sub-" + UUID.randomUUID(), "walter", key))
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", is("SERVICE_UNAVAILABLE"))
                .header("Retry-After", "30");
        assertThat(TestData.count(ds, "SELECT count(*) FROM login_attempts WHERE ip_address = ?", address))
                .isZero();
    }
}
