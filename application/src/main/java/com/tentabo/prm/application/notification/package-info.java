/**
 * Notifications: who is told what, and how. A business change calls {@link
 * com.tentabo.prm.application.notification.service.Notifier} in its own transaction; the notifier writes one inbox row
 * per recipient (deduplicated by the event's key), queues the e-mail and the webhook deliveries in the outbox, and the
 * outbox worker sends them after commit.
 */
package com.tentabo.prm.application.notification;
