package com.tentabo.prm.application.notification;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.contract.Contract;
import com.tentabo.prm.domain.id.LevelAssignmentId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.notification.NotificationType;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.registration.ConflictKind;
import com.tentabo.prm.domain.registration.Registration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events of the business, as the services that change things raise them: who hears of each, what it shows and
 * which console page it links to (docs/notifications.md is the table of these).
 */
public final class NotificationEvents {

    private NotificationEvents() {}

    /** A person's first sign-in through a directory created its account, disabled: staff must approve it. */
    public static NotificationEvent userPendingApproval(UserAccount user) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user_id", user.id().toString());
        params.put("username", String.valueOf(user.username()));
        params.put("email", user.email());
        params.put("provider", user.provider());
        return new NotificationEvent(
                NotificationType.USER_PENDING_APPROVAL,
                "user.pending_approval:" + user.id(),
                "user",
                user.id().value(),
                null,
                params,
                "/ui/users/" + user.id(),
                List.of(Audience.STAFF));
    }

    /** An account enabled for the first time: its person may sign in. */
    public static NotificationEvent userApproved(UserAccount user) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("user_id", user.id().toString());
        params.put("username", String.valueOf(user.username()));
        params.put("role", user.role().name().toLowerCase(java.util.Locale.ROOT));
        return new NotificationEvent(
                NotificationType.USER_APPROVED,
                "user.approved:" + user.id(),
                "user",
                user.id().value(),
                user.company(),
                params,
                "/ui/",
                List.of(Audience.user(user.id())));
    }

    /** A lead given to somebody other than the person who gave it. */
    public static NotificationEvent leadAssigned(Lead lead, Instant at) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("lead_id", lead.id().toString());
        params.put("lead_title", lead.details().title());
        params.put("organization", String.valueOf(lead.details().organization()));
        params.put("owner_id", lead.ownerId().toString());
        return new NotificationEvent(
                NotificationType.LEAD_ASSIGNED,
                "lead.assigned:" + lead.id() + ":" + lead.ownerId() + ":" + at,
                "lead",
                lead.id().value(),
                lead.tenant(),
                params,
                "/ui/leads/" + lead.id(),
                List.of(Audience.user(lead.ownerId())));
    }

    /** An order moved to SENT (fulfillers), FULFILLED or CANCELLED (the partner's users); other moves tell nobody. */
    public static java.util.Optional<NotificationEvent> orderMoved(Order order) {
        NotificationType type = switch (order.status()) {
            case SENT -> NotificationType.ORDER_SENT;
            case FULFILLED -> NotificationType.ORDER_FULFILLED;
            case CANCELLED -> NotificationType.ORDER_CANCELLED;
            default -> null;
        };
        if (type == null) {
            return java.util.Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order_id", order.id().toString());
        params.put("order_number", order.number());
        params.put("total", order.totals().totalAmount().amount().toPlainString());
        params.put("currency", order.currency().getCurrencyCode());
        List<Audience> audiences =
                type == NotificationType.ORDER_SENT ? List.of(Audience.FULFILLERS) : company(order.tenant(), false);
        return java.util.Optional.of(new NotificationEvent(
                type,
                type.wireName() + ":" + order.id(),
                "order",
                order.id().value(),
                order.tenant(),
                params,
                "/ui/orders/" + order.id(),
                audiences));
    }

    /** The quote statuses a partner is told about: the customer's answer, or its end without one. */
    public static final java.util.Set<String> TOLD_QUOTE_STATUSES = java.util.Set.of("accepted", "denied", "expired");

    /**
     * The billing provider's quote of an order came back in {@code status} (accepted, denied or expired; any other
     * status tells nobody): the order's partner's users (its distributor's when it has no partner). Once per order
     * and status.
     */
    public static java.util.Optional<NotificationEvent> quoteStatusChanged(
            Order order, String provider, String quoteId, String status) {
        if (status == null || !TOLD_QUOTE_STATUSES.contains(status)) {
            return java.util.Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("order_id", order.id().toString());
        params.put("order_number", order.number());
        params.put("provider", provider);
        params.put("quote_id", quoteId);
        params.put("status", status);
        return java.util.Optional.of(new NotificationEvent(
                NotificationType.QUOTE_STATUS_CHANGED,
                "quote.status_changed:" + order.id() + ":" + status,
                "order",
                order.id().value(),
                order.tenant(),
                params,
                "/ui/orders/" + order.id(),
                company(order.tenant(), false)));
    }

    /** A contract activated from its fulfilled order: the partner's users and its distributor's. */
    public static NotificationEvent contractActivated(Contract contract) {
        return new NotificationEvent(
                NotificationType.CONTRACT_ACTIVATED,
                "contract.activated:" + contract.id(),
                "contract",
                contract.id().value(),
                contract.tenant(),
                contractParams(contract),
                "/ui/contracts/" + contract.id(),
                company(contract.tenant(), true));
    }

    /**
     * An ACTIVE contract {@code daysLeft} days before its end, within the reminder of {@code threshold} days (90, 60,
     * 30): its companies and staff.
     */
    public static NotificationEvent contractExpiring(Contract contract, int threshold, long daysLeft) {
        Map<String, String> params = contractParams(contract);
        params.put("days_left", Long.toString(daysLeft));
        params.put("reminder_days", Integer.toString(threshold));
        List<Audience> audiences = new ArrayList<>(company(contract.tenant(), true));
        audiences.add(Audience.STAFF);
        return new NotificationEvent(
                NotificationType.CONTRACT_EXPIRING,
                "contract.expiring:" + contract.id() + ":" + threshold + ":" + contract.expirationDate(),
                "contract",
                contract.id().value(),
                contract.tenant(),
                params,
                "/ui/contracts/" + contract.id(),
                audiences);
    }

    /** A received provider webhook whose processing was given up. */
    public static NotificationEvent webhookEventFailed(
            UUID eventId, String providerName, String eventType, String error) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("webhook_event_id", eventId.toString());
        params.put("provider_name", providerName);
        params.put("event_type", String.valueOf(eventType));
        params.put("error", shorten(error));
        return new NotificationEvent(
                NotificationType.WEBHOOK_EVENT_FAILED,
                "webhook_event.failed:" + eventId,
                "webhook_event",
                eventId,
                null,
                params,
                "/ui/webhook-events/" + eventId,
                List.of(Audience.ADMINS));
    }

    /** A provider's health check found it offline or degraded (once per check that changed its health). */
    public static NotificationEvent providerUnhealthy(
            UUID providerId, String providerName, String providerType, String status, String error, Instant checkedAt) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("provider_id", providerId.toString());
        params.put("provider_name", providerName);
        params.put("provider_type", providerType);
        params.put("status", status);
        params.put("error", shorten(error));
        return new NotificationEvent(
                NotificationType.PROVIDER_UNHEALTHY,
                "provider.unhealthy:" + providerId + ":" + checkedAt,
                "provider",
                providerId,
                null,
                params,
                "/ui/providers/" + providerId,
                List.of(Audience.ADMINS));
    }

    /**
     * A registration's step, as {@code RegistrationService} records it ({@code submit}, {@code resubmit},
     * {@code approve}, {@code reject}, {@code return}; other steps tell nobody): a submission tells staff (and staff
     * again, as {@code registration.conflict}, when another partner's protection or contract stands in the way); a
     * decision tells the partner's side — its users, the registration's distributor's and those of the distributors
     * the partner is actively assigned to, who all read the registration. {@code reason} is the decision's, which the
     * partner reads anyway; the conflict finding is only in the staff event.
     */
    public static List<NotificationEvent> registrationMoved(
            Registration registration, String action, String reason, Instant at) {
        Map<String, String> params = registrationParams(registration);
        String id = registration.id().toString();
        List<NotificationEvent> events = new ArrayList<>();
        switch (action) {
            case "submit", "resubmit" -> {
                params.put("resubmitted", Boolean.toString("resubmit".equals(action)));
                events.add(registrationEvent(
                        NotificationType.REGISTRATION_SUBMITTED,
                        id + ":" + at,
                        registration,
                        params,
                        List.of(Audience.STAFF)));
                if (registration.conflict() == ConflictKind.CONFLICT
                        || registration.conflict() == ConflictKind.INCUMBENT) {
                    Map<String, String> staffOnly = new LinkedHashMap<>(params);
                    staffOnly.put("conflict", registration.conflict().name().toLowerCase(java.util.Locale.ROOT));
                    events.add(registrationEvent(
                            NotificationType.REGISTRATION_CONFLICT,
                            id + ":" + at,
                            registration,
                            staffOnly,
                            List.of(Audience.STAFF)));
                }
            }
            case "approve", "reject", "return" -> {
                params.put("reason", shorten(reason));
                NotificationType type = switch (action) {
                    case "approve" -> NotificationType.REGISTRATION_APPROVED;
                    case "reject" -> NotificationType.REGISTRATION_REJECTED;
                    default -> NotificationType.REGISTRATION_RETURNED;
                };
                events.add(registrationEvent(
                        type, id + ":" + at, registration, params, company(registration.tenant(), true)));
            }
            default -> {}
        }
        return events;
    }

    /**
     * An APPROVED registration {@code daysLeft} days before its protection ends, within the reminder of
     * {@code threshold} days (14, 3): the partner's side, digest-able.
     */
    public static NotificationEvent registrationExpiring(Registration registration, int threshold, long daysLeft) {
        Map<String, String> params = registrationParams(registration);
        params.put("days_left", Long.toString(daysLeft));
        params.put("reminder_days", Integer.toString(threshold));
        return registrationEvent(
                NotificationType.REGISTRATION_EXPIRING,
                registration.id() + ":" + threshold + ":" + params.get("protection_ends_at"),
                registration,
                params,
                company(registration.tenant(), true));
    }

    /** A registration whose protection ended (the expiry job): the partner's side. */
    public static NotificationEvent registrationExpired(Registration registration) {
        return registrationEvent(
                NotificationType.REGISTRATION_EXPIRED,
                registration.id().toString(),
                registration,
                registrationParams(registration),
                company(registration.tenant(), true));
    }

    /**
     * A partner's programme level changed (a staff assignment, or the promotion job): the partner's users, who price
     * with it. {@code from} is null when the partner had no level. The key names the assignment (its id), so a retried
     * job or request tells nobody twice.
     */
    public static NotificationEvent levelChanged(
            LevelAssignmentId assignmentId,
            PartnerId partnerId,
            String level,
            String from,
            String reason,
            Instant at,
            boolean automatic) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("partner_id", partnerId.toString());
        params.put("level", level);
        params.put("previous_level", from == null ? "" : from);
        params.put("automatic", Boolean.toString(automatic));
        params.put("reason", shorten(reason));
        params.put("valid_from", at.toString());
        NotificationType type = NotificationType.PROGRAMME_LEVEL_CHANGED;
        return new NotificationEvent(
                type,
                type.wireName() + ":" + assignmentId,
                "partner",
                partnerId.value(),
                TenantRef.of(partnerId, null),
                params,
                "/ui/programme",
                List.of(Audience.partnerUsers(partnerId)));
    }

    private static NotificationEvent registrationEvent(
            NotificationType type,
            String key,
            Registration registration,
            Map<String, String> params,
            List<Audience> audiences) {
        return new NotificationEvent(
                type,
                type.wireName() + ":" + key,
                "registration",
                registration.id().value(),
                registration.tenant(),
                params,
                "/ui/registrations/" + registration.id(),
                audiences);
    }

    private static Map<String, String> registrationParams(Registration registration) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("registration_id", registration.id().toString());
        params.put("lead_id", registration.leadId().toString());
        params.put("organization", String.valueOf(registration.customer().organization()));
        params.put(
                "protection_ends_at",
                registration.protectionEndsAt() == null
                        ? ""
                        : registration
                                .protectionEndsAt()
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString());
        return params;
    }

    private static Map<String, String> contractParams(Contract contract) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("contract_id", contract.id().toString());
        params.put("contract_number", contract.number());
        params.put("order_id", contract.orderId().toString());
        params.put(
                "expiration_date",
                contract.expirationDate() == null
                        ? ""
                        : contract.expirationDate()
                                .atOffset(ZoneOffset.UTC)
                                .toLocalDate()
                                .toString());
        return params;
    }

    /** The partner's users (or, with no partner, the distributor's), and with {@code withDistributor} its distributors'. */
    private static List<Audience> company(TenantRef tenant, boolean withDistributor) {
        List<Audience> audiences = new ArrayList<>();
        if (tenant.partnerId() != null) {
            PartnerId partner = tenant.partnerId();
            audiences.add(Audience.partnerUsers(partner));
            if (withDistributor) {
                audiences.add(Audience.distributorsOfPartner(partner));
            }
        }
        if (tenant.distributorId() != null && (withDistributor || tenant.partnerId() == null)) {
            audiences.add(Audience.distributorUsers(tenant.distributorId()));
        }
        return audiences;
    }

    private static String shorten(String text) {
        String value = text == null ? "" : text;
        return value.length() > 300 ? value.substring(0, 300) + "…" : value;
    }
}
