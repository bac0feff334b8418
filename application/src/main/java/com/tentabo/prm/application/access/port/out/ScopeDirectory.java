package com.tentabo.prm.application.access.port.out;

import java.util.Set;
import java.util.UUID;

/** Reads what a caller's scope depends on at request time. */
public interface ScopeDirectory {
    /** Partners assigned to the distributor by an active {@code distributor_partners} row. */
    Set<UUID> activePartnerIdsOf(UUID distributorId);
}
