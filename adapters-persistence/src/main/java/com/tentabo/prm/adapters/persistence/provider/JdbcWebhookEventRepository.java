package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.adapters.persistence.shared.TimestampArrays;
import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.WebhookEventStatus;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.provider.ProviderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The seed's {@code (provider_name, event_id)} index is not unique (the replaced system's rows may repeat a pair), so
 * every row the application writes carries {@code intake_key} = {@code <provider>/<event id>}, unique (V38: set on the
 * first row of each pair an adopted database held); the intake stores a list of deliveries in one statement with
 * {@code ON CONFLICT (intake_key) DO NOTHING}. {@link #lockAndFind} (the sync's queueing) takes a transaction-level
 * advisory lock on the pair before looking, and finds the older rows of the pair too.
 */
@ApplicationScoped
public class JdbcWebhookEventRepository implements WebhookEventRepository {

    private final EntityManager em;

    public JdbcWebhookEventRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<WebhookEventId> lockAndFind(String providerName, String eventId) {
        SqlRows.lockForTransaction(em, "webhook_events:" + providerName + "/" + eventId);
        return SqlRows.query(
                        em,
                        "SELECT id FROM webhook_events WHERE provider_name = ? AND event_id = ? "
                                + "ORDER BY received_at LIMIT 1",
                        List.of(providerName, eventId),
                        rs -> new WebhookEventId(rs.getObject(1, UUID.class)))
                .stream()
                .findFirst();
    }

    private static final String STORE = "INSERT INTO webhook_events (id, provider_name, provider_type, event_type, "
            + "event_id, payload, status, ip_address, headers, received_at, created_at, intake_key) "
            + "SELECT t.id, t.provider_name, CAST(t.provider_type AS providertype), t.event_type, t.event_id, "
            + "CAST(t.payload AS jsonb), " + literal(WebhookEventStatus.PENDING)
            + ", t.ip_address, CAST(t.headers AS jsonb), "
            + "t.received_at, t.received_at, t.provider_name || '/' || t.event_id "
            + "FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?) WITH ORDINALITY "
            + "AS t(id, provider_name, provider_type, event_type, event_id, payload, ip_address, headers, received_at, n) "
            + "ORDER BY t.n ON CONFLICT (intake_key) DO NOTHING RETURNING id";

    @Override
    public List<Stored> storeOnce(List<Incoming> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).doReturningWork(connection -> {
            int size = events.size();
            Object[][] columns = new Object[9][size];
            for (int i = 0; i < size; i++) {
                Incoming e = events.get(i);
                columns[0][i] = e.id().value();
                columns[1][i] = e.providerName();
                columns[2][i] = e.type().name();
                columns[3][i] = e.event().eventType();
                columns[4][i] = e.event().eventId();
                columns[5][i] = e.event().payloadJson();
                columns[6][i] = e.ipAddress();
                columns[7][i] = JsonText.write(e.headers());
                columns[8][i] = TimestampArrays.element(e.receivedAt());
            }
            String[] types = {"uuid", "text", "text", "text", "text", "text", "text", "text", "timestamptz"};
            Set<UUID> inserted = new HashSet<>();
            try (PreparedStatement ps = connection.prepareStatement(STORE)) {
                for (int c = 0; c < columns.length; c++) {
                    ps.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            Map<String, WebhookEventId> existing = new HashMap<>();
            List<String> missing = events.stream()
                    .filter(e -> !inserted.contains(e.id().value()))
                    .map(JdbcWebhookEventRepository::intakeKey)
                    .distinct()
                    .toList();
            if (!missing.isEmpty()) {
                // a new statement: it sees what concurrent transactions committed while the insert waited for them
                try (PreparedStatement ps = connection.prepareStatement(
                        "SELECT intake_key, id FROM webhook_events WHERE intake_key = ANY (?)")) {
                    ps.setArray(1, connection.createArrayOf("text", missing.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            existing.put(rs.getString(1), new WebhookEventId(rs.getObject(2, UUID.class)));
                        }
                    }
                }
            }
            List<Stored> stored = new ArrayList<>(size);
            for (Incoming e : events) {
                stored.add(
                        inserted.contains(e.id().value())
                                ? new Stored(e.id(), false)
                                : new Stored(Objects.requireNonNull(existing.get(intakeKey(e)), "stored event"), true));
            }
            return stored;
        });
    }

    private static String intakeKey(Incoming event) {
        return event.providerName() + "/" + event.event().eventId();
    }

    @Override
    public void insert(
            WebhookEventId id,
            String providerName,
            ProviderType type,
            ParsedWebhook event,
            Map<String, String> headers,
            String ipAddress,
            Instant receivedAt) {
        em.createNativeQuery(
                        "INSERT INTO webhook_events (id, provider_name, provider_type, event_type, event_id, payload, "
                                + "status, ip_address, headers, received_at, created_at, intake_key) VALUES (?1, ?2, "
                                + "CAST(?3 AS providertype), ?4, ?5, CAST(?6 AS jsonb), "
                                + literal(WebhookEventStatus.PENDING)
                                + ", ?7, CAST(?8 AS jsonb), ?9, ?9, ?2 || '/' || ?5) ON CONFLICT (intake_key) DO NOTHING")
                .setParameter(1, id.value())
                .setParameter(2, providerName)
                .setParameter(3, type.name())
                .setParameter(4, event.eventType())
                .setParameter(5, event.eventId())
                .setParameter(6, event.payloadJson())
                .setParameter(7, ipAddress)
                .setParameter(8, JsonText.write(headers))
                .setParameter(9, Timestamp.from(receivedAt))
                .executeUpdate();
    }

    @Override
    public void settle(WebhookEventId id, WebhookEventStatus status, Instant at) {
        JdbcWebhookEventQueue.settle(em, id, status, null, at);
    }

    /** An event's status as {@code webhook_events.status} stores it: the seed's lower-case strings, exactly. */
    static String stored(WebhookEventStatus status) {
        return switch (status) {
            case PENDING -> "pending";
            case PROCESSED -> "processed";
            case IGNORED -> "ignored";
            case FAILED -> "failed";
        };
    }

    static String literal(WebhookEventStatus status) {
        return "'" + stored(status) + "'";
    }
}
