package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.identity.port.out.CredentialRevocationRepository;
import com.tentabo.prm.application.identity.port.out.InvitationRepository;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.InvitationId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Tables {@code password_invitations} and {@code credential_revocations} (V9), in the caller's transaction. */
@ApplicationScoped
public class JpaInvitationRepository implements InvitationRepository, CredentialRevocationRepository {

    private final EntityManager em;

    public JpaInvitationRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public void insert(Invitation invitation, String tokenHash) {
        em.createNativeQuery("INSERT INTO password_invitations (id, token_hash, " + ownerColumn(invitation.kind())
                        + ", purpose, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, invitation.id().value())
                .setParameter(2, tokenHash)
                .setParameter(3, invitation.principalId())
                .setParameter(4, invitation.purpose())
                .setParameter(5, invitation.createdAt())
                .setParameter(6, invitation.expiresAt())
                .executeUpdate();
    }

    @Override
    public Optional<Invitation> findByTokenHashForUpdate(String tokenHash) {
        return SqlRows.query(
                        em,
                        "SELECT id, user_id, admin_user_id, purpose, created_at, expires_at, used_at, "
                                + "superseded_at FROM password_invitations WHERE token_hash = ? FOR UPDATE",
                        List.of(tokenHash),
                        rs -> {
                            UUID userId = rs.getObject(2, UUID.class);
                            return new Invitation(
                                    new InvitationId(rs.getObject(1, UUID.class)),
                                    userId != null ? PrincipalKind.USER : PrincipalKind.ADMIN_USER,
                                    userId != null ? userId : rs.getObject(3, UUID.class),
                                    rs.getString(4),
                                    SqlRows.instant(rs, 5),
                                    SqlRows.instant(rs, 6),
                                    SqlRows.instant(rs, 7),
                                    SqlRows.instant(rs, 8));
                        })
                .stream()
                .findFirst();
    }

    @Override
    public void markUsed(InvitationId id, Instant at) {
        em.createNativeQuery("UPDATE password_invitations SET used_at = ?1 WHERE id = ?2")
                .setParameter(1, at)
                .setParameter(2, id.value())
                .executeUpdate();
    }

    @Override
    public void supersedeOpen(PrincipalKind kind, UUID principalId, Instant at) {
        em.createNativeQuery("UPDATE password_invitations SET superseded_at = ?1 WHERE " + ownerColumn(kind) + " = ?2 "
                        + "AND used_at IS NULL AND superseded_at IS NULL")
                .setParameter(1, at)
                .setParameter(2, principalId)
                .executeUpdate();
    }

    @Override
    public void revokeIssuedBefore(PrincipalKind kind, UUID principalId, Instant before) {
        em.createNativeQuery("INSERT INTO credential_revocations (principal_kind, principal_id, not_before) "
                        + "VALUES (?1, ?2, ?3) ON CONFLICT (principal_kind, principal_id) "
                        + "DO UPDATE SET not_before = GREATEST(credential_revocations.not_before, EXCLUDED.not_before)")
                .setParameter(1, kindName(kind))
                .setParameter(2, principalId)
                .setParameter(3, before)
                .executeUpdate();
    }

    private static String ownerColumn(PrincipalKind kind) {
        return kind == PrincipalKind.USER ? "user_id" : "admin_user_id";
    }

    static String kindName(PrincipalKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
