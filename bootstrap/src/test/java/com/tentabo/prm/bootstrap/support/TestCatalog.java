package com.tentabo.prm.bootstrap.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** A fresh active product (one tier, 10.0000 a month) and a duration of its own (no discount), stored by SQL. */
public record TestCatalog(UUID product, UUID duration) {

    public static TestCatalog create(DataSource ds) {
        UUID product = UUID.randomUUID();
        UUID duration = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO products (id, name, type, unit, is_active) VALUES (?, ?, 'service', 'TB', 'true')",
                product,
                "Storage " + product);
        TestData.exec(
                ds,
                "INSERT INTO price_tiers (product_id, min_quantity, max_quantity, price_per_unit, period) "
                        + "VALUES (?, 1, NULL, 10.0000, 'month')",
                product);
        // durations.months is unique: 107 months (within the API's 1–120), which no other test uses, shared by every
        // TestCatalog; a contract's expiration stays a timestamp any client can read
        String durationId = TestData.text(
                ds,
                "INSERT INTO durations (id, months, discount_percentage, name) VALUES (?, ?, 0, ?) "
                        + "ON CONFLICT (months) DO UPDATE SET discount_percentage = 0 RETURNING id::text",
                duration,
                107,
                "d " + duration);
        duration = UUID.fromString(durationId);
        return new TestCatalog(product, duration);
    }

    /** An order body with the given fields and one item: 2 units of the product for the duration. */
    public Map<String, Object> order(Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put(
                "items",
                List.of(Map.of("product_id", product.toString(), "duration_id", duration.toString(), "quantity", 2)));
        return body;
    }
}
