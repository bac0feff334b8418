package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.InvitationId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Invitations ({@code password_invitations}): one-time links through which a person sets its own password. */
public interface InvitationRepository {

    /** {@code purpose}: {@code invitation} (a new account) or {@code reset}. The token itself is never kept. */
    record Invitation(
            InvitationId id,
            PrincipalKind kind,
            UUID principalId,
            String purpose,
            Instant createdAt,
            Instant expiresAt,
            Instant usedAt,
            Instant supersededAt) {

        public boolean usableAt(Instant now) {
            return usedAt == null && supersededAt == null && now.isBefore(expiresAt);
        }
    }

    void insert(Invitation invitation, String tokenHash);

    /** The invitation with this token hash, its row locked until the transaction ends. */
    Optional<Invitation> findByTokenHashForUpdate(String tokenHash);

    void markUsed(InvitationId id, Instant at);

    /** Marks every unused invitation of the account superseded; a newer one (or a changed password) replaces them. */
    void supersedeOpen(PrincipalKind kind, UUID principalId, Instant at);
}
