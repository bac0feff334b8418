package com.tentabo.prm.adapters.persistence.identity;

import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.identity.port.out.PrincipalDirectory;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the principal of a request with one SQL statement over plain JDBC, outside any transaction (the connection
 * is in auto-commit): the account, and in the same statement the linked user of an admin or the active partner
 * assignments of a distributor, and when its credentials were last revoked. Every API request runs one of these, so it skips the entity manager and JTA.
 * Inside a caller's transaction the data source hands out that transaction's connection.
 */
@ApplicationScoped
public class JdbcPrincipalDirectory implements PrincipalDirectory {

    static final String ADMIN_SQL = "SELECT a.id, a.username, a.is_active, "
            + "(SELECT u.id FROM users u WHERE u.provider = 'database' AND u.provider_id = a.id::text "
            + "ORDER BY u.created_at, u.id LIMIT 1), "
            + "(SELECT r.not_before FROM credential_revocations r WHERE r.principal_kind = 'admin_user' "
            + "AND r.principal_id = a.id) "
            + "FROM admin_users a WHERE a.id = ?";

    static final String USER_SQL = "SELECT u.id, u.provider, u.provider_id, u.email, u.full_name, u.username, "
            + "u.role::text, u.is_enabled, u.enabled_by, u.enabled_at, u.partner_id, u.distributor_id, u.created_at, "
            + "u.updated_at, u.last_login, "
            + "CASE WHEN u.role = 'DISTRIBUTOR' THEN ARRAY(SELECT dp.partner_id FROM distributor_partners dp "
            + "WHERE dp.distributor_id = u.distributor_id AND dp.is_active) END, "
            + "(SELECT r.not_before FROM credential_revocations r WHERE r.principal_kind = 'user' "
            + "AND r.principal_id = u.id) "
            + "FROM users u WHERE u.id = ?";

    private final DataSource dataSource;

    public JdbcPrincipalDirectory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<AdminPrincipal> admin(AdminUserId id) {
        return readOne(
                ADMIN_SQL,
                id.value(),
                "admin account",
                rs -> new AdminPrincipal(
                        new AdminUserId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        rs.getBoolean(3),
                        UserId.ofNullable(rs.getObject(4, UUID.class)),
                        SqlRows.instant(rs, 5)));
    }

    @Override
    public Optional<UserPrincipal> user(UserId id) {
        return readOne(
                USER_SQL,
                id.value(),
                "user account",
                rs -> new UserPrincipal(
                        new UserAccount(
                                new UserId(rs.getObject(1, UUID.class)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                Role.valueOf(rs.getString(7)),
                                rs.getBoolean(8),
                                AdminUserId.ofNullable(rs.getObject(9, UUID.class)),
                                SqlRows.instant(rs, 10),
                                PartnerId.ofNullable(rs.getObject(11, UUID.class)),
                                DistributorId.ofNullable(rs.getObject(12, UUID.class)),
                                SqlRows.instant(rs, 13),
                                SqlRows.instant(rs, 14),
                                SqlRows.instant(rs, 15)),
                        partnerIds(rs.getArray(16)),
                        SqlRows.instant(rs, 17)));
    }

    /** The row of the statement for the id, mapped, or empty when there is none. */
    private <T> Optional<T> readOne(String sql, UUID id, String what, SqlRows.Row<T> row) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement st = c.prepareStatement(sql)) {
            st.setObject(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading " + what + " " + id + " failed", e);
        }
    }

    private static Set<PartnerId> partnerIds(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Set<PartnerId> ids = new HashSet<>();
        for (Object id : (Object[]) array.getArray()) {
            ids.add(new PartnerId((UUID) id));
        }
        return Set.copyOf(ids);
    }
}
