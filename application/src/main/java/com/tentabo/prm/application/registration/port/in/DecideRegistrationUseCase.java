package com.tentabo.prm.application.registration.port.in;

import com.tentabo.prm.application.registration.OrderFlag;
import com.tentabo.prm.application.registration.RegistrationView;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.RegistrationId;
import java.util.List;

/** Staff (ADMIN, RESTRICTED_ADMIN) decide registrations and extensions, always with a reason. */
public interface DecideRegistrationUseCase {

    enum Decision {
        APPROVE,
        REJECT,
        RETURN
    }

    RegistrationView decide(
            Caller caller, RegistrationId registrationId, Decision decision, String reason, ExpectedVersion expected);

    /** Grants (a new protection end, the one extension) or refuses the pending extension request. */
    RegistrationView decideExtension(
            Caller caller, RegistrationId registrationId, boolean grant, String reason, ExpectedVersion expected);

    /**
     * What waits for a decision: SUBMITTED registrations, the strongest conflict finding first (conflict, incumbent,
     * overlap, none), then the oldest submission first; keyset pages ({@code limit} 1–200, default 50).
     */
    Page<RegistrationView> reviewQueue(Caller caller, Integer limit, String cursor);

    /** APPROVED registrations whose extension request waits for a decision, the longest waiting first. */
    List<RegistrationView> extensionRequests(Caller caller, int limit);

    /** Orders placed by another partner for a protected customer, the newest first. */
    List<OrderFlag> flaggedOrders(Caller caller, int limit);
}
