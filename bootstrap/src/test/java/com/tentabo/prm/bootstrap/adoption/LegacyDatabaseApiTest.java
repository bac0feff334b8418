package com.tentabo.prm.bootstrap.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.testing.LegacyDatabases;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The service started on a database of the replaced system at the end of its Alembic chain (736c4265309c, the
 * revision its latest code leaves), with rows of every table: the start adopts it (baseline 1.8, then 1.9 and V2
 * onwards), every legacy value is unchanged, every row reads through the API by id and in its list, the legacy
 * structures show as docs/legacy-data.md says, a new order becomes a contract, legacy admins sign in with their
 * original passwords and legacy API keys still work. Its own Quarkus boot (another database); the other revisions are
 * adopted at the persistence level by LegacyAdoptionTest.
 */
@QuarkusTest
@WithTestResource(LegacyChainEndResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LegacyDatabaseApiTest {

    private static final String LEGACY_ADMIN = "a0000000-0000-4000-8000-000000000001";
    private static final String SHORT_PASSWORD = "Legacy-Admin-2025!";
    private static final String LONG_PASSWORD =
            "Très longue phrase de passe de l'ancien système Tentabo, bien plus longue que soixante-douze octets !";
    private static final String LEGACY_KEY = "tnt_Lg4cyK3yF0rTh3R3plac3dSyst3m_abcdefghij0123";
    private static final String ACME = "b0000000-0000-4000-8000-000000000001";

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    private String admin() {
        return tokens.issue(PrincipalKind.ADMIN_USER, UUID.fromString(LEGACY_ADMIN), "legacy.admin")
                .token();
    }

    @Test
    @Order(1)
    void adoptedAtChainEnd_everyLegacyValueIsUnchanged() throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(System.getProperty(LegacyChainEndResource.FINGERPRINTS)))) {
            before.put(line.substring(0, line.lastIndexOf('=')), line.substring(line.lastIndexOf('=') + 1));
        }
        Map<String, List<String>> legacyColumns = new LinkedHashMap<>();
        before.keySet().forEach(key -> {
            String table = key.substring(0, key.indexOf('('));
            legacyColumns.put(
                    table.equals("api_keys") ? "legacy_api_keys" : table,
                    List.of(key.substring(key.indexOf('(') + 1, key.length() - 1)
                            .split(",")));
        });
        try (Connection c = ds.getConnection()) {
            assertThat(LegacyDatabases.fingerprints(c, legacyColumns).values())
                    .containsExactlyElementsOf(before.values());
            assertThat(LegacyDatabases.single(
                            c,
                            "SELECT version || ' ' || description FROM flyway_schema_history "
                                    + "WHERE type = 'BASELINE'"))
                    .isEqualTo("1.8 seed schema adopted at alembic 736c4265309c (contracts.contract_type)");
            assertThat(LegacyDatabases.single(c, "SELECT count(*) FROM flyway_schema_history WHERE version = '1.9'"))
                    .isEqualTo("1");
        }
        assertThat(before).hasSizeGreaterThanOrEqualTo(26);
    }

    @Test
    @Order(2)
    void everyLegacyRow_readsByIdAndInItsList() {
        String token = admin();
        for (String[] entity : new String[][] {
            {"admin_users", "/api/v1/admin-users"},
            {"users", "/api/v1/users"},
            {"partners", "/api/v1/partners"},
            {"distributors", "/api/v1/distributors"},
            {"products", "/api/v1/products"},
            {"durations", "/api/v1/durations"},
            {"leads", "/api/v1/leads"},
            {"orders", "/api/v1/orders"},
            {"contracts", "/api/v1/contracts"},
            {"provider_configs", "/api/v1/providers"},
            {"audit_logs", "/api/v1/audit-logs"},
            {"webhook_events", "/api/v1/webhook-events"},
            {"provider_sync_logs", "/api/v1/sync-logs"}
        }) {
            List<String> stored = ids("SELECT id FROM " + entity[0]);
            assertThat(listed(token, entity[1])).as(entity[1]).containsAll(stored);
            if (!entity[0].equals("provider_sync_logs") && !entity[0].equals("audit_logs")) {
                for (String id : stored) {
                    Api.as(token)
                            .get(entity[1] + "/{id}", id)
                            .then()
                            .statusCode(200)
                            .body("id", is(id));
                }
            }
        }
        for (String product : ids("SELECT id FROM products")) {
            // tiers have no id of their own in the API: every stored tier, as (min, max, price, period)
            JsonPath tiers = Api.as(token)
                    .get("/api/v1/products/{id}/price-tiers", product)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<String> shown = new ArrayList<>();
            for (int i = 0; i < tiers.getList("price_tiers").size(); i++) {
                shown.add(tiers.getString("price_tiers[" + i + "].min_quantity") + " "
                        + tiers.getString("price_tiers[" + i + "].max_quantity") + " "
                        + tiers.getString("price_tiers[" + i + "].price_per_unit") + " "
                        + tiers.getString("price_tiers[" + i + "].period").toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(shown)
                    .containsExactlyInAnyOrderElementsOf(
                            ids("SELECT min_quantity || ' ' || coalesce(max_quantity::text, "
                                    + "'null') || ' ' || price_per_unit || ' ' || period FROM price_tiers WHERE product_id = '"
                                    + product + "'"));
        }
        for (String lead : ids("SELECT id FROM leads")) {
            assertThat(listed(token, "/api/v1/leads/" + lead + "/activities"))
                    .containsAll(ids("SELECT id FROM lead_activities WHERE lead_id = '" + lead + "'"));
            assertThat(listed(token, "/api/v1/leads/" + lead + "/notes"))
                    .containsAll(ids("SELECT id FROM lead_notes WHERE lead_id = '" + lead + "'"));
            assertThat(listed(token, "/api/v1/leads/" + lead + "/status-history"))
                    .containsAll(ids("SELECT id FROM lead_status_history WHERE lead_id = '" + lead + "'"));
        }
        for (String order : ids("SELECT id FROM orders")) {
            assertThat(Api.as(token)
                            .get("/api/v1/orders/{id}", order)
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getList("items.id", String.class))
                    .containsExactlyInAnyOrderElementsOf(
                            ids("SELECT id FROM order_items WHERE order_id = '" + order + "'"));
            assertThat(listed(token, "/api/v1/orders/" + order + "/notes"))
                    .containsAll(ids("SELECT id FROM notes WHERE order_id = '" + order + "'"));
        }
        for (String contract : ids("SELECT id FROM contracts")) {
            assertThat(listed(token, "/api/v1/contracts/" + contract + "/notes"))
                    .containsAll(ids("SELECT id FROM notes WHERE contract_id = '" + contract + "'"));
        }
        for (String distributor : ids("SELECT id FROM distributors")) {
            // the assignment list shows the active assignments
            assertThat(listed(token, "/api/v1/distributors/" + distributor + "/partners"))
                    .containsAll(ids("SELECT id FROM distributor_partners WHERE distributor_id = '" + distributor
                            + "' AND is_active"));
        }
    }

    @Test
    @Order(3)
    void legacyStructures_showAsDocumented() {
        String token = admin();
        // product_types: the product's type is its type's name, as stored (untrimmed, differently cased)
        Api.as(token)
                .get("/api/v1/products/{id}", "e0000000-0000-4000-8000-000000000004")
                .then()
                .statusCode(200)
                .body("type", is("license"));
        Api.as(token)
                .get("/api/v1/products/{id}", "e0000000-0000-4000-8000-000000000003")
                .then()
                .statusCode(200)
                .body("type", is("Storage "));
        // contracts without an order; the replaced system's type and cadence, read-only
        Api.as(token)
                .get("/api/v1/contracts/{id}", "30000000-0000-4000-8000-000000000009")
                .then()
                .statusCode(200)
                .body("order_id", nullValue())
                .body("contract_type", is("msp"))
                .body("periodicity_months", is(3))
                .body("value_per_period", is("375.00"));
        Api.as(token)
                .get("/api/v1/contracts/{id}", "30000000-0000-4000-8000-000000000001")
                .then()
                .statusCode(200)
                .body("order_id", is("20000000-0000-4000-8000-000000000001"))
                .body("contract_type", is("other"))
                .body("periodicity_months", nullValue());
        Api.as(token)
                .body(Map.of())
                .post("/api/v1/contracts/{id}/renewal", "30000000-0000-4000-8000-000000000003")
                .then()
                .statusCode(422)
                .body("code", is("CONTRACT_NOT_RENEWABLE"));
        // the replaced system's key still works; the one it revoked does not
        Api.as(LEGACY_KEY).get("/api/v1/auth/me").then().statusCode(200).body("id", is(LEGACY_ADMIN));
        Api.as("tnt_R3v0k3dL3gacyK3y-zyxwvutsrqponmlkjihgfedcba")
                .get("/api/v1/auth/me")
                .then()
                .statusCode(401);
    }

    @Test
    @Order(4)
    void aNewOrder_becomesAContract_namingItsPennylaneCustomer() {
        String token = admin();
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("name", "Adopted firewall " + UUID.randomUUID());
        product.put("type", "firewall");
        product.put("unit", "unit");
        product.put("price_tiers", List.of(Map.of("min_quantity", 1, "price_per_unit", "100.0000", "period", "month")));
        String productId = Api.as(token)
                .body(product)
                .post("/api/v1/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(TestData.text(
                        ds,
                        "SELECT pt.name FROM products p JOIN product_types pt ON pt.id = p.type_id WHERE p.id = ?::uuid",
                        productId))
                .isEqualTo("firewall");

        String order = Api.as(token)
                .body(Map.of(
                        "partner_id",
                        ACME,
                        "items",
                        List.of(Map.of(
                                "product_id",
                                productId,
                                "duration_id",
                                "f0000000-0000-4000-8000-000000000001",
                                "quantity",
                                2))))
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String to : List.of("sent", "in_fulfillment", "fulfilled")) {
            Api.as(token)
                    .body(Map.of("to", to))
                    .post("/api/v1/orders/{id}/transitions", order)
                    .then()
                    .statusCode(200);
        }
        JsonPath contract = Api.as(token)
                .body(Map.of())
                .post("/api/v1/orders/{id}/contract", order)
                .then()
                .statusCode(201)
                .body("order_id", is(order))
                .body("contract_type", is("reseller"))
                .extract()
                .jsonPath();
        assertThat(TestData.text(
                        ds,
                        "SELECT customer_id::text || ' ' || contract_type FROM contracts WHERE id = ?::uuid",
                        contract.getString("id")))
                .isEqualTo("71000000-0000-4000-8000-000000000003 RESELLER");

        // a company with no Pennylane customer cannot have a contract in this database: a clear 422, nothing stored
        String orphan = Api.as(token)
                .body(Map.of(
                        "partner_id",
                        "b0000000-0000-4000-8000-000000000002",
                        "items",
                        List.of(Map.of(
                                "product_id",
                                productId,
                                "duration_id",
                                "f0000000-0000-4000-8000-000000000001",
                                "quantity",
                                1))))
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String to : List.of("sent", "in_fulfillment", "fulfilled")) {
            Api.as(token)
                    .body(Map.of("to", to))
                    .post("/api/v1/orders/{id}/transitions", orphan)
                    .then()
                    .statusCode(200);
        }
        Api.as(token)
                .body(Map.of())
                .post("/api/v1/orders/{id}/contract", orphan)
                .then()
                .statusCode(422)
                .body("code", is("BUSINESS_RULE_VIOLATED"));
        assertThat(TestData.count(ds, "SELECT count(*) FROM contracts WHERE order_id = ?::uuid", orphan))
                .isZero();
    }

    @Test
    @Order(5)
    void legacyAdmins_signInWithTheirOriginalPasswords_reHashedInOurScheme() {
        String address = Api.freshAddress();
        // the adopted LDAP row is active without a url: a wrong password is still a wrong password
        Api.from(address)
                .body(Map.of("username", "legacy.admin", "password", "not-the-password"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401)
                .body("code", is("INVALID_CREDENTIALS"));

        Api.from(address)
                .body(Map.of("username", "legacy.admin", "password", SHORT_PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);
        assertThat(TestData.text(ds, "SELECT password_hash FROM admin_users WHERE username = 'legacy.admin'"))
                .startsWith("$2a$12$");
        Api.from(address)
                .body(Map.of("username", "legacy.longpass", "password", LONG_PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);
        assertThat(TestData.text(ds, "SELECT password_hash FROM admin_users WHERE username = 'legacy.longpass'"))
                .startsWith("$sha256$2a$12$");
        // and again, with the new hashes
        Api.from(address)
                .body(Map.of("username", "legacy.admin", "password", SHORT_PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);
        Api.from(address)
                .body(Map.of("username", "legacy.longpass", "password", LONG_PASSWORD))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);
        Api.from(address)
                .body(Map.of("username", "legacy.longpass", "password", LONG_PASSWORD.substring(0, 72)))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(401);
    }

    @Test
    @Order(6)
    void theMisconfiguredLegacyLdapRow_isReportedByItsHealthCheck() {
        Api.as(admin())
                .post("/api/v1/providers/{id}/health-check", "50000000-0000-4000-8000-000000000002")
                .then()
                .statusCode(200)
                .body("provider.health_status", is("degraded"))
                .body("provider.health_check_error", org.hamcrest.Matchers.containsString("url is missing"));
    }

    private List<String> ids(String sql) {
        List<String> ids = new ArrayList<>();
        try (Connection c = ds.getConnection();
                var st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The ids a list endpoint answers: a plain array, or keyset pages of {@code items} followed to the end. */
    private static List<String> listed(String token, String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = Api.as(token).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get(path);
            response.then().statusCode(200);
            JsonPath page = response.jsonPath();
            if (response.asString().strip().startsWith("[")) {
                return page.getList("id", String.class);
            }
            ids.addAll(page.getList("items.id", String.class));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return ids;
    }
}
