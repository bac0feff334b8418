package com.tentabo.prm.bootstrap.console;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Enabled database users with a password, written directly (as an invited user who set it would have them). */
final class ConsoleUsers {

    static final String PASSWORD = "console-test-password";

    private ConsoleUsers() {}

    /** The username of a new enabled {@code database} user of that role and company, password {@link #PASSWORD}. */
    static String create(DataSource ds, PasswordHasher hasher, Role role, UUID partnerId, UUID distributorId) {
        UUID id = UUID.randomUUID();
        String username =
                role.name().toLowerCase(Locale.ROOT) + "-" + id.toString().substring(0, 8);
        TestData.exec(
                ds,
                "INSERT INTO users (id, provider, provider_id, email, username, role, is_enabled, enabled_at, "
                        + "partner_id, distributor_id) VALUES (?, 'database', ?, ?, ?, ?::userrole, true, now(), ?, ?)",
                id,
                id.toString(),
                username + "@console.example",
                username,
                role.name(),
                partnerId,
                distributorId);
        TestData.exec(
                ds,
                "INSERT INTO user_credentials (user_id, username, password_hash) VALUES (?, ?, ?)",
                id,
                username,
                hasher.hash(PASSWORD));
        return username;
    }

    /**
     * A product priced 12.50 per unit and month whatever the quantity, and the 12-month duration at 10 % off: 60 units
     * cost 9,000.00 gross, 8,100.00 net, 9,720.00 with 20 % VAT (PRICING.md example 1). Returns {product, duration}.
     */
    static String[] catalog(DataSource ds, String productName) {
        Map<String, Object> tier = new HashMap<>();
        tier.put("min_quantity", 1);
        tier.put("max_quantity", null);
        tier.put("price_per_unit", "12.5000");
        tier.put("period", "month");
        String product = Api.asAdmin()
                .body(Map.of(
                        "name",
                        productName,
                        "type",
                        "service",
                        "unit",
                        "TB",
                        "pricing_mode",
                        "volume",
                        "price_tiers",
                        List.of(tier)))
                .post("/api/v1/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        TestData.exec(
                ds,
                "INSERT INTO durations (id, months, discount_percentage, name) VALUES (?, 12, 10.00, '1 year') "
                        + "ON CONFLICT (months) DO UPDATE SET discount_percentage = 10.00",
                UUID.randomUUID());
        String duration = TestData.text(ds, "SELECT id FROM durations WHERE months = 12");
        return new String[] {product, duration};
    }
}
