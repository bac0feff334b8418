package com.tentabo.prm.adapters.persistence.lead;

import com.tentabo.prm.adapters.persistence.audit.AuditChangesJson;
import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.adapters.persistence.shared.TimestampArrays;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.lead.port.out.LeadSyncRepository;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.lead.Lead;
import com.tentabo.prm.domain.lead.LeadDetails;
import com.tentabo.prm.domain.lead.StatusChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * CRM leads by the CRM's id. The seed has no unique index on {@code (provider_name, provider_id)} (and an adopted
 * database may hold repeats), so the pair is serialised with a transaction-level advisory lock before it is looked up:
 * two events about one new lead create it once. Among repeats, the oldest lead is the one kept in sync.
 *
 * <p>A first full import writes a page of new leads with one {@code INSERT … SELECT … FROM unnest(…)} per table (the
 * leads, their history rows, their audit rows), after one query found the page's known leads (an index probe per id). Two
 * pages written at once never deadlock on the organisation keys {@code customer_org_keys} remembers: the leads'
 * insert trigger adds a statement's keys in key order (V48).
 */
@ApplicationScoped
public class JpaLeadSyncRepository implements LeadSyncRepository {

    private final EntityManager em;

    public JpaLeadSyncRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<SyncedLead> lockByProvider(String providerName, String providerId) {
        SqlRows.lockForTransaction(em, "leads:" + providerName + "/" + providerId);
        return Optional.ofNullable(
                        oldestByProvider(providerName, List.of(providerId)).get(providerId))
                .map(id -> synced(em.find(LeadEntity.class, id, LockModeType.PESSIMISTIC_WRITE)));
    }

    private static SyncedLead synced(LeadEntity e) {
        return new SyncedLead(
                JpaLeadRepository.restore(e),
                remoteUpdatedAt(e.providerMetadata, "update_time"),
                remoteUpdatedAt(e.providerMetadata, LeadSyncRepository.WRITTEN_UPDATE_TIME));
    }

