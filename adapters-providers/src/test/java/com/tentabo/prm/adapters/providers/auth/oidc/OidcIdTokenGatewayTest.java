package com.tentabo.prm.adapters.providers.auth.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.application.identity.port.out.AuthProviderGateway.ProviderIdentity;
import com.tentabo.prm.application.provider.ProviderHealth;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.RetryLaterException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OidcIdTokenGatewayTest {

    @RegisterExtension
    static WireMockExtension idp = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final String PROVIDER = "acme_oidc";
    static final String CLIENT_ID = "prm-web";
    static final String DISCOVERY = "/.well-known/openid-configuration";
    static final String JWKS = "/protocol/openid-connect/certs";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static RsaJsonWebKey rsa;
    static RsaJsonWebKey otherRsa;
    static EllipticCurveJsonWebKey ec;
    static EllipticCurveJsonWebKey ec384;

    final MutableClock clock = new MutableClock(NOW);
    Optional<ProviderSettings> active;
    OidcIdTokenGateway gateway;

    @BeforeAll
    static void keys() throws Exception {
        rsa = RsaJwkGenerator.generateJwk(2048);
        rsa.setKeyId("rsa-1");
        otherRsa = RsaJwkGenerator.generateJwk(2048);
        otherRsa.setKeyId("rsa-1"); // same kid, different key: an attacker's
        ec = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        ec.setKeyId("ec-1");
        ec384 = EcJwkGenerator.generateJwk(EllipticCurves.P384);
        ec384.setKeyId("ec-384");
    }

    @BeforeEach
    void idpServesDiscoveryAndKeys() {
        idp.stubFor(get(urlPathEqualTo(DISCOVERY))
                .willReturn(okJson(
                        "{\"issuer\": \"" + idp.baseUrl() + "\", \"jwks_uri\": \"" + idp.baseUrl() + JWKS + "\"}")));
        serveKeys(rsa, ec, ec384);
        active = Optional.of(settings(Map.of()));
        gateway = new OidcIdTokenGateway(directory(), clock, JsonHttp.newClient());
    }

    // ---- the happy paths -----------------------------------------------------------------------------------------

    @Test
    void validRs256Token_isTheIdentity_keyedBySub_underTheProvidersName() throws Exception {
        Optional<ProviderIdentity> identity =
                gateway.verify(sign(claims(c -> {}), rsa, AlgorithmIdentifiers.RSA_USING_SHA256));

        assertThat(identity)
                .contains(new ProviderIdentity(PROVIDER, "sub-248289761001", "jane", "jane@acme.example", "Jane Doe"));
    }

    @Test
    void theApplicationsMicrosecondClock_works() throws Exception {
        // Clock.tick(…, 1 µs).millis() divides by zero on Java 17: the gateway must only ask for instants
        Clock micros = Clock.tick(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofNanos(1_000));
        OidcIdTokenGateway ticking = new OidcIdTokenGateway(directory(), micros, JsonHttp.newClient());
        assertThat(ticking.verify(sign(claims(c -> {}), rsa, "RS256"))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {AlgorithmIdentifiers.RSA_USING_SHA384, AlgorithmIdentifiers.RSA_USING_SHA512})
    void otherRsaAlgorithms_areAccepted(String algorithm) throws Exception {
        assertThat(gateway.verify(sign(claims(c -> {}), rsa, algorithm))).isPresent();
    }

    @Test
    void ecTokens_es256AndEs384_areAccepted() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> {}), ec, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)))
                .isPresent();
        assertThat(gateway.verify(sign(claims(c -> {}), ec384, AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384)))
                .isPresent();
    }

    @Test
    void usernameFallsBackToEmail_thenToSub_andFollowsTheConfiguredClaim() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> c.unsetClaim("preferred_username")), rsa, "RS256")))
                .map(ProviderIdentity::username)
                .contains("jane@acme.example");
        assertThat(gateway.verify(sign(
                        claims(c -> {
                            c.unsetClaim("preferred_username");
                            c.unsetClaim("email");
                        }),
                        rsa,
                        "RS256")))
                .map(ProviderIdentity::username)
                .contains("sub-248289761001");

        active = Optional.of(settings(Map.of("username_claim", "upn")));
        assertThat(gateway.verify(sign(claims(c -> c.setStringClaim("upn", "jdoe@corp")), rsa, "RS256")))
                .map(ProviderIdentity::username)
                .contains("jdoe@corp");
    }

    @Test
    void severalAudiences_withAzpEqualToTheClient_areAccepted() throws Exception {
        assertThat(gateway.verify(sign(
                        claims(c -> {
                            c.setAudience(CLIENT_ID, "another-api");
                            c.setStringClaim("azp", CLIENT_ID);
                        }),
                        rsa,
                        "RS256")))
                .isPresent();
    }

    @Test
    void timesWithinTheClockSkew_areAccepted() throws Exception {
        assertThat(gateway.verify(sign(
                        claims(c -> {
                            c.setIssuedAt(at(NOW.minusSeconds(600)));
                            c.setExpirationTime(at(NOW.minusSeconds(59)));
                        }),
                        rsa,
                        "RS256")))
                .isPresent();
        assertThat(gateway.verify(sign(
                        claims(c -> {
                            c.setIssuedAt(at(NOW.plusSeconds(59)));
                            c.setNotBefore(at(NOW.plusSeconds(59)));
                        }),
                        rsa,
                        "RS256")))
                .isPresent();
    }

    // ---- every refusal is empty --------------------------------------------------------------------------------

    @Test
    void tamperedSignature_isRefused() throws Exception {
        String token = sign(claims(c -> {}), rsa, "RS256");
        String[] parts = token.split("\\.");
        JwtClaims other = claims(c -> c.setSubject("sub-of-the-admin"));
        String forged = parts[0] + "."
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(other.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];

        assertThat(gateway.verify(forged)).isEmpty();
    }

    @Test
    void tokenSignedWithAKeyNotInTheJwks_isRefused() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> {}), otherRsa, "RS256"))).isEmpty();
    }

    @Test
    void algNone_isRefused_withoutFetchingKeys() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(c -> {}).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setKeyIdHeaderValue("rsa-1");
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);

        assertThat(gateway.verify(jws.getCompactSerialization())).isEmpty();
        idp.verify(0, getRequestedFor(urlPathEqualTo(JWKS)));
    }

    @Test
    void hs256SignedWithTheRsaPublicKeyBytes_algConfusion_isRefused() throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(c -> {}).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKeyIdHeaderValue("rsa-1");
        jws.setKey(new HmacKey(rsa.getPublicKey().getEncoded()));

        assertThat(gateway.verify(jws.getCompactSerialization())).isEmpty();
        // nor with the JWK's own JSON as the secret
        jws.setKey(new HmacKey(rsa.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(gateway.verify(jws.getCompactSerialization())).isEmpty();
    }

    @Test
    void anEcTokenNamingAnRsaKid_isRefused() throws Exception {
        EllipticCurveJsonWebKey impostor = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        impostor.setKeyId("rsa-1");
        assertThat(gateway.verify(sign(claims(c -> {}), impostor, "ES256"))).isEmpty();
    }

    @Test
    void wrongIssuer_isRefused() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> c.setIssuer("https://evil.example")), rsa, "RS256")))
                .isEmpty();
        assertThat(gateway.verify(sign(claims(c -> c.setIssuer(idp.baseUrl() + "/")), rsa, "RS256")))
                .isEmpty();
    }

    @Test
    void wrongAudience_isRefused() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> c.setAudience("another-client")), rsa, "RS256")))
                .isEmpty();
    }

    @Test
    void severalAudiences_withoutAzp_orWithAnotherAzp_areRefused() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> c.setAudience(CLIENT_ID, "another-api")), rsa, "RS256")))
                .isEmpty();
        assertThat(gateway.verify(sign(
                        claims(c -> {
                            c.setAudience(CLIENT_ID, "another-api");
                            c.setStringClaim("azp", "another-api");
                        }),
                        rsa,
                        "RS256")))
                .isEmpty();
    }

    @Test
    void expiredToken_orOneWithoutExp_isRefused() throws Exception {
        assertThat(gateway.verify(sign(
                        claims(c -> {
                            c.setIssuedAt(at(NOW.minusSeconds(600)));
                            c.setExpirationTime(at(NOW.minusSeconds(61)));
                        }),
                        rsa,
                        "RS256")))
                .isEmpty();
        assertThat(gateway.verify(sign(claims(c -> c.unsetClaim("exp")), rsa, "RS256")))
                .isEmpty();
    }

    @Test
    void nbfInTheFuture_isRefused() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> c.setNotBefore(at(NOW.plusSeconds(61)))), rsa, "RS256")))
                .isEmpty();
    }

    @Test
    void iatInTheFutureBeyondTheSkew_isRefused() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> c.setIssuedAt(at(NOW.plusSeconds(61)))), rsa, "RS256")))
                .isEmpty();
    }

    @Test
    void configuredSkew_isUsed() throws Exception {
        active = Optional.of(settings(Map.of("clock_skew_seconds", 0)));
        assertThat(gateway.verify(sign(claims(c -> c.setIssuedAt(at(NOW.plusSeconds(5)))), rsa, "RS256")))
                .isEmpty();
    }

    @Test
    void missingSub_isRefused() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> c.unsetClaim("sub")), rsa, "RS256")))
                .isEmpty();
    }

    @Test
    void oversizedToken_isRefused_withoutFetchingKeys() throws Exception {
        String token = sign(
                claims(c -> c.setStringClaim("padding", "x".repeat(OidcIdTokenGateway.MAX_TOKEN_CHARS))), rsa, "RS256");
        assertThat(gateway.verify(token)).isEmpty();
        idp.verify(0, getRequestedFor(urlPathEqualTo(JWKS)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.", "....", "eyJ9.eyJ9.eyJ9", " "})
    void garbage_isRefused(String token) {
        assertThat(gateway.verify(token)).isEmpty();
    }

    @Test
    void tokenWithoutKid_isRefused() throws Exception {
        RsaJsonWebKey noKid = new RsaJsonWebKey(rsa.getRsaPublicKey());
        noKid.setPrivateKey(rsa.getPrivateKey());
        assertThat(gateway.verify(sign(claims(c -> {}), noKid, "RS256"))).isEmpty();
    }

    // ---- keys: discovery, cache, rotation, amplification ---------------------------------------------------------

    @Test
    void keysAreDiscovered_andCachedForTenMinutes() throws Exception {
        String token = sign(claims(c -> c.setExpirationTime(at(NOW.plus(Duration.ofHours(1))))), rsa, "RS256");
        assertThat(gateway.verify(token)).isPresent();
        clock.advance(Duration.ofMinutes(9));
        assertThat(gateway.verify(token)).isPresent();
        idp.verify(1, getRequestedFor(urlPathEqualTo(DISCOVERY)));
        idp.verify(1, getRequestedFor(urlPathEqualTo(JWKS)));

        clock.advance(Duration.ofMinutes(1));
        assertThat(gateway.verify(token)).isPresent();
        idp.verify(2, getRequestedFor(urlPathEqualTo(JWKS)));
    }

    @Test
    void configuredJwksUri_skipsDiscovery() throws Exception {
        active = Optional.of(settings(Map.of("jwks_uri", idp.baseUrl() + JWKS)));
        assertThat(gateway.verify(sign(claims(c -> {}), rsa, "RS256"))).isPresent();
        idp.verify(0, getRequestedFor(urlPathEqualTo(DISCOVERY)));
        idp.verify(1, getRequestedFor(urlPathEqualTo(JWKS)));
    }

    @Test
    void keyRotation_aNewKidIsFetchedOnce_andAccepted() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> {}), rsa, "RS256"))).isPresent();
        RsaJsonWebKey rotated = RsaJwkGenerator.generateJwk(2048);
        rotated.setKeyId("rsa-2");
        serveKeys(rsa, rotated);
        clock.advance(Duration.ofSeconds(61));

        assertThat(gateway.verify(sign(claims(c -> {}), rotated, "RS256"))).isPresent();
        assertThat(gateway.verify(sign(claims(c -> {}), rotated, "RS256"))).isPresent();
        idp.verify(2, getRequestedFor(urlPathEqualTo(JWKS)));
    }

    @Test
    void randomUnknownKids_refetchAtMostOncePerMinute() throws Exception {
        assertThat(gateway.verify(sign(claims(c -> {}), rsa, "RS256"))).isPresent();
        RsaJsonWebKey attacker = RsaJwkGenerator.generateJwk(2048);
        for (int i = 0; i < 20; i++) {
            attacker.setKeyId(UUID.randomUUID().toString());
            assertThat(gateway.verify(sign(claims(c -> {}), attacker, "RS256"))).isEmpty();
            clock.advance(Duration.ofSeconds(1));
        }
        // one fetch at first, then the refetch waits a minute since the last one
        idp.verify(1, getRequestedFor(urlPathEqualTo(JWKS)));
        clock.advance(Duration.ofSeconds(41));
        for (int i = 0; i < 20; i++) {
            attacker.setKeyId(UUID.randomUUID().toString());
            assertThat(gateway.verify(sign(claims(c -> {}), attacker, "RS256"))).isEmpty();
        }
        idp.verify(2, getRequestedFor(urlPathEqualTo(JWKS)));
    }

    // ---- the provider down, misconfigured or not an OIDC one -----------------------------------------------------

    @Test
    void idpDown_isServiceUnavailable_retryLater() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        active = Optional.of(settings(Map.of("issuer", "http://127.0.0.1:" + closed)));
        String token = sign(claims(c -> c.setIssuer("http://127.0.0.1:" + closed)), rsa, "RS256");

        RetryLaterException down = catchThrowableOfType(RetryLaterException.class, () -> gateway.verify(token));
        assertThat(down.code()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(down.retryAfterSeconds()).isEqualTo(OidcIdTokenGateway.RETRY_AFTER_SECONDS);
    }

    @Test
    void jwksAnswering500_orDiscoveryWithoutJwksUri_isServiceUnavailable() throws Exception {
        String token = sign(claims(c -> {}), rsa, "RS256");
        idp.stubFor(get(urlPathEqualTo(JWKS)).willReturn(aResponse().withStatus(503)));
        assertThat(catchThrowableOfType(RetryLaterException.class, () -> gateway.verify(token))
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);

        idp.stubFor(get(urlPathEqualTo(DISCOVERY)).willReturn(okJson("{\"issuer\": \"" + idp.baseUrl() + "\"}")));
        assertThat(catchThrowableOfType(RetryLaterException.class, () -> gateway.verify(token))
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void missingIssuerOrClientId_isServiceUnavailable() throws Exception {
        String token = sign(claims(c -> {}), rsa, "RS256");
        active = Optional.of(
                new ProviderSettings(PROVIDER, ProviderType.AUTH, Map.of("client_id", CLIENT_ID), Map.of()));
        assertThat(catchThrowableOfType(RetryLaterException.class, () -> gateway.verify(token))
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        active = Optional.of(
                new ProviderSettings(PROVIDER, ProviderType.AUTH, Map.of("issuer", idp.baseUrl()), Map.of()));
        assertThat(catchThrowableOfType(RetryLaterException.class, () -> gateway.verify(token))
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
    }

    @Test
    void noActiveOidcProvider_isEmpty_withoutAnyFetch() throws Exception {
        String token = sign(claims(c -> {}), rsa, "RS256");
        active = Optional.empty();
        assertThat(gateway.verify(token)).isEmpty();
        active = Optional.of(new ProviderSettings(
                "oxiadmin_ldap", ProviderType.AUTH, Map.of("issuer", idp.baseUrl(), "client_id", CLIENT_ID), Map.of()));
        assertThat(gateway.verify(token)).isEmpty();
        active = Optional.of(new ProviderSettings(
                "corp_sso",
                ProviderType.AUTH,
                Map.of("type", "ldap", "issuer", idp.baseUrl(), "client_id", CLIENT_ID),
                Map.of()));
        assertThat(gateway.verify(token)).isEmpty();
        idp.verify(0, getRequestedFor(urlPathEqualTo(DISCOVERY)));
        idp.verify(0, getRequestedFor(urlPathEqualTo(JWKS)));
    }

    @Test
    void providerOfTypeOidc_whateverItsName_isUsed() throws Exception {
        active = Optional.of(new ProviderSettings(
                "corp_sso",
                ProviderType.AUTH,
                Map.of("type", "oidc", "issuer", idp.baseUrl(), "client_id", CLIENT_ID, "development", "true"),
                Map.of()));
        assertThat(gateway.verify(sign(claims(c -> {}), rsa, "RS256")))
                .map(ProviderIdentity::provider)
                .contains("corp_sso");
    }

    @Test
    void plainHttpIssuer_outsideDevelopment_isRefusedWithoutAnyFetch() throws Exception {
        String token = sign(claims(c -> {}), rsa, "RS256");
        active = Optional.of(new ProviderSettings(
                PROVIDER, ProviderType.AUTH, Map.of("issuer", idp.baseUrl(), "client_id", CLIENT_ID), Map.of()));
        assertThat(catchThrowableOfType(RetryLaterException.class, () -> gateway.verify(token))
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        active = Optional.of(settings(Map.of(
                "development", false, "jwks_uri", "https://keys.example/jwks", "issuer", "https://idp.example")));
        assertThat(catchThrowableOfType(RetryLaterException.class, () -> gateway.verify(token))
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        idp.verify(0, getRequestedFor(urlPathEqualTo(DISCOVERY)));
        idp.verify(0, getRequestedFor(urlPathEqualTo(JWKS)));
    }

    @Test
    void discoveryNamingAnotherIssuer_isRefused() throws Exception {
        idp.stubFor(get(urlPathEqualTo(DISCOVERY))
                .willReturn(okJson("{\"issuer\": \"https://evil.example\", " + "\"jwks_uri\": \"" + idp.baseUrl() + JWKS
                        + "\"}")));
        String token = sign(claims(c -> {}), rsa, "RS256");
        assertThat(catchThrowableOfType(RetryLaterException.class, () -> gateway.verify(token))
                        .code())
                .isEqualTo(ErrorCode.SERVICE_UNAVAILABLE);
        idp.verify(0, getRequestedFor(urlPathEqualTo(JWKS)));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private ProviderSettings settings(Map<String, Object> extra) {
        // WireMock answers over plain http: a development configuration
        Map<String, Object> configuration =
                new HashMap<>(Map.of("issuer", idp.baseUrl(), "client_id", CLIENT_ID, "development", true));
        configuration.putAll(extra);
        return new ProviderSettings(PROVIDER, ProviderType.AUTH, configuration, Map.of());
    }

    private ProviderConfigDirectory directory() {
        return new ProviderConfigDirectory() {
            @Override
            public Optional<String> activeProviderName(ProviderType type) {
                return active.map(ProviderSettings::name);
            }

            @Override
            public Optional<ProviderSettings> activeSettings(ProviderType type) {
                return active;
            }

            @Override
            public Optional<ProviderSettings> activeSettingsNamed(String providerName) {
                return active.filter(settings -> settings.name().equalsIgnoreCase(providerName));
            }

            @Override
            public Optional<String> activeVersionNamed(String providerName) {
                return activeSettingsNamed(providerName).map(settings -> settings.name() + settings.configuration());
            }

            @Override
            public void recordHealth(
                    ProviderType type, String providerName, ProviderHealth status, Instant at, String error) {
                // no health is kept by these tests
            }
        };
    }

    private static void serveKeys(JsonWebKey... keys) {
        idp.stubFor(get(urlPathEqualTo(JWKS))
                .willReturn(okJson(new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY))));
    }

    private static NumericDate at(Instant instant) {
        return NumericDate.fromSeconds(instant.getEpochSecond());
    }

    private static JwtClaims claims(Consumer<JwtClaims> change) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(idp.baseUrl());
        claims.setAudience(CLIENT_ID);
        claims.setSubject("sub-248289761001");
        claims.setIssuedAt(at(NOW.minusSeconds(10)));
        claims.setExpirationTime(at(NOW.plusSeconds(300)));
        claims.setStringClaim("preferred_username", "jane");
        claims.setStringClaim("email", "jane@acme.example");
        claims.setStringClaim("name", "Jane Doe");
        change.accept(claims);
        return claims;
    }

    private static String sign(JwtClaims claims, PublicJsonWebKey key, String algorithm) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        if (key.getKeyId() != null) {
            jws.setKeyIdHeaderValue(key.getKeyId());
        }
        jws.setAlgorithmHeaderValue(algorithm);
        return jws.getCompactSerialization();
    }

    /** A clock the tests move forward. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
