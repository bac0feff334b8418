package com.tentabo.prm.domain.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The events people are told about (docs/notifications.md lists who receives each and through which channel).
 * {@link #wireName()} is the name clients see (in the inbox, in preferences and in webhook payloads).
 * {@link #tenantScoped()} events belong to one partner or distributor: only those may be subscribed to by a partner's or
 * a distributor's webhook. {@link #reminder()} events may be gathered in a daily digest instead of one mail each.
 */
public enum NotificationType {
    USER_PENDING_APPROVAL("user.pending_approval", false, false),
    USER_APPROVED("user.approved", false, false),
    LEAD_ASSIGNED("lead.assigned", true, false),
    ORDER_SENT("order.sent", true, false),
    ORDER_FULFILLED("order.fulfilled", true, false),
    ORDER_CANCELLED("order.cancelled", true, false),
    CONTRACT_ACTIVATED("contract.activated", true, false),
    CONTRACT_EXPIRING("contract.expiring", true, true),
    OUTBOX_EVENT_FAILED("outbox_event.failed", false, false),
    WEBHOOK_EVENT_FAILED("webhook_event.failed", false, false),
    PROVIDER_UNHEALTHY("provider.unhealthy", false, false),
    WEBHOOK_SUBSCRIPTION_DISABLED("webhook_subscription.disabled", false, false),
    REGISTRATION_SUBMITTED("registration.submitted", true, false),
    REGISTRATION_APPROVED("registration.approved", true, false),
    REGISTRATION_REJECTED("registration.rejected", true, false),
    REGISTRATION_RETURNED("registration.returned", true, false),
    /** Staff only: what the conflict check found is never shown to the partner, nor to its webhooks. */
    REGISTRATION_CONFLICT("registration.conflict", false, false),
    REGISTRATION_EXPIRING("registration.expiring", true, true),
    REGISTRATION_EXPIRED("registration.expired", true, false),
    /** A partner's programme level changed: staff assigned one, or the promotion job promoted it. */
    PROGRAMME_LEVEL_CHANGED("programme.level_changed", true, false),
    /** The billing provider's quote of an order came back accepted, denied or expired. */
    QUOTE_STATUS_CHANGED("quote.status_changed", true, false);

    private final String wireName;
    private final boolean tenantScoped;
    private final boolean reminder;

    NotificationType(String wireName, boolean tenantScoped, boolean reminder) {
        this.wireName = wireName;
        this.tenantScoped = tenantScoped;
        this.reminder = reminder;
    }

    public String wireName() {
        return wireName;
    }

    public boolean tenantScoped() {
        return tenantScoped;
    }

    public boolean reminder() {
        return reminder;
    }

    /** The type of a wire name (any case), or empty. */
    public static Optional<NotificationType> ofWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wanted)).findFirst();
    }
}
