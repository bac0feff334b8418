package com.tentabo.prm.bootstrap.support;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.Role;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Direct inserts for test set-up (companies, enabled users of any role) and tokens for them, so that a test can
 * act as a partner, distributor or fulfiller without going through the user-management API.
 */
public final class TestData {

    private TestData() {}

    public static UUID partner(DataSource ds, String name) {
        UUID id = UUID.randomUUID();
        exec(
                ds,
                "INSERT INTO partners (id, name, registration_number, is_active) VALUES (?, ?, ?, true)",
                id,
                name,
                "P-" + id.toString().substring(0, 8));
        return id;
    }

    public static UUID distributor(DataSource ds, String name) {
        UUID id = UUID.randomUUID();
        exec(
                ds,
                "INSERT INTO distributors (id, name, registration_number, is_active) VALUES (?, ?, ?, true)",
                id,
                name,
                "D-" + id.toString().substring(0, 8));
        return id;
    }

    public static void assign(DataSource ds, UUID distributorId, UUID partnerId, boolean active) {
        exec(
                ds,
                "INSERT INTO distributor_partners (distributor_id, partner_id, is_active) VALUES (?, ?, ?) "
                        + "ON CONFLICT (distributor_id, partner_id) DO UPDATE SET is_active = EXCLUDED.is_active",
                distributorId,
                partnerId,
                active);
    }

    /** An enabled {@code users} row with the role and company given. */
    public static UUID user(DataSource ds, Role role, UUID partnerId, UUID distributorId) {
        UUID id = UUID.randomUUID();
        exec(
                ds,
                "INSERT INTO users (id, provider, provider_id, email, username, role, is_enabled, enabled_at, "
                        + "partner_id, distributor_id) VALUES (?, 'test', ?, ?, ?, ?::userrole, true, now(), ?, ?)",
                id,
                id.toString(),
                id + "@test.example",
                role.name().toLowerCase(Locale.ROOT) + "-" + id.toString().substring(0, 8),
                role.name(),
                partnerId,
                distributorId);
        return id;
    }

    public static String tokenFor(TokenService tokens, UUID userId) {
        return tokens.issue(PrincipalKind.USER, userId, "user-" + userId).token();
    }

    /** The first column of the first row of a query, as text (null when there is no row): to check stored values. */
    public static String text(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public static void exec(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single number a {@code SELECT count(*) …} answers. */
    public static long count(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
