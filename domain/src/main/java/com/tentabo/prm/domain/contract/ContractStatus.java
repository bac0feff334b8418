package com.tentabo.prm.domain.contract;

/** Contract statuses (database enum {@code contractstatus}). */
public enum ContractStatus {
    ACTIVE,
    LOST,
    UPGRADED,
    DOWNGRADED,
    EXPIRED,
    CANCELLED
}
