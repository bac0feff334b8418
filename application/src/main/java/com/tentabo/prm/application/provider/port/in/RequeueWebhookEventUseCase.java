package com.tentabo.prm.application.provider.port.in;

import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.WebhookEventId;

/**
 * Processes a received webhook again (ADMIN): a {@code failed} one once its cause is fixed (a provider reactivated, a
 * setting added), or an {@code ignored} one a newer version can use. It goes back to {@code pending}, due now,
 * attempts from zero; audited. Any other status is 409 {@code WEBHOOK_EVENT_NOT_REQUEUEABLE}.
 */
public interface RequeueWebhookEventUseCase {
    WebhookEventRecord requeue(Caller caller, WebhookEventId id);
}
