package com.tentabo.prm.domain.shared;

/**
 * The stable error codes of the product. A code's name is part of the public API (the {@code code} member
 * of every problem+json answer): never rename one, only add. Codes are grouped by feature; add new codes
 * under the feature's heading.
 */
public enum ErrorCode {
    // --- general
    VALIDATION_FAILED(ErrorKind.BAD_REQUEST),
    MALFORMED_REQUEST(ErrorKind.BAD_REQUEST),
    ROUTE_NOT_FOUND(ErrorKind.NOT_FOUND),
    RESOURCE_NOT_FOUND(ErrorKind.NOT_FOUND),
    METHOD_NOT_ALLOWED(ErrorKind.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(ErrorKind.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE(ErrorKind.UNSUPPORTED_MEDIA_TYPE),
    CONCURRENT_MODIFICATION(ErrorKind.CONFLICT),
    PRECONDITION_FAILED(ErrorKind.PRECONDITION_FAILED),
    DUPLICATE_VALUE(ErrorKind.CONFLICT),
    REFERENCED_RECORD_MISSING(ErrorKind.UNPROCESSABLE),
    BUSINESS_RULE_VIOLATED(ErrorKind.UNPROCESSABLE),
    IDEMPOTENCY_KEY_REUSED(ErrorKind.UNPROCESSABLE),
    SERVICE_UNAVAILABLE(ErrorKind.UNAVAILABLE),
    INTERNAL_ERROR(ErrorKind.INTERNAL),

    // --- identity and access
    UNAUTHENTICATED(ErrorKind.UNAUTHENTICATED),
    INVALID_CREDENTIALS(ErrorKind.UNAUTHENTICATED),
    ACCOUNT_PENDING_APPROVAL(ErrorKind.FORBIDDEN),
    ACCOUNT_DISABLED(ErrorKind.FORBIDDEN),
    FORBIDDEN(ErrorKind.FORBIDDEN),
    TOO_MANY_LOGIN_ATTEMPTS(ErrorKind.TOO_MANY_REQUESTS),
    USER_NOT_FOUND(ErrorKind.NOT_FOUND),
    ADMIN_USER_NOT_FOUND(ErrorKind.NOT_FOUND),
    API_KEY_NOT_FOUND(ErrorKind.NOT_FOUND),
    LAST_ACTIVE_ADMIN(ErrorKind.CONFLICT),
    USERNAME_TAKEN(ErrorKind.CONFLICT),

    // --- catalog and pricing
    PRODUCT_NOT_FOUND(ErrorKind.NOT_FOUND),
    DURATION_NOT_FOUND(ErrorKind.NOT_FOUND),
    INVALID_PRICE_TIERS(ErrorKind.UNPROCESSABLE),
    NO_TIER_FOR_QUANTITY(ErrorKind.UNPROCESSABLE),
    PRODUCT_INACTIVE(ErrorKind.UNPROCESSABLE),
    PRODUCT_IN_USE(ErrorKind.CONFLICT),
    DURATION_IN_USE(ErrorKind.CONFLICT),

    // --- partners, distributors and leads
    PARTNER_NOT_FOUND(ErrorKind.NOT_FOUND),
    DISTRIBUTOR_NOT_FOUND(ErrorKind.NOT_FOUND),
    LEAD_NOT_FOUND(ErrorKind.NOT_FOUND),
    ILLEGAL_LEAD_TRANSITION(ErrorKind.UNPROCESSABLE),
    ASSIGNMENT_NOT_FOUND(ErrorKind.NOT_FOUND),
    ASSIGNMENT_EXISTS(ErrorKind.CONFLICT),
    COMPANY_IN_USE(ErrorKind.CONFLICT),
    LEAD_ACTIVITY_NOT_FOUND(ErrorKind.NOT_FOUND),
    LEAD_NOTE_NOT_FOUND(ErrorKind.NOT_FOUND),
    LEAD_NOT_WON(ErrorKind.UNPROCESSABLE),
    LEAD_IN_USE(ErrorKind.CONFLICT),
    /** No longer produced: orders exist (kept because codes are never removed). */
    ORDERS_NOT_AVAILABLE(ErrorKind.CONFLICT),
    INVALID_CURSOR(ErrorKind.BAD_REQUEST),

    // --- orders and contracts
    ORDER_NOT_FOUND(ErrorKind.NOT_FOUND),
    CONTRACT_NOT_FOUND(ErrorKind.NOT_FOUND),
    ILLEGAL_ORDER_TRANSITION(ErrorKind.UNPROCESSABLE),
    ILLEGAL_CONTRACT_TRANSITION(ErrorKind.UNPROCESSABLE),
    ORDER_NOT_EDITABLE(ErrorKind.CONFLICT),
    ORDER_NOT_FULFILLED(ErrorKind.UNPROCESSABLE),
    CONTRACT_ALREADY_ACTIVATED(ErrorKind.CONFLICT),
    CONTRACT_NOT_RENEWABLE(ErrorKind.UNPROCESSABLE),

    // --- audit log
    AUDIT_LOG_NOT_FOUND(ErrorKind.NOT_FOUND),

    // --- providers
    PROVIDER_NOT_FOUND(ErrorKind.NOT_FOUND),
    SYNC_LOG_NOT_FOUND(ErrorKind.NOT_FOUND),
    WEBHOOK_EVENT_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** A provider config with this type and name exists already. */
    PROVIDER_EXISTS(ErrorKind.CONFLICT),
    /** The provider config has sync logs (or is active) and cannot be deleted; deactivate it instead. */
    PROVIDER_IN_USE(ErrorKind.CONFLICT),
    /** Credentials cannot be stored or read: no PRM_PROVIDER_CREDENTIALS_KEY is configured on the service. */
    CREDENTIALS_KEY_MISSING(ErrorKind.UNAVAILABLE),
    OUTBOX_EVENT_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** Only a FAILED or SKIPPED outbox event can be requeued. */
    OUTBOX_EVENT_NOT_REQUEUEABLE(ErrorKind.CONFLICT),
    /** Only a failed or ignored webhook event can be processed again. */
    WEBHOOK_EVENT_NOT_REQUEUEABLE(ErrorKind.CONFLICT),

    // --- scope rules and request limits
    /** A record names a partner and a distributor that are not linked by an active assignment. */
    ASSIGNMENT_NOT_ACTIVE(ErrorKind.UNPROCESSABLE),
    /** The caller (user, API key or client address) used up its request budget: retry after Retry-After. */
    RATE_LIMITED(ErrorKind.TOO_MANY_REQUESTS),
    /** The request body is larger than the service accepts. */
    PAYLOAD_TOO_LARGE(ErrorKind.PAYLOAD_TOO_LARGE),
    // --- invitations, passwords, login throttling and provider endpoints
    /** The invitation (or reset) link is unknown, already used, replaced by a newer one or expired. */
    INVITATION_INVALID(ErrorKind.NOT_FOUND),
    /** The account's password is not kept here (a directory or OIDC user): change it in its directory. */
    PASSWORD_NOT_LOCAL(ErrorKind.UNPROCESSABLE),
    /** Too many password checks run at once; retry after the Retry-After delay. */
    AUTHENTICATION_BUSY(ErrorKind.UNAVAILABLE),
    /** Changing where a provider's credentials are sent needs the credentials in the same request. */
    CREDENTIALS_REQUIRED(ErrorKind.UNPROCESSABLE),
    /** A provider endpoint without TLS (http://, ldap:// without StartTLS, trust-all certificates) outside development. */
    INSECURE_PROVIDER_ENDPOINT(ErrorKind.UNPROCESSABLE),
    // --- deal registration and the partner programme
    REGISTRATION_NOT_FOUND(ErrorKind.NOT_FOUND),
    ILLEGAL_REGISTRATION_TRANSITION(ErrorKind.UNPROCESSABLE),
    /** The lead has a registration that is neither REJECTED nor EXPIRED. */
    REGISTRATION_EXISTS(ErrorKind.CONFLICT),
    /** The registration's one extension was granted already, or one is pending. */
    REGISTRATION_EXTENSION_UNAVAILABLE(ErrorKind.UNPROCESSABLE),
    PROGRAMME_LEVEL_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** A partner holds (or held) the level: it cannot be deleted. */
    PROGRAMME_LEVEL_IN_USE(ErrorKind.CONFLICT),
    // --- notifications and outbound webhooks
    NOTIFICATION_NOT_FOUND(ErrorKind.NOT_FOUND),
    WEBHOOK_SUBSCRIPTION_NOT_FOUND(ErrorKind.NOT_FOUND),
    /** A webhook target that this service will not call: not HTTPS, or an address of a private or local range. */
    WEBHOOK_TARGET_REFUSED(ErrorKind.UNPROCESSABLE),
    // --- directory search and pre-provisioning
    /** No active AUTH provider has a directory to search (LDAP), or its configuration cannot work. */
    DIRECTORY_NOT_CONFIGURED(ErrorKind.CONFLICT),
    /** The directory holds no entry with this id (any more). */
    DIRECTORY_ENTRY_NOT_FOUND(ErrorKind.NOT_FOUND),
    // --- browsing the billing provider
    /** No billing provider is active (or this version has no adapter for it): there is nothing to browse. */
    BILLING_PROVIDER_NOT_ACTIVE(ErrorKind.UNAVAILABLE),
    /** The billing provider did not answer (refused token, rate limit, outage); the message says what it answered. */
    BILLING_PROVIDER_FAILED(ErrorKind.UNAVAILABLE),
    BILLING_INVOICE_NOT_FOUND(ErrorKind.NOT_FOUND);

    private final ErrorKind kind;

    ErrorCode(ErrorKind kind) {
        this.kind = kind;
    }

    public ErrorKind kind() {
        return kind;
    }
}
