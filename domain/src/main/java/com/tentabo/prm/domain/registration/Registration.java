package com.tentabo.prm.domain.registration;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.RegistrationId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A deal registration: a partner's claim on one of its leads' end customer, decided by staff.
 *
 * <p>Invariants: every move follows {@link RegistrationStatus}'s table (an illegal one is a 422
 * {@code ILLEGAL_REGISTRATION_TRANSITION} naming from and to); every staff decision carries a reason; an APPROVED
 * registration has a protection end; the protection is extended at most once, to a later end, by staff, after the
 * partner asked; the tenant is the lead's and never changes.
 */
public record Registration(
        RegistrationId id,
        LeadId leadId,
        TenantRef tenant,
        UserId submittedBy,
        RegistrationStatus status,
        CustomerIdentity customer,
        String expectedProducts,
        BigDecimal expectedValue,
        String currency,
        ConflictKind conflict,
        Instant protectionEndsAt,
        Instant extensionRequestedUntil,
        String extensionRequestReason,
        boolean extended,
        String decisionReason,
        Instant decidedAt,
        Instant submittedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final int MAX_REASON = 2000;

    public Registration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(customer, "customer");
        conflict = conflict == null ? ConflictKind.NONE : conflict;
    }

    /** A new registration, SUBMITTED now, with what the conflict check found. */
    public static Registration submit(
            RegistrationId id,
            LeadId leadId,
            TenantRef tenant,
            UserId submittedBy,
            CustomerIdentity customer,
            String expectedProducts,
            BigDecimal expectedValue,
            String currency,
            ConflictKind conflict,
            Instant now) {
        if (expectedProducts != null && expectedProducts.length() > MAX_REASON) {
            throw DomainException.invalid("expected_products", "must be at most " + MAX_REASON + " characters");
        }
        if (expectedValue != null
                && (expectedValue.signum() < 0
                        || expectedValue.scale() > 2
                        || expectedValue.precision() - expectedValue.scale() > 10)) {
            throw DomainException.invalid(
                    "expected_value", "must be an amount from 0 to 9999999999.99 with at most 2 decimals");
        }
        return new Registration(
                id,
                leadId,
                tenant,
                submittedBy,
                RegistrationStatus.SUBMITTED,
                customer,
                expectedProducts,
                expectedValue,
                currency,
                conflict,
                null,
                null,
                null,
                false,
                null,
                null,
                now,
                now,
                now,
                0);
    }

    /** Staff approve: the customer is protected for {@code protectionDays} from now. */
    public Registration approve(String reason, int protectionDays, Instant now) {
        move(RegistrationStatus.APPROVED);
        if (status == RegistrationStatus.APPROVED) {
            throw illegal(RegistrationStatus.APPROVED);
        }
        return decided(RegistrationStatus.APPROVED, reason, now, now.plus(Duration.ofDays(protectionDays)));
    }

    public Registration reject(String reason, Instant now) {
        move(RegistrationStatus.REJECTED);
        return decided(RegistrationStatus.REJECTED, reason, now, null);
    }

    /** Staff send it back to the partner with a question. */
    public Registration returnToPartner(String reason, Instant now) {
        move(RegistrationStatus.RETURNED);
        return decided(RegistrationStatus.RETURNED, reason, now, null);
    }

    /** The partner answers a returned registration: submitted again, with the customer as now given and a fresh check. */
    public Registration resubmit(
            CustomerIdentity newCustomer, String products, BigDecimal value, ConflictKind found, Instant now) {
        move(RegistrationStatus.SUBMITTED);
        Registration fresh =
                submit(id, leadId, tenant, submittedBy, newCustomer, products, value, currency, found, now);
        return new Registration(
                id,
                leadId,
                tenant,
                submittedBy,
                RegistrationStatus.SUBMITTED,
                fresh.customer,
                fresh.expectedProducts,
                fresh.expectedValue,
                currency,
                found,
                null,
                null,
                null,
                false,
                decisionReason,
                decidedAt,
                now,
                createdAt,
                now,
                version + 1);
    }

    /** The partner asks for its one extension, to a protection end later than the current one. */
    public Registration requestExtension(Instant until, String reason, Instant now) {
        requireApprovedForExtension();
        if (extensionRequestedUntil != null) {
            throw new DomainException(
                    ErrorCode.REGISTRATION_EXTENSION_UNAVAILABLE, "An extension is already requested");
        }
        if (until == null || !until.isAfter(protectionEndsAt)) {
            throw DomainException.invalid(
                    "protection_ends_at", "must be later than the current protection end " + protectionEndsAt);
        }
        return new Registration(
                id,
                leadId,
                tenant,
                submittedBy,
                status,
                customer,
                expectedProducts,
                expectedValue,
                currency,
                conflict,
                protectionEndsAt,
                until,
                requireReason(reason),
                false,
                decisionReason,
                decidedAt,
                submittedAt,
                createdAt,
                now,
                version + 1);
    }

    /** Staff grant the pending extension ({@code APPROVED → APPROVED} with the new end) or refuse it. */
    public Registration decideExtension(boolean grant, String reason, Instant now) {
        requireApprovedForExtension();
        if (extensionRequestedUntil == null) {
            throw new DomainException(ErrorCode.REGISTRATION_EXTENSION_UNAVAILABLE, "No extension is requested");
        }
        String why = requireReason(reason);
        if (grant) {
            move(RegistrationStatus.APPROVED);
        }
        return new Registration(
                id,
                leadId,
                tenant,
                submittedBy,
                status,
                customer,
                expectedProducts,
                expectedValue,
                currency,
                conflict,
                grant ? extensionRequestedUntil : protectionEndsAt,
                null,
                null,
                grant,
                why,
                now,
                submittedAt,
                createdAt,
                now,
                version + 1);
    }

    /** The protection window passed without the lead becoming an order. */
    public Registration expire(Instant now) {
        move(RegistrationStatus.EXPIRED);
        return withStatus(RegistrationStatus.EXPIRED, now);
    }

    /** The lead became an order while protected. */
    public Registration convert(Instant now) {
        move(RegistrationStatus.CONVERTED);
        return withStatus(RegistrationStatus.CONVERTED, now);
    }

    /** APPROVED and its window not over at {@code at}: the bonus applies and other partners' orders are flagged. */
    public boolean protects(Instant at) {
        return status == RegistrationStatus.APPROVED && protectionEndsAt != null && protectionEndsAt.isAfter(at);
    }

    /** Checks a staff decision's reason: required, at most 2000 characters. */
    public static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalid("reason", "is required");
        }
        if (reason.length() > MAX_REASON) {
            throw DomainException.invalid("reason", "must be at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    private void requireApprovedForExtension() {
        if (status != RegistrationStatus.APPROVED) {
            throw illegal(RegistrationStatus.APPROVED);
        }
        if (extended) {
            throw new DomainException(
                    ErrorCode.REGISTRATION_EXTENSION_UNAVAILABLE,
                    "The registration's one extension was granted already");
        }
    }

    private Registration decided(RegistrationStatus to, String reason, Instant now, Instant protectionEnd) {
        return new Registration(
                id,
                leadId,
                tenant,
                submittedBy,
                to,
                customer,
                expectedProducts,
                expectedValue,
                currency,
                conflict,
                protectionEnd,
                null,
                null,
                false,
                requireReason(reason),
                now,
                submittedAt,
                createdAt,
                now,
                version + 1);
    }

    private Registration withStatus(RegistrationStatus to, Instant now) {
        return new Registration(
                id,
                leadId,
                tenant,
                submittedBy,
                to,
                customer,
                expectedProducts,
                expectedValue,
                currency,
                conflict,
                protectionEndsAt,
                null,
                null,
                extended,
                decisionReason,
                decidedAt,
                submittedAt,
                createdAt,
                now,
                version + 1);
    }

    private void move(RegistrationStatus to) {
        if (!status.canMoveTo(to)) {
            throw illegal(to);
        }
    }

    private DomainException illegal(RegistrationStatus to) {
        return new DomainException(
                ErrorCode.ILLEGAL_REGISTRATION_TRANSITION,
                "A registration cannot move from " + status.name().toLowerCase(java.util.Locale.ROOT) + " to "
                        + to.name().toLowerCase(java.util.Locale.ROOT));
    }
}
