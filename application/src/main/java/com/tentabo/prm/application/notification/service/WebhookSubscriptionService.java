package com.tentabo.prm.application.notification.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.notification.WebhookDeliveryRecord;
import com.tentabo.prm.application.notification.WebhookSubscription;
import com.tentabo.prm.application.notification.port.in.ManageWebhookSubscriptionsUseCase;
import com.tentabo.prm.application.notification.port.out.WebhookDeliveryGateway;
import com.tentabo.prm.application.notification.port.out.WebhookSubscriptionRepository;
import com.tentabo.prm.application.shared.Created;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.IdempotencyKey;
import com.tentabo.prm.application.shared.IdempotentCreates;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.WebhookDeliveryId;
import com.tentabo.prm.domain.id.WebhookSubscriptionId;
import com.tentabo.prm.domain.notification.NotificationType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Webhook subscriptions. A partner's (distributor's) subscription is stamped with the caller's company and may name
 * only events that belong to a company; an admin's receives every event it names. The target URL is checked when it
 * is given (scheme, resolved addresses) and again before every call.
 */
@ApplicationScoped
@Transactional
public class WebhookSubscriptionService implements ManageWebhookSubscriptionsUseCase {

    static final String CREATE = "webhook_subscription.create";
    private static final int MAX_EVENTS = NotificationType.values().length;

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryGateway targets;
    private final IdempotentCreates creates;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookSubscriptionService(
            WebhookSubscriptionRepository subscriptions,
            WebhookDeliveryGateway targets,
            IdempotentCreates creates,
            AuditRecorder audit,
            IdGenerator ids,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.creates = creates;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Created<WithSecret> create(Caller caller, CreateSubscription command, IdempotencyKey key) {
        AccessPolicy.require(caller, Capability.WEBHOOK_SUBSCRIPTIONS_MANAGE);
        WebhookSubscriptionId id = new WebhookSubscriptionId(ids.newId());
        return creates.create(
                caller,
                CREATE,
                key,
                id.value(),
                earlier -> new WithSecret(get(caller, new WebhookSubscriptionId(earlier)), null),
                () -> {
                    String url = checkedUrl(command.url());
                    Set<NotificationType> events = checkedEvents(caller, command.events());
                    Instant now = clock.instant();
                    PartnerId partnerId = caller.role() == Role.PARTNER ? caller.partnerId() : null;
                    DistributorId distributorId = caller.role() == Role.DISTRIBUTOR ? caller.distributorId() : null;
                    WebhookSubscription subscription = new WebhookSubscription(
                            id,
                            caller.kind(),
                            caller.principalId(),
                            partnerId,
                            distributorId,
                            url,
                            events,
                            checkedDescription(command.description()),
                            true,
                            null,
                            null,
                            now,
                            now);
                    String secret = newSecret();
                    subscriptions.insert(subscription, secret);
                    audit.record(
                            caller,
                            new AuditChange(
                                    "webhook_subscription.created",
                                    "webhook_subscription",
                                    id.value(),
                                    Changes.created(describe(subscription))),
                            now);
                    return new WithSecret(subscription, secret);
                });
    }

    @Override
    public Page<WebhookSubscription> list(Caller caller, String cursor, Integer limit) {
        AccessPolicy.require(caller, Capability.WEBHOOK_SUBSCRIPTIONS_READ);
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<WebhookSubscription> rows = subscriptions.list(
                scopeOf(caller),
                after == null ? null : after.createdAt(),
                after == null ? null : new WebhookSubscriptionId(after.id()),
                size + 1);
        return Page.ofRows(rows, size, WebhookSubscription::createdAt, s -> s.id().value());
    }

    @Override
    public WebhookSubscription get(Caller caller, WebhookSubscriptionId id) {
        AccessPolicy.require(caller, Capability.WEBHOOK_SUBSCRIPTIONS_READ);
        return visible(caller, subscriptions.find(id).orElse(null), id);
    }

    @Override
    public WebhookSubscription update(
            Caller caller, WebhookSubscriptionId id, UpdateSubscription command, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.WEBHOOK_SUBSCRIPTIONS_MANAGE);
        WebhookSubscription before =
                visible(caller, subscriptions.findForUpdate(id).orElse(null), id);
        expected.requireMatch(before.updatedAt());
        Instant now = clock.instant();
        boolean active = command.active() == null ? before.active() : command.active();
        boolean reEnabled = active && !before.active();
        WebhookSubscription after = new WebhookSubscription(
                id,
                before.ownerKind(),
                before.ownerId(),
                before.partnerId(),
                before.distributorId(),
                command.url() == null ? before.url() : checkedUrl(command.url()),
                command.events() == null ? before.events() : checkedEvents(caller, command.events()),
                command.description() == null ? before.description() : checkedDescription(command.description()),
                active,
                active ? null : (before.active() ? now : before.disabledAt()),
                active ? null : (before.active() ? "disabled by " + caller.username() : before.disabledReason()),
                before.createdAt(),
                now);
        Map<String, Object> changes = Changes.diff(describe(before), describe(after));
        if (changes.isEmpty() && !reEnabled) {
            return before;
        }
        subscriptions.update(after);
        audit.record(
                caller,
                new AuditChange("webhook_subscription.updated", "webhook_subscription", id.value(), changes),
                now);
        return after;
    }

