package com.tentabo.prm.application.notification;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import com.tentabo.prm.domain.notification.NotificationType;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An integrator's URL subscribed to event types. A subscription with a partner (or distributor) receives that
 * company's events only; one without (an admin's) receives every event it names.
 */
public record WebhookSubscription(
        WebhookSubscriptionId id,
        PrincipalKind ownerKind,
        UUID ownerId,
        PartnerId partnerId,
        DistributorId distributorId,
        String url,
        Set<NotificationType> events,
        String description,
        boolean active,
        Instant disabledAt,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt) {

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerKind, "ownerKind");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(url, "url");
        events = Set.copyOf(events);
    }

    public TenantRef tenant() {
        return TenantRef.of(partnerId, distributorId);
    }

    /** Whether an event of this type and tenant reaches this subscription (active or not). */
    public boolean receives(NotificationType type, TenantRef eventTenant) {
        if (!events.contains(type)) {
            return false;
        }
        if (partnerId != null) {
            return type.tenantScoped() && partnerId.equals(eventTenant.partnerId());
        }
        if (distributorId != null) {
            return type.tenantScoped() && distributorId.equals(eventTenant.distributorId());
        }
        return true;
    }

    /**
     * This subscription disabled at {@code now} for {@code reason} (its deliveries gave up), or itself when it is
     * disabled already.
     */
    public WebhookSubscription disabled(String reason, Instant now) {
        if (!active) {
            return this;
        }
        return new WebhookSubscription(
                id,
                ownerKind,
                ownerId,
                partnerId,
                distributorId,
                url,
                events,
                description,
                false,
                now,
                reason,
                createdAt,
                now);
    }

    /** The person told when this subscription is disabled: its owner, an admin account or a company's user. */
    public Audience owner() {
        return ownerKind == PrincipalKind.ADMIN_USER
                ? Audience.adminAccount(new AdminUserId(ownerId))
                : Audience.user(new UserId(ownerId));
    }
}
