package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The seed's {@code (provider_name, event_id)} index is not unique (the replaced system's rows may repeat a pair), so
 * de-duplication takes a transaction-level advisory lock on the pair before looking: two deliveries of one event
 * arriving together are stored once, without a constraint that an adopted database could not take.
 */
@ApplicationScoped
public class JdbcWebhookEventRepository implements WebhookEventRepository {

    private final EntityManager em;

    public JdbcWebhookEventRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<UUID> lockAndFind(String providerName, String eventId) {
        SqlRows.query(em, "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", List.of(providerName + "/" + eventId),
                rs -> 1);
        return SqlRows.query(em, "SELECT id FROM webhook_events WHERE provider_name = ? AND event_id = ? "
                + "ORDER BY received_at LIMIT 1", List.of(providerName, eventId), rs -> rs.getObject(1, UUID.class))
                .stream().findFirst();
    }

    @Override
    public void insert(UUID id, String providerName, ProviderType type, ParsedWebhook event, Map<String, String> headers,
                       String ipAddress, Instant receivedAt) {
        em.createNativeQuery("INSERT INTO webhook_events (id, provider_name, provider_type, event_type, event_id, payload, "
                        + "status, ip_address, headers, received_at, created_at) VALUES (?1, ?2, CAST(?3 AS providertype), ?4, "
                        + "?5, CAST(?6 AS jsonb), 'pending', ?7, CAST(?8 AS jsonb), ?9, ?9)")
                .setParameter(1, id).setParameter(2, providerName).setParameter(3, type.name())
                .setParameter(4, event.eventType()).setParameter(5, event.eventId()).setParameter(6, event.payloadJson())
                .setParameter(7, ipAddress).setParameter(8, JsonText.write(headers))
                .setParameter(9, Timestamp.from(receivedAt)).executeUpdate();
    }
}