    @Override
    public void delete(Caller caller, WebhookSubscriptionId id) {
        AccessPolicy.require(caller, Capability.WEBHOOK_SUBSCRIPTIONS_MANAGE);
        WebhookSubscription before =
                visible(caller, subscriptions.findForUpdate(id).orElse(null), id);
        subscriptions.delete(id);
        audit.record(
                caller,
                new AuditChange(
                        "webhook_subscription.deleted",
                        "webhook_subscription",
                        id.value(),
                        Changes.deleted(describe(before))),
                clock.instant());
    }

    @Override
    public WithSecret rotateSecret(Caller caller, WebhookSubscriptionId id) {
        AccessPolicy.require(caller, Capability.WEBHOOK_SUBSCRIPTIONS_MANAGE);
        WebhookSubscription subscription =
                visible(caller, subscriptions.findForUpdate(id).orElse(null), id);
        String secret = newSecret();
        Instant now = clock.instant();
        subscriptions.replaceSecret(id, secret, now);
        audit.record(
                caller,
                new AuditChange(
                        "webhook_subscription.secret_rotated",
                        "webhook_subscription",
                        id.value(),
                        Map.of("secret", Map.of("after", "***"))),
                now);
        return new WithSecret(subscriptions.find(id).orElse(subscription), secret);
    }

    @Override
    public Page<WebhookDeliveryRecord> deliveries(
            Caller caller, WebhookSubscriptionId id, String cursor, Integer limit) {
        WebhookSubscription subscription = get(caller, id);
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<WebhookDeliveryRecord> rows = subscriptions.deliveries(
                subscription.id(),
                after == null ? null : after.createdAt(),
                after == null ? null : new WebhookDeliveryId(after.id()),
                size + 1);
        return Page.ofRows(rows, size, WebhookDeliveryRecord::createdAt, d -> d.id().value());
    }

    /** ADMIN: every subscription; a partner's or distributor's user: its company's own. */
    private static TenantScope scopeOf(Caller caller) {
        return switch (caller.role()) {
            case PARTNER -> new TenantScope.OfPartner(caller.partnerId());
            case DISTRIBUTOR -> new TenantScope.OfDistributor(caller.distributorId(), Set.of());
            default -> new TenantScope.Everything();
        };
    }

    private static WebhookSubscription visible(
            Caller caller, WebhookSubscription subscription, WebhookSubscriptionId id) {
        boolean visible = subscription != null
                && switch (caller.role()) {
                    case PARTNER -> caller.partnerId().equals(subscription.partnerId());
                    case DISTRIBUTOR -> caller.distributorId().equals(subscription.distributorId());
                    default -> true;
                };
        if (!visible) {
            throw DomainException.notFound(ErrorCode.WEBHOOK_SUBSCRIPTION_NOT_FOUND, "Webhook subscription", id);
        }
        return subscription;
    }

    private String checkedUrl(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.isEmpty() || text.length() > 2000) {
            throw DomainException.invalid("url", "is required (an http(s) address of at most 2000 characters)");
        }
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw DomainException.invalid("url", "is not a valid address");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")
                || url.getHost() == null
                || url.getUserInfo() != null
                || url.getFragment() != null) {
            throw DomainException.invalid(
                    "url", "must be an http(s) address with a host, without credentials or fragment");
        }
        targets.refusal(url).ifPresent(reason -> {
            throw new DomainException(
                    ErrorCode.WEBHOOK_TARGET_REFUSED,
                    "This webhook target is refused: " + reason,
                    List.of(new FieldViolation("url", reason)));
        });
        return text;
    }

    private static Set<NotificationType> checkedEvents(Caller caller, List<String> names) {
        if (names == null || names.isEmpty() || names.size() > MAX_EVENTS) {
            throw DomainException.invalid("events", "name 1 to " + MAX_EVENTS + " event types");
        }
        Set<NotificationType> events = EnumSet.noneOf(NotificationType.class);
        for (String name : names) {
            NotificationType type = NotificationType.ofWireName(name)
                    .orElseThrow(
                            () -> DomainException.invalid("events", "'" + shorten(name) + "' is not an event type"));
            if (caller.role() != Role.ADMIN && !type.tenantScoped()) {
                throw DomainException.invalid(
                        "events",
                        "'" + type.wireName() + "' is not an event of your company; only ADMIN may subscribe to it");
            }
            events.add(type);
        }
        return events;
    }

    private static String checkedDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.strip().length() > 255) {
            throw DomainException.invalid("description", "has at most 255 characters");
        }
        return description.strip();
    }

    private static String shorten(String text) {
        return text == null ? "null" : text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    /** {@code whsec_} and 32 random bytes, URL-safe Base64. */
    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, Object> describe(WebhookSubscription s) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("url", s.url());
        values.put(
                "events",
                new TreeSet<>(s.events().stream()
                                .map(NotificationType::wireName)
                                .toList())
                        .stream().toList());
        values.put("description", s.description());
        values.put("active", s.active());
        values.put("partner_id", EntityId.uuid(s.partnerId()));
        values.put("distributor_id", EntityId.uuid(s.distributorId()));
        return values;
    }
}
