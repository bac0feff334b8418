package com.tentabo.prm.application.notification;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.NotificationId;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One inbox row as stored; {@code eventType} is the wire name (rows of a later version may name types unknown here). */
public record NotificationRecord(
        NotificationId id,
        PrincipalKind recipientKind,
        UUID recipientId,
        String eventType,
        String dedupKey,
        String subjectType,
        UUID subjectId,
        Map<String, String> params,
        String link,
        EmailStatus emailStatus,
        Instant createdAt,
        Instant readAt,
        Instant emailedAt) {

    public NotificationRecord {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
