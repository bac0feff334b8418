package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.access.PrincipalKind;
import java.time.Instant;
import java.util.UUID;

/**
 * When an account's password was last set, changed or reset ({@code credential_revocations}): its tokens issued and
 * API keys created before that instant are refused ({@link PrincipalDirectory} reads it with the account).
 */
public interface CredentialRevocationRepository {

    void revokeIssuedBefore(PrincipalKind kind, UUID principalId, Instant before);
}
