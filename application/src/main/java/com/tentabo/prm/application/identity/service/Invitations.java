package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase.IssuedInvitation;
import com.tentabo.prm.application.identity.port.out.ApiKeyRepository;
import com.tentabo.prm.application.identity.port.out.CredentialRevocationRepository;
import com.tentabo.prm.application.identity.port.out.InvitationRepository;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.InvitationId;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Issues invitations (the token {@code inv_} + 32 random bytes in base64url, kept only as its SHA-256 hash, valid
 * {@link #LIFETIME}, single use; a newer one replaces the older) and revokes an account's credentials when its
 * password is set, changed or reset. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Invitations {

    public static final Duration LIFETIME = Duration.ofHours(72);
    static final String TOKEN_MARK = "inv_";
    static final Pattern TOKEN_SHAPE = Pattern.compile("inv_[A-Za-z0-9_-]{43}");
    static final String INVITATION = "invitation";
    static final String RESET = "reset";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvitationRepository invitations;
    private final CredentialRevocationRepository revocations;
    private final ApiKeyRepository apiKeys;
    private final IdGenerator ids;
    private final Notifier notifier;

    public Invitations(
            InvitationRepository invitations,
            CredentialRevocationRepository revocations,
            ApiKeyRepository apiKeys,
            IdGenerator ids,
            Notifier notifier) {
        this.notifier = notifier;
        this.invitations = invitations;
        this.revocations = revocations;
        this.apiKeys = apiKeys;
        this.ids = ids;
    }

    /**
     * A new invitation for the account; the open ones it had stop working. Its link is mailed to the account's owner
     * after commit ({@link Notifier#queueLinkMail}); the answer shows it once to the one who issued it.
     */
    IssuedInvitation issue(PrincipalKind kind, UUID principalId, String username, String purpose, Instant now) {
        invitations.supersedeOpen(kind, principalId, now);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = TOKEN_MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = now.plus(LIFETIME);
        invitations.insert(
                new InvitationRepository.Invitation(
                        new InvitationId(ids.newId()), kind, principalId, purpose, now, expiresAt, null, null),
                ApiKeyService.sha256(token));
        notifier.queueLinkMail(kind, principalId, purpose, username, token, expiresAt);
        return new IssuedInvitation(token, expiresAt);
    }

    /** Whether the token is still the account's open link (not used, replaced or expired). */
    public boolean usable(String token, Instant now) {
        return token != null
                && TOKEN_SHAPE.matcher(token).matches()
                && invitations
                        .findByTokenHashForUpdate(ApiKeyService.sha256(token))
                        .filter(i -> i.usableAt(now))
                        .isPresent();
    }

    /**
     * The account's password was set, changed or reset: its tokens issued and API keys created until now stop
     * working on their next request (to the millisecond, the precision of a token's issue time), its keys are marked
     * revoked, and its open invitations are replaced.
     */
    void revokeCredentials(PrincipalKind kind, UUID principalId, Instant now) {
        revocations.revokeIssuedBefore(kind, principalId, now.truncatedTo(ChronoUnit.MILLIS));
        apiKeys.revokeAllOwnedBy(kind, principalId, now);
        invitations.supersedeOpen(kind, principalId, now);
    }
}
