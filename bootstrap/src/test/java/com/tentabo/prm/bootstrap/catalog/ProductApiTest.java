package com.tentabo.prm.bootstrap.catalog;

import static com.tentabo.prm.bootstrap.catalog.CatalogFixtures.tier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** /api/v1/products and /price-tiers against the real database: roles, validation, atomic tier replacement, audit. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ProductApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    static Map<String, Object> productBody(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "appliance");
        body.put("unit", "TB");
        body.put("description", "Backup appliance");
        return body;
    }

    @Test
    void givenAnAdmin_whenCreatingAProduct_thenItIsVolumeActiveByDefault_readableByAnyone_andAudited() {
        String name = "Backup box " + UUID.randomUUID();
        JsonPath created = Api.asAdmin()
                .body(productBody(name))
                .post("/api/v1/products")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/products/"))
                .body("pricing_mode", is("volume"))
                .body("is_active", is(true))
                .body("price_tiers.size()", is(0))
                .extract()
                .jsonPath();
        String id = created.getString("id");

        UUID partner = TestData.partner(ds, "Reader " + UUID.randomUUID());
        String partnerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        Api.as(partnerToken)
                .get("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .body("name", is(name))
                .body("unit", is("TB"));
        assertThat(CatalogFixtures.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_type = 'product' "
                                + "AND action = 'create' AND entity_id = ? AND admin_user_id IS NOT NULL",
                        UUID.fromString(id)))
                .isEqualTo(1);
        assertThat(CatalogFixtures.count(
                        ds,
                        "SELECT count(*) FROM products WHERE id = ? AND pricing_mode = 'VOLUME' "
                                + "AND is_active = 'true'",
                        UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void givenPartnerDistributorAndFulfillerUsers_whenWritingTheCatalog_then403_whileARestrictedAdminMay() {
        UUID partner = TestData.partner(ds, "P " + UUID.randomUUID());
        UUID distributor = TestData.distributor(ds, "D " + UUID.randomUUID());
        List<String> refused = List.of(
                TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null)),
                TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor)),
                TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null)));
        String existing = CatalogFixtures.product("Guarded", "volume", CatalogFixtures.tiersA());
        for (String token : refused) {
            Api.as(token)
                    .body(productBody("Nope " + UUID.randomUUID()))
                    .post("/api/v1/products")
                    .then()
                    .statusCode(403)
                    .body("code", is("FORBIDDEN"));
            Api.as(token)
                    .body(Map.of("price_tiers", CatalogFixtures.tiersB()))
                    .put("/api/v1/products/" + existing + "/price-tiers")
                    .then()
                    .statusCode(403);
            Api.as(token).delete("/api/v1/products/" + existing).then().statusCode(403);
            Api.as(token)
                    .get("/api/v1/products/" + existing + "/price-tiers")
                    .then()
                    .statusCode(200);
        }
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        Api.as(restricted)
                .body(productBody("Restricted " + UUID.randomUUID()))
                .post("/api/v1/products")
                .then()
                .statusCode(201);
    }

    @Test
    void givenValidTiers_whenReplacingTheSet_thenTheWholeSetIsReplaced_andTheChangeIsAudited() {
        String id = CatalogFixtures.product("Replace", "volume", CatalogFixtures.tiersA());
        Api.asAdmin()
                .body(Map.of("price_tiers", CatalogFixtures.tiersB()))
                .put("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(200)
                .body("price_tiers.min_quantity", contains(1, 6))
                .body("price_tiers.max_quantity", contains(5, null))
                .body("price_tiers.price_per_unit", contains("99.9900", "89.9900"))
                .body("price_tiers.period", contains("year", "year"));
        assertThat(CatalogFixtures.count(
                        ds, "SELECT count(*) FROM price_tiers WHERE product_id = ?", UUID.fromString(id)))
                .isEqualTo(2);
        assertThat(CatalogFixtures.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_type = 'product' "
                                + "AND action = 'replace_price_tiers' AND entity_id = ? AND changes::text LIKE '%6-* at 89.9900/year%'",
                        UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void givenTiersBreakingSeveralRules_whenReplacing_then422ListsEveryViolation_andNothingChanges() {
        String id = CatalogFixtures.product("Atomic", "graduated", CatalogFixtures.tiersA());
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(tier(2, 10, "20", "month")); // must start at 0 or 1
        bad.add(tier(12, null, "-15", "month")); // gap, negative price, open-ended before the last
        bad.add(tier(30, 40, "12.123456", "year")); // too many decimals
        Api.asAdmin()
                .body(Map.of("price_tiers", bad))
                .put("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", is("INVALID_PRICE_TIERS"))
                .body("errors.field", contains("price_tiers[1].price_per_unit", "price_tiers[2].price_per_unit"));
        List<Map<String, Object>> rulesOnly =
                List.of(tier(2, 10, "20", "month"), tier(12, null, "15", "month"), tier(30, 40, "12", "year"));
        JsonPath problem = Api.asAdmin()
                .body(Map.of("price_tiers", rulesOnly))
                .put("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(422)
                .extract()
                .jsonPath();
        assertThat(problem.getList("errors.field", String.class))
                .containsExactly(
                        "price_tiers[0].min_quantity",
                        "price_tiers[1].min_quantity",
                        "price_tiers[2].period",
                        "price_tiers[1].max_quantity");

        Api.asAdmin()
                .get("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(200)
                .body("pricing_mode", is("graduated"))
                .body("price_tiers.min_quantity", contains(1, 11, 51));
    }

    @Test
    void givenMalformedTierBodies_whenReplacing_thenTheProblemNamesTheField() {
        String id = CatalogFixtures.product("Malformed", "volume", CatalogFixtures.tiersA());
        Api.asAdmin()
                .body("{\"price_tiers\":[{\"min_quantity\":1,\"price_per_unit\":\"1\",\"period\":\"week\"}]}")
                .put("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("price_tiers[0].period"));
        Api.asAdmin()
                .body("{\"price_tiers\":[]}")
                .put("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(422)
                .body("errors[0].field", is("price_tiers"));
        Api.asAdmin()
                .body("{}")
                .put("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(422)
                .body("code", is("INVALID_PRICE_TIERS"));
        Api.asAdmin()
                .body("{\"price_tiers\":[{\"min_quantity\":1,\"price_per_unit\":1,\"period\":\"month\",\"colour\":1}]}")
                .put("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
        Api.asAdmin()
                .body(Map.of("price_tiers", CatalogFixtures.tiersA()))
                .put("/api/v1/products/not-a-uuid/price-tiers")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("id"));
        Api.asAdmin()
                .body(Map.of("price_tiers", CatalogFixtures.tiersA()))
                .put("/api/v1/products/" + UUID.randomUUID() + "/price-tiers")
                .then()
                .statusCode(404)
                .body("code", is("PRODUCT_NOT_FOUND"));
    }

    @Test
    void givenAProduct_whenUpdated_thenAttributesChange_tiersStay_andTheDiffIsAudited() {
        String id = CatalogFixtures.product("Updatable", "volume", CatalogFixtures.tiersA());
        Map<String, Object> body = productBody("Renamed " + UUID.randomUUID());
        body.put("is_active", false);
        body.put("pricing_mode", "graduated");
        Api.asAdmin()
                .body(body)
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .body("is_active", is(false))
                .body("pricing_mode", is("graduated"))
                .body("price_tiers.min_quantity", contains(1, 11, 51));
        assertThat(CatalogFixtures.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'update' "
                                + "AND (changes -> 'is_active') IS NOT NULL AND (changes -> 'pricing_mode') IS NOT NULL AND (changes -> 'price_tiers') IS NULL",
                        UUID.fromString(id)))
                .isEqualTo(1);
        Api.asAdmin()
                .get("/api/v1/products?is_active=false&pricing_mode=graduated&q=" + body.get("name"))
                .then()
                .statusCode(200)
                .body("items.id", contains(id));

        // the same body again changes nothing, so nothing is audited
        Api.asAdmin().body(body).put("/api/v1/products/" + id).then().statusCode(200);
        assertThat(CatalogFixtures.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'update'",
                        UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void givenInvalidAttributes_whenCreating_then400NamingTheField_andADuplicateNameIs409() {
        Map<String, Object> body = productBody(" ");
        Api.asAdmin().body(body).post("/api/v1/products").then().statusCode(400).body("errors[0].field", is("name"));
        Map<String, Object> longType = productBody("Long type " + UUID.randomUUID());
        longType.put("type", "x".repeat(101));
        Api.asAdmin()
                .body(longType)
                .post("/api/v1/products")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("type"));
        Map<String, Object> badMode = productBody("Mode " + UUID.randomUUID());
        badMode.put("pricing_mode", "tiered");
        Api.asAdmin()
                .body(badMode)
                .post("/api/v1/products")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("pricing_mode"));

        String name = "Unique " + UUID.randomUUID();
        Api.asAdmin().body(productBody(name)).post("/api/v1/products").then().statusCode(201);
        Api.asAdmin()
                .body(productBody(name))
                .post("/api/v1/products")
                .then()
                .statusCode(409)
                .body("code", is("DUPLICATE_VALUE"))
                .body("errors[0].field", is("name"));
    }

    @Test
    void givenAProductAnOrderRefersTo_whenDeleted_then409ProductInUse_andDeactivatingWorks() {
        String used = CatalogFixtures.product("Ordered", "volume", CatalogFixtures.tiersA());
        String month = CatalogFixtures.duration(ds, 1, "0");
        UUID author = TestData.user(ds, Role.ADMIN, null, null);
        UUID order = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO orders (id, order_number, status, created_by) VALUES (?, ?, 'CREATED', ?)",
                order,
                "ORD-TEST-" + order,
                author);
        TestData.exec(
                ds,
                "INSERT INTO order_items (order_id, product_id, duration_id, quantity, unit_price, subtotal, total, "
                        + "product_name, product_type, product_unit, duration_months) VALUES (?, ?, ?, 1, 20, 20, 20, 'x', 'y', 'z', 1)",
                order,
                UUID.fromString(used),
                UUID.fromString(month));

        Api.asAdmin()
                .delete("/api/v1/products/" + used)
                .then()
                .statusCode(409)
                .body("code", is("PRODUCT_IN_USE"))
                .body("detail", containsString("deactivate"));
        Api.asAdmin()
                .delete("/api/v1/durations/" + month)
                .then()
                .statusCode(409)
                .body("code", is("DURATION_IN_USE"));
        Map<String, Object> deactivate = productBody("Ordered deactivated " + UUID.randomUUID());
        deactivate.put("is_active", false);
        Api.asAdmin()
                .body(deactivate)
                .put("/api/v1/products/" + used)
                .then()
                .statusCode(200)
                .body("is_active", is(false));

        String unused = CatalogFixtures.product("Unused", "volume", CatalogFixtures.tiersA());
        Api.asAdmin().delete("/api/v1/products/" + unused).then().statusCode(204);
        Api.asAdmin().get("/api/v1/products/" + unused).then().statusCode(404).body("code", is("PRODUCT_NOT_FOUND"));
        assertThat(CatalogFixtures.count(
                        ds, "SELECT count(*) FROM price_tiers WHERE product_id = ?", UUID.fromString(unused)))
                .isZero();
        assertThat(CatalogFixtures.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'delete'",
                        UUID.fromString(unused)))
                .isEqualTo(1);
    }

    @Test
    void givenAStaleETag_whenUpdating_then412_andTheCurrentETagSucceeds() {
        String id = CatalogFixtures.product("Versioned", "volume", CatalogFixtures.tiersA());
        String etag = Api.asAdmin()
                .get("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(etag).isNotBlank();
        Map<String, Object> body = productBody("Versioned " + UUID.randomUUID());
        String next = Api.asAdmin()
                .header("If-Match", etag)
                .body(body)
                .put("/api/v1/products/" + id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(next).isNotEqualTo(etag);
        Api.asAdmin()
                .header("If-Match", etag)
                .body(Map.of("price_tiers", CatalogFixtures.tiersB()))
                .put("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(412)
                .body("code", is("PRECONDITION_FAILED"));
        Api.asAdmin()
                .header("If-Match", next)
                .body(Map.of("price_tiers", CatalogFixtures.tiersB()))
                .put("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(200);
    }

    @Test
    void givenConcurrentTierReplacements_whenTheyAllCommit_thenTheSetIsExactlyOneOfThem() throws Exception {
        String id = CatalogFixtures.product("Concurrent", "volume", CatalogFixtures.tiersA());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                List<Map<String, Object>> tiers = i % 2 == 0 ? CatalogFixtures.tiersA() : CatalogFixtures.tiersB();
                results.add(pool.submit(() -> Api.asAdmin()
                        .body(Map.of("price_tiers", tiers))
                        .put("/api/v1/products/" + id + "/price-tiers")
                        .then()
                        .extract()
                        .statusCode()));
            }
            for (var r : results) {
                assertThat(r.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> mins = Api.asAdmin()
                .get("/api/v1/products/" + id + "/price-tiers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("price_tiers.min_quantity", Integer.class);
        assertThat(mins).isIn(List.of(1, 11, 51), List.of(1, 6));
        assertThat(CatalogFixtures.count(
                        ds, "SELECT count(*) FROM price_tiers WHERE product_id = ?", UUID.fromString(id)))
                .isEqualTo(mins.size());
    }

    @Test
    void givenManyProducts_whenListing_thenKeysetPagesAreNewestFirstWithoutGapsOrRepeats() {
        String type = "paging-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = productBody("Paged " + i + " " + UUID.randomUUID());
            body.put("type", type);
            ids.add(
                    0,
                    Api.asAdmin()
                            .body(body)
                            .post("/api/v1/products")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = Api.asAdmin()
                    .queryParam("type", type)
                    .queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/api/v1/products")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);

        Api.asAdmin().get("/api/v1/products?limit=0").then().statusCode(400).body("errors[0].field", is("limit"));
        Api.asAdmin().get("/api/v1/products?limit=abc").then().statusCode(400).body("errors[0].field", is("limit"));
        Api.asAdmin().get("/api/v1/products?cursor=%%%").then().statusCode(400).body("errors[0].field", is("cursor"));
        Api.asAdmin()
                .get("/api/v1/products?is_active=maybe")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("is_active"));
        Api.asAdmin()
                .get("/api/v1/products?q=%25_!&limit=1")
                .then()
                .statusCode(200)
                .body("next_cursor", nullValue());
    }
}
