package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.ConsoleSessionSettings;
import com.tentabo.prm.application.identity.port.in.ConsoleSessionUseCase;
import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.application.identity.port.in.ResolveCallerUseCase;
import com.tentabo.prm.application.identity.port.out.ConsoleSessionRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.id.ConsoleSessionId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Console sessions: {@code tcs_} + 32 random bytes in base64url, stored as a SHA-256 hash, valid for
 * {@link ConsoleSessionSettings#lifetime()} from sign-in (no sliding renewal), revoked by signing out. The caller is
 * resolved afresh on each request by {@link ResolveCallerUseCase}, as for a bearer token.
 */
@ApplicationScoped
public class ConsoleSessionService implements ConsoleSessionUseCase {

    static final String TOKEN_MARK = "tcs_";
    private static final Pattern TOKEN_SHAPE = Pattern.compile("tcs_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Ended sessions removed at each sign-in, at most (the table stays small without a job of its own). */
    static final int PURGE_BATCH = 100;

    private final ConsoleSessionRepository sessions;
    private final ResolveCallerUseCase resolveCaller;
    private final ConsoleSessionSettings settings;
    private final IdGenerator ids;
    private final Clock clock;

    public ConsoleSessionService(
            ConsoleSessionRepository sessions,
            ResolveCallerUseCase resolveCaller,
            ConsoleSessionSettings settings,
            IdGenerator ids,
            Clock clock) {
        this.sessions = sessions;
        this.resolveCaller = resolveCaller;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StartedSession start(LoginUseCase.LoginResult signedIn) {
        Instant now = clock.instant();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = TOKEN_MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = now.plus(settings.lifetime());
        sessions.deleteEndedBefore(now, PURGE_BATCH);
        sessions.save(new ConsoleSessionRepository.StoredSession(
                new ConsoleSessionId(ids.newId()),
                ApiKeyService.sha256(token),
                signedIn.kind(),
                signedIn.principalId(),
                now,
                expiresAt));
        return new StartedSession(token, expiresAt);
    }

    @Override
    @Transactional
    public Caller resolve(String token, RequestOrigin origin) {
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            throw expired();
        }
        ConsoleSessionRepository.StoredSession session = sessions.findLive(ApiKeyService.sha256(token), clock.instant())
                .orElseThrow(ConsoleSessionService::expired);
        return resolveCaller.resolve(session.kind(), session.principalId(), session.createdAt(), origin);
    }

    @Override
    @Transactional
    public void end(String token) {
        if (token != null && TOKEN_SHAPE.matcher(token).matches()) {
            sessions.revoke(ApiKeyService.sha256(token), clock.instant());
        }
    }

    private static DomainException expired() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "The session is unknown, expired or signed out");
    }
}
