package com.tentabo.prm.domain.access;

/** The roles of {@code users} rows (database enum {@code userrole}). Roles live in the database, never in a provider. */
public enum Role {
    ADMIN,
    RESTRICTED_ADMIN,
    PARTNER,
    DISTRIBUTOR,
    FULFILLER
}
