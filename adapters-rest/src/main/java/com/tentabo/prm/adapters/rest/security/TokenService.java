package com.tentabo.prm.adapters.rest.security;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Issues and verifies the RS256 access tokens. A token names its principal; nothing else is trusted from it. */
@ApplicationScoped
public class TokenService {

    static final String ISSUER = "tentabo-prm";
    static final String KIND_CLAIM = "kind";
    /** The issue time in milliseconds ({@code iat} has whole seconds): compared with the account's revocation time. */
    static final String ISSUED_AT_MILLIS_CLAIM = "iat_ms";

    public record IssuedToken(String token, long expiresInSeconds) {}

    public record VerifiedToken(PrincipalKind kind, UUID principalId, Instant issuedAt) {}

    private final JwtKeys keys;
    private final Duration lifetime;
    private final Clock clock;
    private final DefaultJWTParser parser;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** Tokens remembered at most; about 1 KiB each. */
    static final int MAX_REMEMBERED = 10_000;

    private record Verified(VerifiedToken token, long expiresAtEpochSecond) {}

    public TokenService(
            JwtKeys keys,
            @ConfigProperty(name = "prm.jwt.lifetime", defaultValue = "PT1H") Duration lifetime,
            Clock clock) {
        this.keys = keys;
        this.lifetime = lifetime;
        this.clock = clock;
        JWTAuthContextInfo info = new JWTAuthContextInfo(keys.publicKey(), ISSUER);
        info.setExpGracePeriodSecs(0);
        this.parser = new DefaultJWTParser(info);
    }

    public IssuedToken issue(PrincipalKind kind, UUID principalId, String username) {
        Instant now = clock.instant();
        String token = Jwt.issuer(ISSUER)
                .subject(principalId.toString())
                .upn(username)
                .claim(KIND_CLAIM, kind.name().toLowerCase(Locale.ROOT))
                .claim(ISSUED_AT_MILLIS_CLAIM, now.toEpochMilli())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws()
                .keyId("prm-1")
                .sign(keys.privateKey());
        return new IssuedToken(token, lifetime.toSeconds());
    }

    /**
     * Checks the signature, issuer and expiry of a token. A token that verified once is remembered until it expires
     * (same bytes, same verdict), so a client sending the same token on every request pays for the RSA check once;
     * its expiry is still checked on every use. The memory is bounded: when full it is emptied.
     */
    public VerifiedToken verify(String token) {
        long nowSeconds = clock.instant().getEpochSecond();
        Verified remembered = verified.get(token);
        if (remembered != null) {
            if (nowSeconds < remembered.expiresAtEpochSecond()) {
                return remembered.token();
            }
            verified.remove(token);
            throw invalid();
        }
        try {
            JsonWebToken jwt = parser.verify(token, keys.publicKey());
            if (nowSeconds >= jwt.getExpirationTime()) {
                throw invalid(); // by the service's clock too, so that remembered and fresh verdicts agree
            }
            Object kind = jwt.getClaim(KIND_CLAIM);
            VerifiedToken result = new VerifiedToken(
                    PrincipalKind.valueOf(String.valueOf(kind).toUpperCase(Locale.ROOT)),
                    UUID.fromString(jwt.getSubject()),
                    issuedAt(jwt));
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, new Verified(result, jwt.getExpirationTime()));
            return result;
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw invalid();
        }
    }

    /** The millisecond issue time, or {@code iat} for a token issued before the claim existed. */
    private static Instant issuedAt(JsonWebToken jwt) {
        Object millis = jwt.getClaim(ISSUED_AT_MILLIS_CLAIM);
        if (millis instanceof JsonNumber number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        if (millis instanceof Number number) {
            return Instant.ofEpochMilli(number.longValue());
        }
        return Instant.ofEpochSecond(jwt.getIssuedAtTime());
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "The access token is invalid or expired");
    }
}
