package com.tentabo.prm.application.identity.port.out;

import java.util.UUID;

/** Whether the companies a user is attached to exist. */
public interface CompanyDirectory {
    boolean partnerExists(UUID partnerId);

    boolean distributorExists(UUID distributorId);
}
