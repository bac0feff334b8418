package com.tentabo.prm.application.notification.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.Changes;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.notification.NotificationSettings;
import com.tentabo.prm.application.notification.Recipient;
import com.tentabo.prm.application.notification.port.in.NotificationInboxUseCase;
import com.tentabo.prm.application.notification.port.out.NotificationRecipientDirectory;
import com.tentabo.prm.application.notification.port.out.NotificationRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.notification.MailLocale;
import com.tentabo.prm.domain.notification.NotificationType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Everyone reads and marks its own inbox (never anybody else's: another person's row is "not found"). */
@ApplicationScoped
@Transactional
public class NotificationInboxService implements NotificationInboxUseCase {

    private final NotificationRepository notifications;
    private final NotificationRecipientDirectory people;
    private final NotificationSettings settings;
    private final AuditRecorder audit;
    private final Clock clock;

    public NotificationInboxService(
            NotificationRepository notifications,
            NotificationRecipientDirectory people,
            NotificationSettings settings,
            AuditRecorder audit,
            Clock clock) {
        this.notifications = notifications;
        this.people = people;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Page<NotificationRecord> inbox(Caller caller, InboxFilter filter) {
        AccessPolicy.require(caller, Capability.OWN_NOTIFICATIONS_READ);
        int limit = Cursor.limit(filter.limit());
        Cursor after = Cursor.decode(filter.cursor());
        String type = null;
        if (filter.type() != null && !filter.type().isBlank()) {
            type = NotificationType.ofWireName(filter.type())
                    .map(NotificationType::wireName)
                    .orElseThrow(() -> DomainException.invalid("type", "is not a notification type"));
        }
        var rows = notifications.inbox(new NotificationRepository.InboxQuery(
                caller.kind(),
                caller.principalId(),
                Boolean.TRUE.equals(filter.unread()),
                type,
                after == null ? null : after.createdAt(),
                after == null ? null : new NotificationId(after.id()),
                limit + 1));
        return Page.ofRows(rows, limit, NotificationRecord::createdAt, r -> r.id().value());
    }

    @Override
    public long unreadCount(Caller caller) {
        AccessPolicy.require(caller, Capability.OWN_NOTIFICATIONS_READ);
        return notifications.unreadCount(caller.kind(), caller.principalId());
    }

    @Override
    public NotificationRecord markRead(Caller caller, NotificationId notificationId) {
        AccessPolicy.require(caller, Capability.OWN_NOTIFICATIONS_MANAGE);
        if (!notifications.markRead(caller.kind(), caller.principalId(), notificationId, clock.instant())) {
            throw DomainException.notFound(ErrorCode.NOTIFICATION_NOT_FOUND, "Notification", notificationId);
        }
        return notifications.find(notificationId).orElseThrow();
    }

    @Override
    public int markAllRead(Caller caller) {
        AccessPolicy.require(caller, Capability.OWN_NOTIFICATIONS_MANAGE);
        return notifications.markAllRead(caller.kind(), caller.principalId(), clock.instant());
    }

    @Override
    public Preferences preferences(Caller caller) {
        AccessPolicy.require(caller, Capability.OWN_NOTIFICATIONS_READ);
        return shown(self(caller));
    }

    @Override
    public Preferences updatePreferences(
            Caller caller, MailLocale locale, Set<NotificationType> emailMuted, boolean dailyDigest) {
        AccessPolicy.require(caller, Capability.OWN_NOTIFICATIONS_MANAGE);
        Recipient before = self(caller);
        Instant now = clock.instant();
        Set<NotificationType> muted = emailMuted == null ? Set.of() : emailMuted;
        people.savePreferences(caller.kind(), caller.principalId(), locale, muted, dailyDigest, now);
        Recipient after = new Recipient(
                before.kind(),
                before.id(),
                before.email(),
                before.name(),
                before.enabled(),
                locale,
                muted,
                dailyDigest);
        Map<String, Object> changes = Changes.diff(describe(before), describe(after));
        if (!changes.isEmpty()) {
            audit.record(
                    caller,
                    new AuditChange(
                            "notification_preferences.updated",
                            "notification_preferences",
                            caller.principalId(),
                            changes),
                    now);
        }
        return shown(after);
    }

    private Recipient self(Caller caller) {
        return people.find(caller.kind(), caller.principalId())
                .orElseThrow(() -> new IllegalStateException("the caller " + caller.principalId() + " has no row"));
    }

    private Preferences shown(Recipient recipient) {
        return new Preferences(
                recipient.locale(), settings.localeOf(recipient), recipient.emailMuted(), recipient.dailyDigest());
    }

    private static Map<String, Object> describe(Recipient recipient) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(
                "locale", recipient.locale() == null ? null : recipient.locale().tag());
        values.put(
                "email_muted",
                new TreeSet<>(recipient.emailMuted().stream()
                                .map(NotificationType::wireName)
                                .toList())
                        .stream().toList());
        values.put("daily_digest", recipient.dailyDigest());
        return values;
    }
}
