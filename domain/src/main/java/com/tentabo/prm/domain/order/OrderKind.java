package com.tentabo.prm.domain.order;

/**
 * Why an order exists: a new subscription, or the replacement of an existing contract. Activating a
 * replacement order links the new contract to the old one ({@code renewed_from_id}) and moves the old one on.
 */
public enum OrderKind {
    NEW,
    RENEWAL,
    UPGRADE,
    DOWNGRADE;

    public boolean replacesContract() {
        return this != NEW;
    }
}
