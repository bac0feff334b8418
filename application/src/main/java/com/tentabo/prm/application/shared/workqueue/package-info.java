/**
 * The one worker loop over a {@link com.tentabo.prm.application.shared.port.out.WorkQueueRepository} (the outbox's
 * delivery and the received webhooks' processing): claim, handle each item, back off or give up by one policy.
 */
package com.tentabo.prm.application.shared.workqueue;
