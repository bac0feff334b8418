package com.tentabo.prm.application.registration.port.in;

import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.domain.access.Caller;

import java.util.UUID;

/** Staff (ADMIN, RESTRICTED_ADMIN) decide registrations and extensions, always with a reason. */
public interface DecideRegistrationUseCase {

    enum Decision { APPROVE, REJECT, RETURN }

    RegistrationView decide(Caller caller, UUID registrationId, Decision decision, String reason, String ifMatch);

    /** Grants (a new protection end, the one extension) or refuses the pending extension request. */
    RegistrationView decideExtension(Caller caller, UUID registrationId, boolean grant, String reason, String ifMatch);
}
