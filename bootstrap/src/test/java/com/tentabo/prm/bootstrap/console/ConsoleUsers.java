package com.tentabo.prm.bootstrap.console;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;

import javax.sql.DataSource;
import java.util.UUID;

/** Enabled database users with a password, written directly (as an invited user who set it would have them). */
final class ConsoleUsers {

    static final String PASSWORD = "console-test-password";

    private ConsoleUsers() {
    }

    /** The username of a new enabled {@code database} user of that role and company, password {@link #PASSWORD}. */
    static String create(DataSource ds, PasswordHasher hasher, Role role, UUID partnerId, UUID distributorId) {
        UUID id = UUID.randomUUID();
        String username = role.name().toLowerCase() + "-" + id.toString().substring(0, 8);
        TestData.exec(ds, "INSERT INTO users (id, provider, provider_id, email, username, role, is_enabled, enabled_at, "
                        + "partner_id, distributor_id) VALUES (?, 'database', ?, ?, ?, ?::userrole, true, now(), ?, ?)",
                id, id.toString(), username + "@console.example", username, role.name(), partnerId, distributorId);
        TestData.exec(ds, "INSERT INTO user_credentials (user_id, username, password_hash) VALUES (?, ?, ?)",
                id, username, hasher.hash(PASSWORD));
        return username;
    }
}
