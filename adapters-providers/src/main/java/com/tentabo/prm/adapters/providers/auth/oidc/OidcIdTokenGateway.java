package com.tentabo.prm.adapters.providers.auth.oidc;

import com.tentabo.prm.application.identity.port.out.AuthProviderGateway.ProviderIdentity;
import com.tentabo.prm.application.identity.port.out.IdTokenGateway;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * The OpenID Connect auth provider, active when the active AUTH provider of {@code provider_configs} is an OIDC one
 * ({@code "type": "oidc"}, or without a type named {@code oidc} or {@code …_oidc}). It verifies an ID token that the
 * identity provider issued to a client app: a compact JWS signed with RS256/384/512 or ES256/384 by a key of the
 * provider's JWKS matched by {@code kid} (never {@code none} nor an HMAC algorithm), {@code iss} equal to the issuer,
 * the client id in {@code aud} ({@code azp} equal to it when present, and required when {@code aud} has several
 * values), {@code exp} in the future and {@code iat}/{@code nbf} not in the future (both with the clock skew), a
 * {@code sub}, at most {@value #MAX_TOKEN_CHARS} characters. A token that fails any check answers empty, the reason
 * logged at INFO without the token; a provider that cannot be reached or a configuration that cannot work throws
 * SERVICE_UNAVAILABLE (503, retry later).
 */
@ApplicationScoped
public class OidcIdTokenGateway implements IdTokenGateway {

    static final int MAX_TOKEN_CHARS = 16 * 1024;
    static final long RETRY_AFTER_SECONDS = 30;
    static final Set<String> ALGORITHMS = Set.of(
            AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384);
    private static final int MAX_USERNAME = 100;
    private static final int MAX_TEXT = 255;

    private static final Map<Integer, String> ERROR_NAMES = errorNames();
    private static final Logger LOG = Logger.getLogger(OidcIdTokenGateway.class);

    private final ProviderConfigDirectory configs;
    private final Clock clock;
    private final JwksCache keys;

    public OidcIdTokenGateway(ProviderConfigDirectory configs, Clock clock, HttpClient client) {
        this.configs = configs;
        this.clock = clock;
        this.keys = new JwksCache(client, clock);
    }

    @Override
    public Optional<ProviderIdentity> verify(String idToken) {
        Optional<OidcSettings> active = activeOidcSettings();
        if (active.isEmpty()) {
            LOG.debug("ID token refused: no active OIDC auth provider");
            return Optional.empty();
        }
        return verify(active.get(), idToken, null);
    }

    /**
     * {@link #verify(String)} for this provider; with an {@code expectedNonce} (a sign-in that started here), the
     * token's {@code nonce} claim must equal it.
     */
    Optional<ProviderIdentity> verify(OidcSettings oidc, String idToken, String expectedNonce) {
        if (idToken == null || idToken.isBlank()) {
            return refused(oidc, "the token is empty");
        }
        if (idToken.length() > MAX_TOKEN_CHARS) {
            return refused(oidc, "the token is longer than " + MAX_TOKEN_CHARS + " characters");
        }
        JsonWebSignature jws;
        try {
            JsonWebStructure structure = JsonWebStructure.fromCompactSerialization(idToken);
            if (!(structure instanceof JsonWebSignature signature)) {
                return refused(oidc, "the token is not a JWS (an encrypted JWT?)");
            }
            jws = signature;
        } catch (JoseException | RuntimeException e) {
            return refused(
                    oidc, "the token is not a compact JWS (" + e.getClass().getSimpleName() + ")");
        }
        String algorithm = jws.getAlgorithmHeaderValue();
        if (algorithm == null || !ALGORITHMS.contains(algorithm)) {
            return refused(oidc, "alg " + printable(algorithm) + " is not accepted");
        }
        String kid = jws.getKeyIdHeaderValue();
        if (kid == null || kid.isBlank()) {
            return refused(oidc, "the token names no kid");
        }
        Optional<JsonWebKey> key;
        try {
            key = keys.find(oidc, kid, algorithm);
        } catch (ProviderFailure failure) {
            throw unavailable(oidc, failure.getMessage());
        }
        if (key.isEmpty()) {
            return refused(oidc, "no key of the JWKS has kid " + printable(kid) + " for " + algorithm);
        }
        JwtClaims claims;
        try {
            claims = consumer(oidc, key.get()).processToClaims(idToken);
        } catch (InvalidJwtException e) {
            return refused(oidc, describe(e));
        }
        try {
            if (expectedNonce != null && !sameText(expectedNonce, claims.getStringClaimValue("nonce"))) {
                return refused(oidc, "nonce is missing or is not the one this sign-in sent");
            }
            return checked(oidc, claims);
        } catch (MalformedClaimException e) {
            return refused(oidc, "a claim has the wrong type (" + e.getMessage() + ")");
        }
    }

    private JwtConsumer consumer(OidcSettings oidc, JsonWebKey key) {
        return new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT, ALGORITHMS.toArray(String[]::new))
                .setVerificationKey(key.getKey())
                .setExpectedIssuer(true, oidc.issuer())
                .setExpectedAudience(true, oidc.clientId())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(oidc.clockSkewSeconds())
                .setEvaluationTime(NumericDate.fromSeconds(clock.instant().getEpochSecond()))
                .build();
    }

    /** The checks jose4j does not make ({@code iat}, {@code azp}, sizes), then the identity. */
    private Optional<ProviderIdentity> checked(OidcSettings oidc, JwtClaims claims) throws MalformedClaimException {
        NumericDate issuedAt = claims.getIssuedAt();
        // clock.instant(), not clock.millis(): the application clock ticks in microseconds, and
        // Clock.tick(...).millis()
        // divides by zero for ticks under a millisecond on Java 17
        long latest = clock.instant().getEpochSecond() + oidc.clockSkewSeconds();
        if (issuedAt != null && issuedAt.getValue() > latest) {
            return refused(oidc, "iat is in the future");
        }
        List<String> audience = claims.getAudience();
        String authorizedParty = claims.getStringClaimValue("azp");
        if (audience.size() > 1 && authorizedParty == null) {
            return refused(oidc, "aud has several values and there is no azp");
        }
        if (authorizedParty != null && !authorizedParty.equals(oidc.clientId())) {
            return refused(oidc, "azp is not the client id");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank() || subject.length() > MAX_TEXT) {
            return refused(oidc, "sub is blank or longer than " + MAX_TEXT + " characters");
        }
        String email = text(claims, "email", MAX_TEXT);
        String username = oidc.usernameClaim() != null
                ? text(claims, oidc.usernameClaim(), MAX_USERNAME)
                : Optional.ofNullable(text(claims, "preferred_username", MAX_USERNAME))
                        .orElseGet(() -> text(claims, "email", MAX_USERNAME));
        if (username == null && subject.length() <= MAX_USERNAME) {
            username = subject;
        }
        if (username == null && email == null) {
            email = subject; // users.email is required; the account is pending approval anyway
        }
        return Optional.of(
                new ProviderIdentity(oidc.providerName(), subject, username, email, text(claims, "name", MAX_TEXT)));
    }

    /** A claim as text when it is a non-blank string of at most {@code max} characters; null otherwise. */
    private static String text(JwtClaims claims, String name, int max) {
        Object value = claims.getClaimValue(name);
        if (!(value instanceof String text) || text.isBlank() || text.strip().length() > max) {
            return null;
        }
        return text.strip();
    }

    /** Compared in constant time. */
    private static boolean sameText(String expected, String actual) {
        return actual != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    /** The active AUTH provider when it is an OIDC one; a configuration that cannot work throws SERVICE_UNAVAILABLE. */
    Optional<OidcSettings> activeOidcSettings() {
        ProviderSettings active;
        try {
            Optional<ProviderSettings> found = configs.activeSettings(ProviderType.AUTH);
            if (found.isEmpty() || !OidcSettings.isOidc(found.get())) {
                return Optional.empty();
            }
            active = found.get();
        } catch (ProviderFailure unreadable) {
            // credentials that cannot be decrypted: ours to report only when the provider is an OIDC one by name
            Optional<String> name =
                    configs.activeProviderName(ProviderType.AUTH).filter(OidcSettings::isOidcName);
            if (name.isEmpty()) {
                return Optional.empty();
            }
            throw unusable(name.get(), unreadable.getMessage());
        }
        try {
            return Optional.of(OidcSettings.of(active));
        } catch (IllegalArgumentException misconfigured) {
            throw unusable(active.name(), misconfigured.getMessage());
        }
    }

    static Optional<ProviderIdentity> refused(OidcSettings oidc, String why) {
        LOG.infof("OIDC provider %s: ID token refused: %s", oidc.providerName(), why);
        return Optional.empty();
    }

    /**
     * What jose4j found wrong, as the names of its error codes ({@code SIGNATURE_INVALID}, {@code EXPIRED}, …): its
     * messages may quote the whole token, which must never reach a log line.
     */
    private static String describe(InvalidJwtException e) {
        List<ErrorCodeValidator.Error> details = e.getErrorDetails();
        if (details == null || details.isEmpty()) {
            return "the token does not verify";
        }
        return details.stream()
                .map(error -> ERROR_NAMES.getOrDefault(error.getErrorCode(), "error " + error.getErrorCode()))
                .collect(Collectors.joining(", "));
    }

    /** jose4j's {@link ErrorCodes} constants by value. */
    private static Map<Integer, String> errorNames() {
        Map<Integer, String> names = new HashMap<>();
        for (Field field : ErrorCodes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == int.class) {
                try {
                    names.putIfAbsent(field.getInt(null), field.getName());
                } catch (IllegalAccessException ignored) {
                    // public constants: not expected
                }
            }
        }
        return Map.copyOf(names);
    }

    /** A header value cut short and stripped of control characters, for a log line. */
    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 64 ? clean : clean.substring(0, 64) + "…";
    }

    static RetryLaterException unavailable(OidcSettings oidc, String why) {
        LOG.warnf("OIDC provider %s (issuer %s) cannot be reached: %s", oidc.providerName(), oidc.issuer(), why);
        return retryLater();
    }

    private static RetryLaterException unusable(String providerName, String why) {
        LOG.warnf("OIDC provider %s cannot be used: %s", providerName, why);
        return retryLater();
    }

    private static RetryLaterException retryLater() {
        return new RetryLaterException(
                ErrorCode.SERVICE_UNAVAILABLE, "The sign-in provider is unavailable; retry later", RETRY_AFTER_SECONDS);
    }
}
