package com.tentabo.prm.application.notification;

import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.notification.NotificationType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something happened that people must hear of.
 *
 * @param key         what makes the event unique ({@code order.fulfilled:<order id>}): one notification per key and
 *                    recipient, ever, and one webhook delivery per key and subscription
 * @param subjectType the kind of record it is about ({@code order}, {@code contract} …)
 * @param subjectId   that record's id
 * @param tenant      the partner and distributor it belongs to (which tenant's webhooks receive it), or none
 * @param params      what the message shows (numbers, names, dates), as text; never a secret
 * @param link        the console page of the record, a path under {@code /ui/}
 * @param audiences   who is told
 */
public record NotificationEvent(
        NotificationType type,
        String key,
        String subjectType,
        UUID subjectId,
        TenantRef tenant,
        Map<String, String> params,
        String link,
        List<Audience> audiences) {

    public NotificationEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(link, "link");
        if (!link.startsWith("/ui/")) {
            throw new IllegalArgumentException("a notification links to a console page under /ui/, was " + link);
        }
        if (key.length() > 255) {
            throw new IllegalArgumentException("an event key has at most 255 characters");
        }
        tenant = tenant == null ? TenantRef.of(null, null) : tenant;
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        audiences = List.copyOf(audiences);
    }

    /** The id webhook payloads carry: the same for every subscription, derived from the key. */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(("tentabo-event:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
