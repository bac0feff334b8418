package com.tentabo.prm.domain.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rows of the role table in {@code docs/security.md}: what each role may do at all. Whether the record
 * at hand is in the caller's scope is decided separately by {@link AccessPolicy#inScope}.
 */
public enum Capability {
    CATALOG_READ(true, Role.values()),
    CATALOG_WRITE(false, Role.ADMIN, Role.RESTRICTED_ADMIN),
    QUOTE_PRICE(true, Role.values()),
    COMPANIES_READ(true, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.PARTNER, Role.DISTRIBUTOR),
    COMPANIES_WRITE(false, Role.ADMIN, Role.RESTRICTED_ADMIN),
    USERS_READ(true, Role.ADMIN, Role.RESTRICTED_ADMIN),
    USERS_MANAGE(false, Role.ADMIN, Role.RESTRICTED_ADMIN),
    ADMIN_USERS_MANAGE(false, Role.ADMIN),
    LEADS_READ(true, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.PARTNER, Role.DISTRIBUTOR),
    LEADS_WRITE(false, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.PARTNER, Role.DISTRIBUTOR),
    LEADS_DELETE(false, Role.ADMIN),
    LEADS_REASSIGN(false, Role.ADMIN),
    ORDERS_READ(true, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.PARTNER, Role.DISTRIBUTOR, Role.FULFILLER),
    ORDERS_WRITE(false, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.PARTNER),
    ORDERS_FULFIL(false, Role.ADMIN, Role.FULFILLER),
    ORDERS_CANCEL(false, Role.ADMIN, Role.PARTNER),
    CONTRACTS_READ(true, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.PARTNER, Role.DISTRIBUTOR, Role.FULFILLER),
    CONTRACTS_ACTIVATE(false, Role.ADMIN, Role.FULFILLER),
    CONTRACTS_LIFECYCLE(false, Role.ADMIN),
    NOTES_INTERNAL(true, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.FULFILLER),
    SYSTEM_READ(true, Role.ADMIN, Role.RESTRICTED_ADMIN),
    SYSTEM_WRITE(false, Role.ADMIN),
    // --- identity
    /** Partner and distributor users read the users of the companies in their scope (colleagues). */
    COLLEAGUES_READ(true, Role.PARTNER, Role.DISTRIBUTOR),
    ADMIN_USERS_READ(true, Role.ADMIN),
    /** Every role manages its own API keys (creating and revoking need the WRITE scope). */
    OWN_API_KEYS_MANAGE(false, Role.values()),
    OWN_API_KEYS_READ(true, Role.values()),
    // --- notes and tax rates
    /** Notes on an order: whoever writes or fulfils orders (never a DISTRIBUTOR, who only reads them). */
    ORDER_NOTES_WRITE(false, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.PARTNER, Role.FULFILLER),
    /** Notes on a contract: whoever activates or runs contracts (never a RESTRICTED_ADMIN, PARTNER or DISTRIBUTOR). */
    CONTRACT_NOTES_WRITE(false, Role.ADMIN, Role.FULFILLER),
    /** Pinning a note: staff only (the roles that also read internal notes). */
    NOTES_PIN(false, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.FULFILLER),
    /** Choosing an order's VAT rate: staff who place orders; everyone else gets the configured rate. */
    ORDERS_TAX_RATE(false, Role.ADMIN, Role.RESTRICTED_ADMIN),
    // --- passwords: nobody sets another person's password
    /** Every role changes its own password (admin accounts and database users; needs the WRITE scope). */
    OWN_PASSWORD_CHANGE(false, Role.values()),
    /** Issuing a new invitation (password reset) for a database user or an admin account. */
    PASSWORDS_RESET(false, Role.ADMIN),
    // --- deal registration and the partner programme
    REGISTRATIONS_READ(true, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.PARTNER, Role.DISTRIBUTOR),
    /** Partner and distributor users register their leads, answer returned registrations and ask for extensions. */
    REGISTRATIONS_SUBMIT(false, Role.PARTNER, Role.DISTRIBUTOR),
    /** Staff approve, reject, return and decide extensions; they see conflicts side by side. */
    REGISTRATIONS_DECIDE(false, Role.ADMIN, Role.RESTRICTED_ADMIN),
    PROGRAMME_READ(true, Role.ADMIN, Role.RESTRICTED_ADMIN, Role.PARTNER, Role.DISTRIBUTOR),
    PROGRAMME_MANAGE(false, Role.ADMIN, Role.RESTRICTED_ADMIN),
    // --- notifications and outbound webhooks
    /** Every role reads its own inbox; marking read and setting one's preferences need the WRITE scope. */
    OWN_NOTIFICATIONS_READ(true, Role.values()),
    OWN_NOTIFICATIONS_MANAGE(false, Role.values()),
    /** Admins subscribe to every event; partner and distributor users to their own company's events. */
    WEBHOOK_SUBSCRIPTIONS_READ(true, Role.ADMIN, Role.PARTNER, Role.DISTRIBUTOR),
    WEBHOOK_SUBSCRIPTIONS_MANAGE(false, Role.ADMIN, Role.PARTNER, Role.DISTRIBUTOR);

    private final boolean readOnly;
    private final Set<Role> roles;

    Capability(boolean readOnly, Role... roles) {
        this.readOnly = readOnly;
        this.roles = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
    }

    /** True when exercising the capability changes nothing (an API key with only the READ scope may use it). */
    public boolean readOnly() {
        return readOnly;
    }

    public boolean grantedTo(Role role) {
        return roles.contains(role);
    }
}
