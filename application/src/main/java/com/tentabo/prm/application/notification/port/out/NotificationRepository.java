package com.tentabo.prm.application.notification.port.out;

import com.tentabo.prm.application.notification.EmailStatus;
import com.tentabo.prm.application.notification.NotificationRecord;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.NotificationId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The inbox rows ({@code notifications}). */
public interface NotificationRepository {

    /** List filters of one recipient's inbox; the cursor is the (created_at, id) of the last row of the previous page. */
    record InboxQuery(
            PrincipalKind kind,
            UUID recipientId,
            boolean unreadOnly,
            String eventType,
            Instant cursorAt,
            NotificationId cursorId,
            int limit) {}

    /**
     * Inserts the row unless the recipient already has one with the same dedup key (in the same statement, so that two
     * transactions racing never both insert); true when inserted.
     */
    boolean insertOnce(NotificationRecord row);

    /** Newest first (created_at, then id). */
    List<NotificationRecord> inbox(InboxQuery query);

    long unreadCount(PrincipalKind kind, UUID recipientId);

    Optional<NotificationRecord> find(NotificationId id);

    /** The notifications of these ids that exist, in one statement (the delivery of a batch of mails). */
    List<NotificationRecord> findAll(java.util.Collection<NotificationId> ids);

    /** Marks one row of this recipient read (a row already read keeps its time); false when it has no such row. */
    boolean markRead(PrincipalKind kind, UUID recipientId, NotificationId id, Instant at);

    /** Marks every unread row of this recipient read; how many. */
    int markAllRead(PrincipalKind kind, UUID recipientId, Instant at);

    void setEmailStatus(NotificationId id, EmailStatus status, String error, Instant emailedAt);

    /** The people with reminders waiting for their digest (at most {@code limit}). */
    List<Recipients> digestRecipients(int limit);

    /** This person's rows waiting for its digest (status DIGEST), oldest first, locked until the transaction ends. */
    List<NotificationRecord> digestRows(PrincipalKind kind, UUID recipientId);

    /** A person, as inbox rows name it. */
    record Recipients(PrincipalKind kind, UUID id) {}
}
