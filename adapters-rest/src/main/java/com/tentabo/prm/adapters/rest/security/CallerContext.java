package com.tentabo.prm.adapters.rest.security;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/** The authenticated caller of the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CallerContext {

    private Caller caller;

    void set(Caller authenticated) {
        this.caller = authenticated;
    }

    public Optional<Caller> current() {
        return Optional.ofNullable(caller);
    }

    /** The caller, or 401 UNAUTHENTICATED when the request carried no valid credential. */
    public Caller require() {
        if (caller == null) {
            throw new DomainException(
                    ErrorCode.UNAUTHENTICATED,
                    "Authentication is required: send Authorization: Bearer <token or API key>");
        }
        return caller;
    }
}
