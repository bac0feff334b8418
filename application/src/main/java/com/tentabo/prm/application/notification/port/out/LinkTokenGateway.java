package com.tentabo.prm.application.notification.port.out;

import com.tentabo.prm.domain.id.OutboxEventId;
import java.util.Optional;

/**
 * Keeps the one-time token of an invitation or password-reset mail unreadable while the mail waits in the outbox: the
 * outbox row holds the token sealed (AES-256-GCM, bound to the outbox row's id), never in clear, and the adapter is
 * the only one that can open it.
 */
public interface LinkTokenGateway {

    /** The token sealed for outbox row {@code outboxEventId}. */
    String seal(OutboxEventId outboxEventId, String token);

    /** The token, or empty when it cannot be opened (another row's, tampered with, or sealed with a lost key). */
    Optional<String> open(OutboxEventId outboxEventId, String sealed);
}
