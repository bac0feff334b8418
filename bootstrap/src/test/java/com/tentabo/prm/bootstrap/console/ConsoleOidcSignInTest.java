package com.tentabo.prm.bootstrap.console;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's "Sign in with …" against a WireMock identity provider playing discovery, the authorization endpoint
 * (its parameters are read from our redirect), the token endpoint and the JWKS. Every test removes its provider row:
 * other tests expect no active provider.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsoleOidcSignInTest {

    static final String PROVIDER = "console_oidc";
    static final String CLIENT_ID = "prm-console";
    static WireMockServer idp;
    static RsaJsonWebKey key;

    @Inject
    AgroalDataSource ds;

    UUID providerRow;

    @BeforeAll
    static void startIdp() throws Exception {
        key = RsaJwkGenerator.generateJwk(2048);
        key.setKeyId("console-idp-key");
        idp = new WireMockServer(wireMockConfig().dynamicPort());
        idp.start();
        idp.stubFor(get(urlPathEqualTo("/jwks"))
                .willReturn(okJson(new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
    }

    @AfterAll
    static void stopIdp() {
        idp.stop();
    }

    @BeforeEach
    void discovery() {
        serveDiscovery(idp.baseUrl());
    }

    @AfterEach
    void removeProvider() {
        if (providerRow != null) {
            TestData.exec(ds, "DELETE FROM provider_configs WHERE id = ?", providerRow);
            providerRow = null;
        }
    }

    static void serveDiscovery(String issuer) {
        idp.stubFor(get(urlPathEqualTo("/.well-known/openid-configuration"))
                .willReturn(okJson("{\"issuer\": \""
                        + issuer + "\", \"authorization_endpoint\": \"" + idp.baseUrl()
                        + "/authorize\", \"token_endpoint\": \""
                        + idp.baseUrl() + "/token\", \"jwks_uri\": \"" + idp.baseUrl() + "/jwks\"}")));
    }

    void activateOidc() {
        providerRow = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO provider_configs (id, provider_type, provider_name, is_active, configuration, "
                        + "credentials, created_at, updated_at) VALUES (?, 'AUTH'::providertype, ?, true, ?::jsonb, "
                        + "'{}'::jsonb, now(), now())",
                providerRow,
                PROVIDER,
                "{\"type\": \"oidc\", \"development\": true, \"issuer\": \"" + idp.baseUrl() + "\", \"client_id\": \""
                        + CLIENT_ID + "\", \"display_name\": \"Acme ID\"}");
    }

    /** What an admin does after a first sign-in: the person of {@code subject} is a partner's user, enabled. */
    void enabledPartnerUser(String subject) {
        UUID partner = TestData.partner(ds, "OIDC partner " + UUID.randomUUID());
        TestData.exec(
                ds,
                "INSERT INTO users (id, email, username, provider, provider_id, role, is_enabled, enabled_at,"
                        + " partner_id) VALUES (gen_random_uuid(), ?, ?, ?, ?, 'PARTNER'::userrole, true, now(), ?)",
                subject + "@acme.example",
                "oidc-" + subject,
                PROVIDER,
                subject,
                partner);
    }

    /** What the IdP's token endpoint answers for {@code code}: an ID token for {@code subject} with this nonce. */
    static void tokenEndpointAnswers(String code, String issuer, String subject, String nonce) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(CLIENT_ID);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(5);
        claims.setStringClaim("preferred_username", "oidc-" + subject);
        claims.setStringClaim("email", subject + "@acme.example");
        if (nonce != null) {
            claims.setStringClaim("nonce", nonce);
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        idp.stubFor(post(urlPathEqualTo("/token"))
                .withRequestBody(containing("code=" + code + "&"))
                .willReturn(okJson("{\"access_token\": \"at\", \"token_type\": \"Bearer\", \"id_token\": \""
                        + jws.getCompactSerialization() + "\"}")));
    }

    /** Clicks "Sign in with …": our answer is the redirect to the IdP, whose query parameters are returned. */
    static Map<String, String> startAt(ConsoleBrowser browser, String next) {
        Document signIn = browser.page("/ui/sign-in?next=" + next);
        assertThat(signIn.select("#sign-in-oidc").text()).isEqualTo("Sign in with Acme ID");
        Response redirect = browser.post("/ui/sign-in/oidc", Map.of("next", next));
        assertThat(redirect.statusCode()).isEqualTo(303);
        URI location = URI.create(redirect.header("Location"));
        assertThat(location.toString()).startsWith(idp.baseUrl() + "/authorize?");
        String flowCookie = redirect.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("prm_oidc="))
                .findFirst()
                .orElseThrow();
        assertThat(flowCookie)
                .contains("Path=/ui/sign-in/oidc")
                .contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .contains("Max-Age=600");
        Map<String, String> query = new HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    static Response callback(ConsoleBrowser browser, String code, String state) {
        return browser.get("/ui/sign-in/oidc/callback?code=" + code + "&state=" + state);
    }

    @Test
    void theAuthorizationCodeFlowWithPkceAndNonceSignsInAnEnabledUserAndGoesBackToThePageAsked() throws Exception {
        activateOidc();
        String subject = "s" + UUID.randomUUID().toString().substring(0, 12);
        enabledPartnerUser(subject);
        ConsoleBrowser browser = new ConsoleBrowser("en").from(Api.freshAddress());

        Map<String, String> asked = startAt(browser, "/ui/account");
        assertThat(asked)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("code_challenge_method", "S256")
                .containsEntry(
                        "redirect_uri", RestAssured.baseURI + ":" + RestAssured.port + "/ui/sign-in/oidc/callback");
        assertThat(asked.get("scope").split(" ")).contains("openid");
        assertThat(asked.get("state")).hasSize(43);
        assertThat(asked.get("nonce")).hasSize(43).isNotEqualTo(asked.get("state"));
        assertThat(asked.get("code_challenge")).hasSize(43);

        String code = "code-" + UUID.randomUUID();
        tokenEndpointAnswers(code, idp.baseUrl(), subject, asked.get("nonce"));
        Response back = callback(browser, code, asked.get("state"));
        assertThat(back.statusCode()).isEqualTo(200);
        String session = back.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("prm_session="))
                .findFirst()
                .orElseThrow();
        assertThat(session).contains("Path=/ui").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        Document moveOn = browser.parse(back);
        assertThat(moveOn.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("0;url=/ui/account");
        assertThat(moveOn.select("a#continue").attr("href")).isEqualTo("/ui/account");
        assertThat(browser.cookie("prm_oidc")).isNull();
        assertThat(browser.page("/ui/account").select(".who").text()).contains("oidc-" + subject);

        // the token request carried the code, the redirect and the PKCE verifier whose S256 is the challenge
        List<LoggedRequest> redeemed = idp.findAll(
                postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("code=" + code + "&")));
        assertThat(redeemed).hasSize(1);
        Map<String, String> form = new HashMap<>();
        for (String pair : redeemed.get(0).getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(form)
                .containsEntry("grant_type", "authorization_code")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", asked.get("redirect_uri"));
        String challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(form.get("code_verifier").getBytes(StandardCharsets.US_ASCII)));
        assertThat(challenge).isEqualTo(asked.get("code_challenge"));
        assertThat(redeemed.get(0).getBodyAsString()).doesNotContain(asked.get("nonce"));
    }

    @Test
    void aWrongStateAndAReplayedStateAreRefused() throws Exception {
        activateOidc();
        String subject = "s" + UUID.randomUUID().toString().substring(0, 12);
        enabledPartnerUser(subject);
        ConsoleBrowser browser = new ConsoleBrowser("en").from(Api.freshAddress());
        Map<String, String> asked = startAt(browser, "/ui");
        String code = "code-" + UUID.randomUUID();
        tokenEndpointAnswers(code, idp.baseUrl(), subject, asked.get("nonce"));

        String otherState =
                asked.get("state").substring(1) + (asked.get("state").startsWith("A") ? "B" : "A");
        Response wrong = callback(browser, code, otherState);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(browser.parse(wrong).select("[role=alert]").text()).contains("could not be completed");
        assertThat(wrong.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("prm_session=tcs_"));
        assertThat(idp.findAll(
                        postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("code=" + code + "&"))))
                .isEmpty();

        // the refusal deleted the flow: the same browser cannot finish it any more; replaying a finished one fails too
        ConsoleBrowser again = new ConsoleBrowser("en").from(Api.freshAddress());
        Map<String, String> second = startAt(again, "/ui");
        String flow = again.cookie("prm_oidc");
        String code2 = "code-" + UUID.randomUUID();
        tokenEndpointAnswers(code2, idp.baseUrl(), subject, second.get("nonce"));
        assertThat(callback(again, code2, second.get("state")).statusCode()).isEqualTo(200);
        Response replayed = RestAssured.given()
                .redirects()
                .follow(false)
                .cookie("prm_oidc", flow)
                .get("/ui/sign-in/oidc/callback?code=" + code2 + "&state=" + second.get("state"));
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.headers().getValues("Set-Cookie")).noneMatch(c -> c.startsWith("prm_session=tcs_"));
        assertThat(idp.findAll(
                        postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("code=" + code2 + "&"))))
                .hasSize(1);

        // a flow cookie made up by hand (unreadable, or past its end) is refused like a wrong state, never a 500
        String state = "s".repeat(43);
        for (String forged : List.of(
                "v1." + state + "." + state + "." + state + ".9999999999.A",
                "v1." + state + "." + state + "." + state + ".1000.",
                "garbage")) {
            Response made = RestAssured.given()
                    .redirects()
                    .follow(false)
                    .cookie("prm_oidc", forged)
                    .get("/ui/sign-in/oidc/callback?code=c&state=" + state);
            assertThat(made.statusCode()).as(forged).isEqualTo(401);
        }
    }

    @Test
    void anIdTokenWithAnotherNonceOrIssuerIsRefused() throws Exception {
        activateOidc();
        String subject = "s" + UUID.randomUUID().toString().substring(0, 12);
        ConsoleBrowser browser = new ConsoleBrowser("fr").from(Api.freshAddress());
        Map<String, String> asked = startAt(new ConsoleBrowser("en").from(Api.freshAddress()), "/ui");
        String code = "code-" + UUID.randomUUID();
        tokenEndpointAnswers(code, idp.baseUrl(), subject, "another-nonce");
        // this browser's own flow, with the IdP answering a token minted for another sign-in
        browser.page("/ui/sign-in");
        Response started = browser.post("/ui/sign-in/oidc", Map.of("next", "/ui"));
        String state = URLDecoder.decode(
                started.header("Location").replaceAll(".*[?&]state=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        Response wrongNonce = callback(browser, code, state);
        assertThat(wrongNonce.statusCode()).isEqualTo(401);
        assertThat(browser.parse(wrongNonce).select("[role=alert]").text()).contains("n'a pas pu aboutir");

        Map<String, String> third = startAt(browser = new ConsoleBrowser("en").from(Api.freshAddress()), "/ui");
        String code3 = "code-" + UUID.randomUUID();
        tokenEndpointAnswers(code3, "https://evil.example", subject, third.get("nonce"));
        assertThat(callback(browser, code3, third.get("state")).statusCode()).isEqualTo(401);
        assertThat(TestData.count(ds, "SELECT count(*) FROM users WHERE provider_id = ?", subject))
                .isZero();
        assertThat(asked).containsKey("state");
    }

    @Test
    void aDiscoveryDocumentOfAnotherIssuerIsNotUsed() {
        activateOidc();
        serveDiscovery("https://evil.example");
        ConsoleBrowser browser = new ConsoleBrowser("en").from(Api.freshAddress());
        browser.page("/ui/sign-in");
        Response refused = browser.post("/ui/sign-in/oidc", Map.of("next", "/ui"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(browser.parse(refused).select("[role=alert]").text()).contains("not possible right now");
        assertThat(browser.cookie("prm_oidc")).isNull();
    }

    @Test
    void aNewUserIsToldTheAccountWaitsForApprovalAndWithoutAProviderThereIsNoButton() throws Exception {
        activateOidc();
        String subject = "s" + UUID.randomUUID().toString().substring(0, 12);
        ConsoleBrowser browser = new ConsoleBrowser("en").from(Api.freshAddress());
        Map<String, String> asked = startAt(browser, "/ui");
        String code = "code-" + UUID.randomUUID();
        tokenEndpointAnswers(code, idp.baseUrl(), subject, asked.get("nonce"));
        Response pending = callback(browser, code, asked.get("state"));
        assertThat(pending.statusCode()).isEqualTo(403);
        assertThat(browser.parse(pending).select("[role=alert]").text()).contains("waits for an administrator");
        assertThat(TestData.text(
                        ds,
                        "SELECT is_enabled::text FROM users WHERE provider = ? AND provider_id = ?",
                        PROVIDER,
                        subject))
                .isEqualTo("false");

        Response cancelled = browser.get("/ui/sign-in/oidc/callback?error=access_denied&state=x");
        assertThat(cancelled.statusCode()).isEqualTo(400);
        assertThat(browser.parse(cancelled).select("[role=alert]").text()).contains("cancelled or refused");

        removeProvider();
        assertThat(browser.page("/ui/sign-in").select("#sign-in-oidc")).isEmpty();
    }
}
