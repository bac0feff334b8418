package com.tentabo.prm.adapters.persistence.registration;

import com.tentabo.prm.application.registration.Match;
import com.tentabo.prm.application.registration.port.out.RegistrationRepository.CustomerSearch;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.registration.MatchReason;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The conflict search as one statement (public so that the benchmark runs exactly this SQL): candidate leads and
 * registrations found through the key indexes of V15 — and, for near names, the distinct organisation keys of V30
 * searched through their trigram index with {@code pg_trgm.similarity_threshold} set for the transaction
 * ({@link #THRESHOLD}), the leads and registrations holding those keys then read through the key indexes — then kept
 * when they are another owner's open lead, live registration, or the lead of an ACTIVE contract.
 */
public final class RegistrationMatchSql {

    /** Sets the similarity threshold of the {@code %} operator for the current transaction. */
    public static final String THRESHOLD = "SELECT set_config('pg_trgm.similarity_threshold', ?, true)";

    static final int MAX_MATCHES = 100;
    /**
     * The near organisation keys searched, the most similar first: a bound on the work of one check whatever name is
     * typed (a short, common name could be near thousands of keys). Each key is a customer; far more than the matches
     * ever shown.
     */
    static final int MAX_NEAR_KEYS = 200;

    private static final String OTHER_OWNER = " AND COALESCE(%1$s.partner_id, %1$s.distributor_id) IS DISTINCT FROM ?";

    /** The SQL and its positional parameters. */
    public record Statement(String sql, List<Object> params) {}

    private RegistrationMatchSql() {}

    /** The statement for the search, or null when there is no key to search by. */
    public static Statement build(CustomerSearch s, boolean nearMatches) {
        boolean near = nearMatches && s.organizationKey() != null;
        StringBuilder leadHits = new StringBuilder();
        StringBuilder regHits = new StringBuilder();
        List<Object> keys = new ArrayList<>();
        if (s.organizationKey() != null) {
            union(leadHits, "SELECT id, 'NAME' AS reason, 1.0 AS sim FROM leads WHERE prm_org_key(organization) = ?");
            union(regHits, "SELECT id, 'NAME' AS reason, 1.0 AS sim FROM registrations WHERE org_key = ?");
            keys.add(s.organizationKey());
        }
        if (s.domainKey() != null) {
            union(leadHits, "SELECT id, 'DOMAIN', 1.0 FROM leads WHERE prm_domain_key(contact_email) = ?");
            union(regHits, "SELECT id, 'DOMAIN', 1.0 FROM registrations WHERE domain_key = ?");
            keys.add(s.domainKey());
        }
        if (near) {
            union(
                    leadHits,
                    "SELECT l.id, 'SIMILAR_NAME', k.sim FROM near_keys k "
                            + "JOIN leads l ON prm_org_key(l.organization) = k.org_key");
            union(
                    regHits,
                    "SELECT r.id, 'SIMILAR_NAME', k.sim FROM near_keys k JOIN registrations r ON r.org_key = k.org_key");
        }
        List<Object> regKeys = new ArrayList<>(keys);
        if (s.registrationKey() != null) {
            union(regHits, "SELECT id, 'REGISTRATION_NUMBER', 1.0 FROM registrations WHERE registration_key = ?");
            regKeys.add(s.registrationKey());
        }
        if (regHits.length() == 0) {
            return null;
        }
        if (leadHits.length() == 0) {
            leadHits.append("SELECT NULL::uuid AS id, NULL::text AS reason, NULL::numeric AS sim WHERE false");
        }
        UUID owner = s.ownerPartnerId() != null ? s.ownerPartnerId().value() : EntityId.uuid(s.ownerDistributorId());
        String nearKeys = near
                ? "near_keys AS MATERIALIZED (SELECT org_key, similarity(org_key, ?) AS sim "
                        + "FROM customer_org_keys WHERE org_key % ? ORDER BY sim DESC, org_key LIMIT " + MAX_NEAR_KEYS
                        + "), "
                : "";
        String sql = "WITH " + nearKeys + "lead_hits AS (" + leadHits + "), reg_hits AS (" + regHits + ") "
                + "SELECT 'lead', l.id, l.status::text, l.partner_id, l.distributor_id, p.name, l.organization, l.value, "
                + "l.currency, NULL::timestamptz, h.reason, h.sim FROM lead_hits h JOIN leads l ON l.id = h.id "
                + "LEFT JOIN partners p ON p.id = l.partner_id WHERE l.status NOT IN ('WON', 'LOST')"
                + String.format(java.util.Locale.ROOT, OTHER_OWNER, "l")
                + " UNION ALL SELECT 'registration', r.id, r.status, r.partner_id, r.distributor_id, p.name, r.organization, "
                + "r.expected_value, r.currency, r.protection_ends_at, h.reason, h.sim FROM reg_hits h "
                + "JOIN registrations r ON r.id = h.id LEFT JOIN partners p ON p.id = r.partner_id "
                + "WHERE r.status IN ('SUBMITTED', 'RETURNED', 'APPROVED')"
                + String.format(java.util.Locale.ROOT, OTHER_OWNER, "r")
                + " UNION ALL SELECT 'contract', c.id, c.status::text, c.partner_id, c.distributor_id, p.name, "
                + "l.organization, c.total_value, o.currency, c.expiration_date, h.reason, h.sim "
                + "FROM (SELECT id, reason, sim FROM lead_hits UNION ALL SELECT r.lead_id, h.reason, h.sim FROM reg_hits h "
                + "JOIN registrations r ON r.id = h.id) h JOIN orders o ON o.lead_id = h.id "
                + "JOIN contracts c ON c.order_id = o.id JOIN leads l ON l.id = o.lead_id "
                + "LEFT JOIN partners p ON p.id = c.partner_id WHERE c.status = 'ACTIVE'"
                + String.format(java.util.Locale.ROOT, OTHER_OWNER, "c")
                + " LIMIT " + (MAX_MATCHES * 4);
        List<Object> params = new ArrayList<>();
        if (near) {
            params.add(s.organizationKey());
            params.add(s.organizationKey());
        }
        params.addAll(keys);
        params.addAll(regKeys);
        params.add(owner);
        params.add(owner);
        params.add(owner);
        return new Statement(sql, params);
    }

    /** Runs the search on a connection (the threshold set first when near matches are searched), strongest first. */
    public static List<Match> run(Connection c, CustomerSearch s, boolean nearMatches) throws SQLException {
        Statement statement = build(s, nearMatches);
        if (statement == null) {
            return List.of();
        }
        if (nearMatches && s.organizationKey() != null) {
            try (PreparedStatement ps = c.prepareStatement(THRESHOLD)) {
                ps.setString(1, s.similarityThreshold().toPlainString());
                ps.executeQuery().close();
            }
        }
        List<Match> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
            for (int i = 0; i < statement.params().size(); i++) {
                ps.setObject(i + 1, statement.params().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(match(rs));
                }
            }
        }
        return strongest(rows);
    }

    static Match match(ResultSet rs) throws SQLException {
        java.sql.Timestamp end = rs.getTimestamp(10);
        Instant protectionEnd = end == null ? null : end.toInstant();
        return new Match(
                rs.getString(1),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                PartnerId.ofNullable(rs.getObject(4, UUID.class)),
                DistributorId.ofNullable(rs.getObject(5, UUID.class)),
                rs.getString(6),
                rs.getString(7),
                rs.getBigDecimal(8),
                rs.getString(9),
                protectionEnd,
                MatchReason.valueOf(rs.getString(11)),
                rs.getBigDecimal(12).setScale(2, RoundingMode.HALF_UP));
    }

    /** One row per record, with its strongest reason; exact matches first, then by similarity; at most 100. */
    static List<Match> strongest(List<Match> rows) {
        Map<String, Match> strongest = new LinkedHashMap<>();
        for (Match m : rows) {
            strongest.merge(
                    m.kind() + m.id(),
                    m,
                    (a, b) -> a.reason().ordinal() <= b.reason().ordinal() ? a : b);
        }
        return strongest.values().stream()
                .sorted(Comparator.comparing(Match::reason).thenComparing(Match::similarity, Comparator.reverseOrder()))
                .limit(MAX_MATCHES)
                .toList();
    }

    private static void union(StringBuilder sql, String branch) {
        sql.append(sql.length() == 0 ? "" : " UNION ALL ").append(branch);
    }
}
