package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.RequestOrigin;

import java.util.UUID;

/**
 * Turns the principal named by a verified credential into the {@link Caller} of this request, reading the
 * account afresh: a disabled user or deactivated admin is refused on its next request, whatever the token's
 * expiry, and a distributor's active partner assignments are read now.
 */
public interface ResolveCallerUseCase {
    Caller resolve(PrincipalKind kind, UUID principalId, RequestOrigin origin);
}
