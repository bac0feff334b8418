package com.tentabo.prm.adapters.web.backoffice;

import com.tentabo.prm.adapters.web.support.ConsoleRequest;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Capability;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * Which back-office operations entries and buttons the signed-in caller sees; templates read it as
 * {@code {cdi:ops.…}}. The same capabilities as the use cases check: what is shown is what would be accepted.
 */
@RequestScoped
@Named("ops")
public class OpsNav {

    private final ConsoleRequest request;

    public OpsNav(ConsoleRequest request) {
        this.request = request;
    }

    /** ADMIN and RESTRICTED_ADMIN read providers, their activity and the audit trail. */
    public boolean system() {
        return request.signedIn() && AccessPolicy.can(request.caller(), Capability.SYSTEM_READ);
    }

    /** ADMIN changes providers, runs checks and syncs, and requeues events. */
    public boolean systemWrite() {
        return request.signedIn() && AccessPolicy.can(request.caller(), Capability.SYSTEM_WRITE);
    }

    /** ADMIN renews, upgrades, downgrades, cancels and marks contracts lost. */
    public boolean lifecycle() {
        return request.signedIn() && AccessPolicy.can(request.caller(), Capability.CONTRACTS_LIFECYCLE);
    }
}
