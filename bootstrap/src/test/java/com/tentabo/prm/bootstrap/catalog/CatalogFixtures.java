package com.tentabo.prm.bootstrap.catalog;

import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.TestData;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Catalog set-up for API tests: products through the API, durations (months are unique) by upsert. */
final class CatalogFixtures {

    private CatalogFixtures() {}

    static List<Map<String, Object>> tiersA() {
        return List.of(
                tier(1, 10, "20.0000", "month"), tier(11, 50, "15.0000", "month"), tier(51, null, "12.5000", "month"));
    }

    static List<Map<String, Object>> tiersB() {
        return List.of(tier(1, 5, "99.9900", "year"), tier(6, null, "89.9900", "year"));
    }

    static Map<String, Object> tier(Integer min, Integer max, String price, String period) {
        java.util.HashMap<String, Object> t = new java.util.HashMap<>();
        t.put("min_quantity", min);
        t.put("max_quantity", max);
        t.put("price_per_unit", price);
        t.put("period", period);
        return t;
    }

    /** Creates a product through the API as the admin and returns its id. */
    static String product(String namePrefix, String mode, List<Map<String, Object>> tiers) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", namePrefix + " " + UUID.randomUUID());
        body.put("type", "service");
        body.put("unit", "user");
        body.put("pricing_mode", mode);
        body.put("price_tiers", tiers);
        return Api.asAdmin()
                .body(body)
                .post("/api/v1/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * The duration of {@code months} months, set to the discount given. Months are unique in the whole shared
     * database, so an existing row is reused and its discount set (test classes run one after the other).
     */
    static String duration(DataSource ds, int months, String discount) {
        TestData.exec(
                ds,
                "INSERT INTO durations (id, months, discount_percentage, name) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (months) DO UPDATE SET discount_percentage = EXCLUDED.discount_percentage",
                UUID.randomUUID(),
                months,
                new BigDecimal(discount),
                months + " months");
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id FROM durations WHERE months = ?")) {
            ps.setInt(1, months);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1).toString();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(DataSource ds, String sql, Object... params) {
        return TestData.count(ds, sql, params);
    }

    static JsonPath quote(String productId, int quantity, String durationId) {
        return Api.asAdmin()
                .body(Map.of(
                        "items",
                        List.of(Map.of("product_id", productId, "quantity", quantity, "duration_id", durationId))))
                .post("/api/v1/quotes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