    @Override
    public Map<String, SyncedLead> lockAllByProvider(String providerName, Collection<String> providerIds) {
        if (providerIds.isEmpty()) {
            return Map.of();
        }
        // in one order, so that two transactions locking overlapping pages never wait for each other in a circle
        String[] keys = providerIds.stream()
                .distinct()
                .sorted()
                .map(id -> "leads:" + providerName + "/" + id)
                .toArray(String[]::new);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM unnest(?::text[]) AS k")) {
                ps.setArray(1, connection.createArrayOf("text", keys));
                ps.executeQuery().close();
            }
        });
        Map<String, UUID> found = oldestByProvider(providerName, providerIds);
        // a first import finds none; a resumed or repeated one reads the few it finds as the one-lead path does
        Map<String, SyncedLead> known = new HashMap<>();
        found.forEach((providerId, leadId) -> {
            LeadEntity e = em.find(LeadEntity.class, leadId, LockModeType.PESSIMISTIC_WRITE);
            known.put(providerId, synced(e));
        });
        return known;
    }

    /**
     * The oldest lead of the provider for each of these ids that names one, the transaction's own unwritten changes
     * written first (a native statement does not flush them as a query would).
     */
    private Map<String, UUID> oldestByProvider(String providerName, Collection<String> providerIds) {
        Session session = em.unwrap(Session.class);
        session.flush();
        return session.doReturningWork(connection -> {
            Map<String, UUID> oldest = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(FIND_KNOWN)) {
                ps.setArray(1, connection.createArrayOf("text", providerIds.toArray()));
                ps.setString(2, providerName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        oldest.putIfAbsent(rs.getString(1), rs.getObject(2, UUID.class));
                    }
                }
            }
            return oldest;
        });
    }

    /**
     * The leads of a provider that some ids already name, oldest first: one index probe per id ({@code ix_leads_provider_id}), the
     * provider's name checked on the rows found. Not {@code provider_name = ? AND provider_id = ANY (?)}: while a first
     * import fills the table, the statistics still say the provider has no lead, and PostgreSQL then scanned the
     * provider's whole index range for each page, comparing every lead with the page's 500 ids (half a second a page at
     * 50,000 leads, most of the database's time in an import). A lateral probe per id has no plan that reads other
     * ids' rows; {@code OFFSET 0} keeps it a probe (PostgreSQL does not merge such a subquery into a join) and keeps the
     * provider's name out of it, so its index is never the one chosen.
     */
    static final String FIND_KNOWN = "SELECT k.provider_id, l.id FROM unnest(?::text[]) AS k(provider_id) "
            + "CROSS JOIN LATERAL (SELECT id, provider_name, created_at FROM leads WHERE provider_id = k.provider_id "
            + "OFFSET 0) l WHERE l.provider_name = ? ORDER BY l.created_at, l.id";

    private static final String INSERT_LEADS = "INSERT INTO leads (id, provider_name, provider_id, provider_metadata, "
            + "title, organization, contact_name, contact_email, contact_phone, value, currency, status, probability, "
            + "expected_close_date, owner_id, partner_id, distributor_id, last_sync_at, sync_status, created_at, "
            + "updated_at) SELECT t.id, t.provider_name, t.provider_id, CAST(t.metadata AS jsonb), t.title, "
            + "t.organization, t.contact_name, t.contact_email, t.contact_phone, t.value, t.currency, "
            + "CAST(t.status AS leadstatus), t.probability, t.expected_close_date, t.owner_id, t.partner_id, "
            + "t.distributor_id, t.last_sync_at, 'synced', t.created_at, t.updated_at "
            + "FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS t(id, provider_name, "
            + "provider_id, metadata, title, organization, contact_name, contact_email, contact_phone, value, currency, "
            + "status, probability, expected_close_date, owner_id, partner_id, distributor_id, last_sync_at, "
            + "created_at, updated_at)";

    private static final String[] LEAD_TYPES = {
        "uuid",
        "text",
        "text",
        "text",
        "text",
        "text",
        "text",
        "text",
        "text",
        "numeric",
        "text",
        "text",
        "int4",
        "timestamptz",
        "uuid",
        "uuid",
        "uuid",
        "timestamptz",
        "timestamptz",
        "timestamptz"
    };

    private static final String INSERT_HISTORY = "INSERT INTO lead_status_history (id, lead_id, old_status, "
            + "new_status, changed_by_user_id, reason, changed_at) SELECT t.id, t.lead_id, CAST(t.old_status AS "
            + "leadstatus), CAST(t.new_status AS leadstatus), t.changed_by, t.reason, t.changed_at "
            + "FROM unnest(?, ?, ?, ?, ?, ?, ?) AS t(id, lead_id, old_status, new_status, changed_by, reason, changed_at)";

    private static final String[] HISTORY_TYPES = {"uuid", "uuid", "text", "text", "uuid", "text", "timestamptz"};

    private static final String INSERT_AUDIT =
            "INSERT INTO audit_logs (id, user_id, admin_user_id, action, entity_type, "
                    + "entity_id, changes, ip_address, user_agent, created_at) SELECT t.id, t.user_id, t.admin_user_id, "
                    + "t.action, t.entity_type, t.entity_id, CAST(t.changes AS jsonb), t.ip_address, t.user_agent, t.created_at "
                    + "FROM unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) AS t(id, user_id, admin_user_id, action, entity_type, entity_id, "
                    + "changes, ip_address, user_agent, created_at)";

    private static final String[] AUDIT_TYPES = {
        "uuid", "uuid", "uuid", "text", "text", "uuid", "text", "text", "text", "timestamptz"
    };

    @Override
    public void insertImported(List<ImportedLead> leads, Instant at) {
        if (leads.isEmpty()) {
            return;
        }
        int size = leads.size();
        Object[][] rows = new Object[LEAD_TYPES.length][size];
        Object[][] history = new Object[HISTORY_TYPES.length][size];
        Object[][] audit = new Object[AUDIT_TYPES.length][size];
        for (int i = 0; i < size; i++) {
            Lead lead = leads.get(i).created().lead();
            LeadDetails d = lead.details();
            Object[] row = {
                lead.id().value(),
                lead.providerName(),
                lead.providerId(),
                JsonText.write(leads.get(i).metadata()),
                d.title(),
                d.organization(),
                d.contactName(),
                d.contactEmail(),
                d.contactPhone(),
                d.value(),
                d.currency(),
                lead.status().name(),
                d.probability(),
                timestamp(d.expectedCloseDate()),
                lead.ownerId().value(),
                EntityId.uuid(lead.tenant().partnerId()),
                EntityId.uuid(lead.tenant().distributorId()),
                timestamp(at),
                timestamp(lead.createdAt()),
                timestamp(lead.updatedAt())
            };
            column(rows, i, row);
            StatusChange change = leads.get(i).created().history();
            Object[] step = {
                change.id().value(),
                change.leadId().value(),
                change.from() == null ? null : change.from().name(),
                change.to().name(),
                EntityId.uuid(change.changedBy()),
                change.reason(),
                timestamp(change.at())
            };
            column(history, i, step);
            AuditEntry entry = leads.get(i).audit();
            Object[] logged = {
                entry.id().value(),
                EntityId.uuid(entry.userId()),
                EntityId.uuid(entry.adminUserId()),
                entry.action(),
                entry.entityType(),
                entry.entityId(),
                AuditChangesJson.write(entry.changes()),
                entry.ipAddress(),
                entry.userAgent(),
                timestamp(entry.at())
            };
            column(audit, i, logged);
        }
        Session session = em.unwrap(Session.class);
        session.flush();
        session.doWork(connection -> {
            insert(connection, INSERT_LEADS, LEAD_TYPES, rows);
            insert(connection, INSERT_HISTORY, HISTORY_TYPES, history);
            insert(connection, INSERT_AUDIT, AUDIT_TYPES, audit);
        });
    }

    /** Puts a row's values at {@code i} in the statement's column arrays. */
    private static void column(Object[][] columns, int i, Object[] row) {
        for (int c = 0; c < row.length; c++) {
            columns[c][i] = row[c];
        }
    }

    private static void insert(Connection connection, String sql, String[] types, Object[][] columns)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int c = 0; c < columns.length; c++) {
                ps.setArray(c + 1, connection.createArrayOf(types[c], columns[c]));
            }
            ps.executeUpdate();
        }
    }

    private static String timestamp(Instant at) {
        return TimestampArrays.element(at);
    }

    @Override
    public void recordSync(LeadId leadId, Map<String, Object> metadata, String syncStatus, Instant at) {
        LeadEntity lead = em.find(LeadEntity.class, leadId.value());
        // stored metadata that is not a JSON object (a legacy array or scalar) is replaced by the synced object
        Map<String, Object> merged = new HashMap<>();
        if (lead.providerMetadata instanceof Map<?, ?> stored) {
            stored.forEach((key, value) -> merged.put(String.valueOf(key), value));
        }
        merged.putAll(metadata);
        lead.providerMetadata = merged;
        lead.lastSyncAt = at;
        lead.syncStatus = syncStatus;
        lead.syncError = null;
        em.flush();
    }

    private static Instant remoteUpdatedAt(Object metadata, String key) {
        Object stored = metadata instanceof Map<?, ?> object ? object.get(key) : null;
        if (stored == null) {
            return null;
        }
        try {
            return Instant.parse(stored.toString());
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
