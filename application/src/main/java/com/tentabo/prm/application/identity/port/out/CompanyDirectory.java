package com.tentabo.prm.application.identity.port.out;

import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;

/** Whether the companies a user is attached to exist. */
public interface CompanyDirectory {
    boolean partnerExists(PartnerId partnerId);

    boolean distributorExists(DistributorId distributorId);
}
