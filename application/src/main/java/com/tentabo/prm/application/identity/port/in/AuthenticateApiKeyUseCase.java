package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.RequestOrigin;

/**
 * Turns a presented {@code tnt_…} key into the caller of this request: unknown, revoked or expired keys are
 * refused (401); the owner is resolved afresh (a disabled owner is refused); the caller's scopes are the key's.
 */
public interface AuthenticateApiKeyUseCase {
    Caller authenticate(String presentedKey, RequestOrigin origin);
}
