package com.tentabo.prm.bootstrap.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Catalog rows written by the replaced system that break today's input rules (docs/legacy-data.md): they list, show,
 * quote and order as stored; a change through the API must satisfy the rules. Rows are inserted by SQL.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class LegacyCatalogApiTest {

    /** Longer than the 10,000 characters a description may have when written through the API. */
    private static final String LONG_DESCRIPTION = "d".repeat(10_001);

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    /** A product row as the seed system let it in: the name is unique, so only this test uses the empty name. */
    private UUID legacyProduct(String name, String type, String unit, String isActive, String price) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO products (id, name, type, unit, description, is_active) VALUES (?, ?, ?, ?, ?, ?)",
                id,
                name,
                type,
                unit,
                LONG_DESCRIPTION,
                isActive);
        TestData.exec(
                ds,
                "INSERT INTO price_tiers (product_id, min_quantity, max_quantity, price_per_unit, period) "
                        + "VALUES (?, 1, NULL, ?::numeric, 'month')",
                id,
                price);
        return id;
    }

    /** A duration row with a blank name; months are unique in the shared database, so far above any other test's. */
    private UUID legacyDuration(int months, String name) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO durations (id, months, discount_percentage, name) VALUES (?, ?, 0, ?)",
                id,
                months,
                name);
        return id;
    }

    private static int unusedMonths() {
        return 1_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    private static Map<String, Object> item(UUID product, UUID duration, int quantity) {
        return Map.of("product_id", product.toString(), "duration_id", duration.toString(), "quantity", quantity);
    }

    @Test
    void givenALegacyProductAndDurationWithBlankNames_thenTheyListShowQuoteAndOrderAsStored() {
        String type = "legacy-" + UUID.randomUUID();
        UUID product = legacyProduct("", type, " TB ", "Yes", "2.5000");
        int months = unusedMonths();
        UUID duration = legacyDuration(months, "");

        Api.asAdmin()
                .get("/api/v1/products?type=" + type)
                .then()
                .statusCode(200)
                .body("items.id", contains(product.toString()))
                .body("items[0].name", is(""))
                .body("items[0].unit", is(" TB "))
                .body("items[0].is_active", is(true))
                .body("items[0].description.length()", is(10_001));
        // 'Yes' reads as active, and the filter agrees
        Api.asAdmin()
                .get("/api/v1/products?is_active=true&type=" + type)
                .then()
                .statusCode(200)
                .body("items.id", contains(product.toString()));
        Api.asAdmin()
                .get("/api/v1/products?is_active=false&type=" + type)
                .then()
                .statusCode(200)
                .body("items", empty());
        Api.asAdmin()
                .get("/api/v1/products/" + product)
                .then()
                .statusCode(200)
                .body("name", is(""))
                .body("type", is(type))
                .body("unit", is(" TB "))
                .body("price_tiers[0].price_per_unit", is("2.5000"));
        Api.asAdmin()
                .get("/api/v1/products/" + product + "/price-tiers")
                .then()
                .statusCode(200)
                .body("price_tiers.min_quantity", contains(1));
        assertThat(Api.everyId("/api/v1/durations")).contains(duration.toString());
        Api.asAdmin()
                .get("/api/v1/durations/" + duration)
                .then()
                .statusCode(200)
                .body("name", is(""))
                .body("months", is(months));

        // the names are labels: 4 units × 2.5 a month × M months, no discount, 20 % VAT
        String gross = (10L * months) + ".00";
        String total = (12L * months) + ".00";
        JsonPath quote = Api.asAdmin()
                .body(Map.of("items", List.of(item(product, duration, 4))))
                .post("/api/v1/quotes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(quote.getString("items[0].product_name")).isEmpty();
        assertThat(quote.getString("items[0].product_unit")).isEqualTo(" TB ");
        assertThat(quote.getInt("items[0].duration_months")).isEqualTo(months);
        assertThat(quote.getString("subtotal")).isEqualTo(gross);
        assertThat(quote.getString("total_amount")).isEqualTo(total);

        UUID partner = TestData.partner(ds, "Legacy catalog " + UUID.randomUUID());
        String partnerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        String order = Api.as(partnerToken)
                .body(Map.of("items", List.of(item(product, duration, 4))))
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .body("items[0].product_name", is(""))
                .body("items[0].duration_months", is(months))
                .body("subtotal", is(gross))
                .body("total_amount", is(total))
                .extract()
                .path("id");
        assertThat(TestData.text(ds, "SELECT product_name FROM order_items WHERE order_id = ?", UUID.fromString(order)))
                .isEmpty();

        // reading never rewrote the rows
        assertThat(TestData.text(
                        ds, "SELECT name || '|' || unit || '|' || is_active FROM products WHERE id = ?", product))
                .isEqualTo("| TB |Yes");
        assertThat(TestData.text(ds, "SELECT name FROM durations WHERE id = ?", duration))
                .isEmpty();
    }

    @Test
    void givenALegacyProductWithoutTiers_thenItListsAndShows_butQuotingOrOrderingItIsA422NamingTheProduct() {
        String type = "legacy-" + UUID.randomUUID();
        UUID product = legacyProduct("Legacy untiered " + UUID.randomUUID(), type, "TB", "true", "1.0000");
        TestData.exec(ds, "DELETE FROM price_tiers WHERE product_id = ?", product);
        UUID duration = legacyDuration(unusedMonths(), "");

        Api.asAdmin()
                .get("/api/v1/products?type=" + type)
                .then()
                .statusCode(200)
                .body("items.id", contains(product.toString()))
                .body("items[0].price_tiers", empty());
        Api.asAdmin().get("/api/v1/products/" + product).then().statusCode(200).body("price_tiers", empty());
        Map<String, Object> body = Map.of("items", List.of(item(product, duration, 1)));
        Api.asAdmin()
                .body(body)
                .post("/api/v1/quotes")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", is("NO_TIER_FOR_QUANTITY"))
                .body("detail", containsString(product.toString()))
                .body("errors[0].field", is("items[0].quantity"));
        UUID partner = TestData.partner(ds, "Legacy untiered " + UUID.randomUUID());
        String partnerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        Api.as(partnerToken)
                .body(body)
                .post("/api/v1/orders")
                .then()
                .statusCode(422)
                .body("code", is("NO_TIER_FOR_QUANTITY"));
    }

    @Test
    void givenALegacyProductOrDuration_whenChanged_thenTheInputRulesApplyToWhatTheChangeWrites() {
        String type = "legacy-" + UUID.randomUUID();
        String paddedName = "  Legacy padded " + UUID.randomUUID() + "  ";
        UUID product = legacyProduct(paddedName, type, "", "t", "3.0000");
        UUID duration = legacyDuration(unusedMonths(), "   ");

        // the whole details are replaced: a blank unit kept in the request is refused
        Map<String, Object> details = new HashMap<>();
        details.put("name", paddedName);
        details.put("type", type);
        details.put("unit", "");
        Api.asAdmin()
                .body(details)
                .put("/api/v1/products/" + product)
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("unit"));
        // replacing only the tiers keeps the details as stored
        Api.asAdmin()
                .body(Map.of("price_tiers", List.of(CatalogFixtures.tier(1, null, "4.0000", "month"))))
                .put("/api/v1/products/" + product + "/price-tiers")
                .then()
                .statusCode(200)
                .body("price_tiers[0].price_per_unit", is("4.0000"));
        Api.asAdmin()
                .get("/api/v1/products/" + product)
                .then()
                .statusCode(200)
                .body("name", is(paddedName))
                .body("unit", is(""));
        assertThat(TestData.text(ds, "SELECT name || '|' || unit FROM products WHERE id = ?", product))
                .isEqualTo(paddedName + "|");
        // a fixed unit is accepted, and the name is trimmed as any written name
        details.put("unit", "TB");
        Api.asAdmin()
                .body(details)
                .put("/api/v1/products/" + product)
                .then()
                .statusCode(200)
                .body("name", is(paddedName.strip()))
                .body("unit", is("TB"));

        Api.asAdmin()
                .get("/api/v1/durations/" + duration)
                .then()
                .statusCode(200)
                .body("name", is("   "));
        Api.asAdmin()
                .body(Map.of("months", 7, "discount_percentage", "0", "name", "   "))
                .put("/api/v1/durations/" + duration)
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("name"));
    }
}
