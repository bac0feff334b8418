package com.tentabo.prm.application.outbox.port.out;

import com.tentabo.prm.application.outbox.OutboxMessage;

/** Writes an outbox row in the caller's transaction: it is delivered only if the business change commits. */
public interface OutboxPublisher {
    void publish(OutboxMessage message);
}
