package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.adapters.persistence.shared.KeysetSql;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.WebhookEventRecord;
import com.tentabo.prm.application.provider.port.out.ProviderActivityDirectory;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.ProviderId;
import com.tentabo.prm.domain.id.SyncLogId;
import com.tentabo.prm.domain.id.WebhookEventId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sync logs and webhook events in plain SQL, their JSON columns as the text the database holds. */
@ApplicationScoped
public class JdbcProviderActivityDirectory implements ProviderActivityDirectory {

    static final String SYNC_LOGS =
            "SELECT l.id, l.provider_id, p.provider_name, l.sync_type, l.entity_type, l.direction, "
                    + "l.records_synced, l.records_failed, l.error_details::text, l.status, l.started_at, l.completed_at "
                    + "FROM provider_sync_logs l LEFT JOIN provider_configs p ON p.id = l.provider_id";
    static final String WEBHOOK_EVENTS = "SELECT id, provider_name, provider_type::text, event_type, event_id, "
            + "payload::text, status, processed_at, error_message, ip_address, headers::text, received_at FROM webhook_events";

    private final EntityManager em;

    public JdbcProviderActivityDirectory(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<SyncLogRecord> syncLogs(SyncLogQuery q) {
        return new KeysetSql(SYNC_LOGS, "l.started_at", "l.id")
                .eq("l.provider_id", EntityId.uuid(q.providerId()))
                .eq("l.entity_type", q.entityType())
                .eq("l.status", q.status())
                .window(q.since(), q.until())
                .after(q.cursorAt(), q.cursorId())
                .newestFirst(em, q.limit(), JdbcProviderActivityDirectory::syncLog);
    }

    @Override
    public Optional<SyncLogRecord> syncLog(SyncLogId id) {
        return SqlRows.query(
                        em, SYNC_LOGS + " WHERE l.id = ?", List.of(id.value()), JdbcProviderActivityDirectory::syncLog)
                .stream()
                .findFirst();
    }

    @Override
    public List<WebhookEventRecord> webhookEvents(WebhookEventQuery q) {
        return new KeysetSql(WEBHOOK_EVENTS, "received_at", "id")
                .eq("provider_name", q.providerName())
                .eq("event_type", q.eventType())
                .eq("event_id", q.eventId())
                .eq("status", q.status())
                .window(q.since(), q.until())
                .after(q.cursorAt(), q.cursorId())
                .newestFirst(em, q.limit(), JdbcProviderActivityDirectory::webhookEvent);
    }

    @Override
    public Optional<WebhookEventRecord> webhookEvent(WebhookEventId id) {
        return SqlRows.query(
                        em,
                        WEBHOOK_EVENTS + " WHERE id = ?",
                        List.of(id.value()),
                        JdbcProviderActivityDirectory::webhookEvent)
                .stream()
                .findFirst();
    }

    private static SyncLogRecord syncLog(ResultSet rs) throws SQLException {
        return new SyncLogRecord(
                new SyncLogId(rs.getObject(1, UUID.class)),
                ProviderId.ofNullable(rs.getObject(2, UUID.class)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getObject(7, Integer.class),
                rs.getObject(8, Integer.class),
                rs.getString(9),
                rs.getString(10),
                SqlRows.instant(rs, 11),
                SqlRows.instant(rs, 12));
    }

    private static WebhookEventRecord webhookEvent(ResultSet rs) throws SQLException {
        return new WebhookEventRecord(
                new WebhookEventId(rs.getObject(1, UUID.class)),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                SqlRows.instant(rs, 8),
                rs.getString(9),
                rs.getString(10),
                rs.getString(11),
                SqlRows.instant(rs, 12));
    }
}
