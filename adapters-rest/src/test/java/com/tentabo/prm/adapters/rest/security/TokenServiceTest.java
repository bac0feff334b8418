package com.tentabo.prm.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenServiceTest {

    @TempDir
    Path dataDir;

    private final MovableClock clock = new MovableClock(Instant.now());

    private TokenService tokens() {
        return new TokenService(
                new JwtKeys(Optional.empty(), Optional.empty(), dataDir.toString()), Duration.ofHours(1), clock);
    }

    @Test
    void aVerifiedTokenIsRememberedButStillExpires() {
        TokenService service = tokens();
        UUID admin = UUID.randomUUID();
        Instant issuedAt = clock.instant();
        String token = service.issue(PrincipalKind.ADMIN_USER, admin, "admin").token();

        // the issue time to the millisecond, compared with the account's credential revocation time
        TokenService.VerifiedToken expected = new TokenService.VerifiedToken(
                PrincipalKind.ADMIN_USER, admin, Instant.ofEpochMilli(issuedAt.toEpochMilli()));
        assertThat(service.verify(token)).isEqualTo(expected);
        assertThat(service.verify(token)).isEqualTo(expected);

        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertUnauthenticated(service, token);
        assertUnauthenticated(service, token); // and it stays refused once forgotten
    }

    @Test
    void aTokenWithAnotherSignatureIsRefusedEvenAfterTheGenuineOneVerified() {
        TokenService service = tokens();
        String token =
                service.issue(PrincipalKind.USER, UUID.randomUUID(), "user").token();
        service.verify(token);
        int signatureStart = token.lastIndexOf('.') + 1;
        char first = token.charAt(signatureStart);
        String forged =
                token.substring(0, signatureStart) + (first == 'A' ? 'B' : 'A') + token.substring(signatureStart + 1);

        assertUnauthenticated(service, forged);
        assertUnauthenticated(service, "not-a-token");
    }

    @Test
    void aTokenSignedWithOtherKeysIsRefused(@TempDir Path otherDir) {
        TokenService other = new TokenService(
                new JwtKeys(Optional.empty(), Optional.empty(), otherDir.toString()), Duration.ofHours(1), clock);
        String foreign = other.issue(PrincipalKind.ADMIN_USER, UUID.randomUUID(), "admin")
                .token();

        assertUnauthenticated(tokens(), foreign);
    }

    private static void assertUnauthenticated(TokenService service, String token) {
        assertThatThrownBy(() -> service.verify(token))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.UNAUTHENTICATED);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
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
