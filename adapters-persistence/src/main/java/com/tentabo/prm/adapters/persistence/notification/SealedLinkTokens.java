package com.tentabo.prm.adapters.persistence.notification;

import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.application.notification.port.out.LinkTokenGateway;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.domain.id.OutboxEventId;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * Seals link tokens with AES-256-GCM ({@link CredentialsCipher}), the outbox row's id as associated data: with the
 * provider credentials key when one is configured ({@code PRM_PROVIDER_CREDENTIALS_KEY}), otherwise with a random key
 * of this process, so that a mail still waiting when the service restarts cannot be opened any more (it is skipped:
 * the administrator issues a new link).
 */
@ApplicationScoped
public class SealedLinkTokens implements LinkTokenGateway {

    private static final String FIELD = "token";

    private final CredentialsCipher cipher;

    public SealedLinkTokens(CredentialsCipher configured) {
        this.cipher = configured.hasKey() ? configured : CredentialsCipher.ephemeral();
    }

    @Override
    public String seal(OutboxEventId outboxEventId, String token) {
        return String.valueOf(
                cipher.encrypt(outboxEventId.value(), Map.of(FIELD, token)).get("encrypted"));
    }

    @Override
    public Optional<String> open(OutboxEventId outboxEventId, String sealed) {
        if (sealed == null || sealed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(cipher.decrypt(outboxEventId.value(), "link token", Map.of("encrypted", sealed))
                    .get(FIELD));
        } catch (ProviderFailure unreadable) {
            return Optional.empty();
        }
    }
}
