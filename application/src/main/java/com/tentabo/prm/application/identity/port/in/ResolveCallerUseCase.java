package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.RequestOrigin;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns the principal named by a verified credential into the {@link Caller} of this request, reading the
 * account afresh: a disabled user or deactivated admin is refused on its next request, whatever the token's
 * expiry, and a distributor's active partner assignments are read now. A credential issued before the account's
 * password was last set, changed or reset is refused (401): every inbound adapter passes when its credential was
 * issued (a token's issue time, an API key's or a session's creation time).
 */
public interface ResolveCallerUseCase {

    /** @param issuedAt when the presented credential was issued; never null */
    Caller resolve(PrincipalKind kind, UUID principalId, Instant issuedAt, RequestOrigin origin);
}
