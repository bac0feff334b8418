package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase.IssuedInvitation;
import com.tentabo.prm.application.identity.port.out.ApiKeyRepository;
import com.tentabo.prm.application.identity.port.out.CredentialRevocationRepository;
import com.tentabo.prm.application.identity.port.out.InvitationRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.PrincipalKind;
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

    public Invitations(InvitationRepository invitations, CredentialRevocationRepository revocations,
                       ApiKeyRepository apiKeys, IdGenerator ids) {
        this.invitations = invitations;
        this.revocations = revocations;
        this.apiKeys = apiKeys;
        this.ids = ids;
    }

    /** A new invitation for the account; the open ones it had stop working. */
    IssuedInvitation issue(PrincipalKind kind, UUID principalId, String purpose, Instant now) {
        invitations.supersedeOpen(kind, principalId, now);
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = TOKEN_MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant expiresAt = now.plus(LIFETIME);
        invitations.insert(new InvitationRepository.Invitation(ids.newId(), kind, principalId, purpose, now, expiresAt,
                null, null), ApiKeyService.sha256(token));
        return new IssuedInvitation(token, expiresAt);
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
