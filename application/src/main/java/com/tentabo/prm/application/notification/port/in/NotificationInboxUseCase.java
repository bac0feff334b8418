package com.tentabo.prm.application.notification.port.in;

import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.NotificationId;
import com.tentabo.prm.domain.notification.MailLocale;
import com.tentabo.prm.domain.notification.NotificationType;
import java.util.Set;

/** The caller's own inbox and notification preferences. */
public interface NotificationInboxUseCase {

    /** Filters of the inbox list: {@code unread} true for unread rows only; {@code type} a wire name. */
    record InboxFilter(Boolean unread, String type, String cursor, Integer limit) {}

    Page<NotificationRecord> inbox(Caller caller, InboxFilter filter);

    long unreadCount(Caller caller);

    NotificationRecord markRead(Caller caller, NotificationId notificationId);

    int markAllRead(Caller caller);

    /** What a person chose; {@code locale} null means the configured default ({@code effectiveLocale}). */
    record Preferences(
            MailLocale locale, MailLocale effectiveLocale, Set<NotificationType> emailMuted, boolean dailyDigest) {}

    Preferences preferences(Caller caller);

    /** Replaces the caller's preferences; audited. */
    Preferences updatePreferences(
            Caller caller, MailLocale locale, Set<NotificationType> emailMuted, boolean dailyDigest);
}
