package com.tentabo.prm.adapters.rest.security;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Issues and verifies the RS256 access tokens. A token names its principal; nothing else is trusted from it. */
@ApplicationScoped
public class TokenService {

    static final String ISSUER = "tentabo-prm";
    static final String KIND_CLAIM = "kind";

    public record IssuedToken(String token, long expiresInSeconds) { }

    public record VerifiedToken(PrincipalKind kind, UUID principalId) { }

    private final JwtKeys keys;
    private final Duration lifetime;
    private final Clock clock;
    private final DefaultJWTParser parser;

    public TokenService(JwtKeys keys, @ConfigProperty(name = "prm.jwt.lifetime", defaultValue = "PT1H") Duration lifetime,
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
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws().keyId("prm-1")
                .sign(keys.privateKey());
        return new IssuedToken(token, lifetime.toSeconds());
    }

    public VerifiedToken verify(String token) {
        try {
            JsonWebToken jwt = parser.verify(token, keys.publicKey());
            Object kind = jwt.getClaim(KIND_CLAIM);
            return new VerifiedToken(PrincipalKind.valueOf(String.valueOf(kind).toUpperCase(Locale.ROOT)),
                    UUID.fromString(jwt.getSubject()));
        } catch (ParseException | IllegalArgumentException | NullPointerException e) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "The access token is invalid or expired");
        }
    }
}
