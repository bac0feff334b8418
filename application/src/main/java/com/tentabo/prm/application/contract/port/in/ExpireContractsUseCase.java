package com.tentabo.prm.application.contract.port.in;

/** The daily job: every ACTIVE contract whose term is over becomes EXPIRED (audited). */
public interface ExpireContractsUseCase {
    /** @return how many contracts expired */
    int expireDue();
}
