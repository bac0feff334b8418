package com.tentabo.prm.bootstrap.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.contract.port.in.ExpireContractsUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The whole commercial flow through the REST API, each step by a role that may take it and refused to the roles
 * that may not: products with tiers → won lead converted → order (PRICING.md examples 1 and 2, to the cent) → SENT → IN_FULFILLMENT →
 * FULFILLED → contract → expiry → renewal → renewed contract → upgrade.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OrderToContractEndToEndTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    ExpireContractsUseCase expiry;

    static Map<String, Object> tier(Integer min, Integer max, String price) {
        Map<String, Object> t = new HashMap<>();
        t.put("min_quantity", min);
        t.put("max_quantity", max);
        t.put("price_per_unit", price);
        t.put("period", "month");
        return t;
    }

    static String product(String mode) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Storage " + mode + " " + UUID.randomUUID());
        body.put("type", "service");
        body.put("unit", "TB");
        body.put("pricing_mode", mode);
        body.put("price_tiers", List.of(tier(1, 10, "20.0000"), tier(11, 50, "15.0000"), tier(51, null, "12.5000")));
        return Api.asAdmin()
                .body(body)
                .post("/api/v1/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** The 12-month duration at 10 % (months are unique in the shared test database: upsert). */
    String twelveMonthsTenPercent() {
        TestData.exec(
                ds,
                "INSERT INTO durations (id, months, discount_percentage, name) VALUES (?, 12, 10.00, '12 months') "
                        + "ON CONFLICT (months) DO UPDATE SET discount_percentage = 10.00",
                UUID.randomUUID());
        return single("SELECT id::text FROM durations WHERE months = 12");
    }

    static Map<String, Object> item(String product, String duration, int quantity) {
        return Map.of("product_id", product, "duration_id", duration, "quantity", quantity);
    }

    static Map<String, Object> to(String status) {
        return Map.of("to", status, "reason", "step " + status);
    }

    @Test
    void productToRenewedContract_asTheRolesThatMayTakeEachStep() {
        UUID partner = TestData.partner(ds, "Acme " + UUID.randomUUID());
        UUID distributor = TestData.distributor(ds, "Distri " + UUID.randomUUID());
        TestData.assign(ds, distributor, partner, true);
        String partnerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        String distributorToken = TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor));
        String fulfiller = TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null));
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        String stranger = TestData.tokenFor(
                tokens, TestData.user(ds, Role.PARTNER, TestData.partner(ds, "X " + UUID.randomUUID()), null));

        String volume = product("volume");
        String graduated = product("graduated");
        String year = twelveMonthsTenPercent();
        Map<String, Object> order = Map.of("items", List.of(item(volume, year, 60), item(graduated, year, 60)));

        // --- a lead of the partner, won and converted into an order that keeps lead_id and the lead's company
        String lead = Api.as(partnerToken)
                .body(Map.of(
                        "title",
                        "Storage deal",
                        "organization",
                        "Globex",
                        "contact_name",
                        "Hank",
                        "value",
                        "9720.00",
                        "currency",
                        "EUR"))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(partnerToken)
                .body(Map.of("items", List.of(item(volume, year, 60))))
                .post("/api/v1/leads/{id}/convert", lead)
                .then()
                .statusCode(422)
                .body("code", is("LEAD_NOT_WON"));
        Api.as(partnerToken)
                .body(Map.of("status", "won", "reason", "signed"))
                .post("/api/v1/leads/{id}/status", lead)
                .then()
                .statusCode(200);
        Api.as(stranger)
                .body(Map.of("items", List.of(item(volume, year, 60))))
                .post("/api/v1/leads/{id}/convert", lead)
                .then()
                .statusCode(404);
        Api.as(distributorToken)
                .body(Map.of("items", List.of(item(volume, year, 60))))
                .post("/api/v1/leads/{id}/convert", lead)
                .then()
                .statusCode(403);
        Api.as(partnerToken)
                .body(Map.of("items", List.of(item(volume, year, 60))))
                .post("/api/v1/leads/{id}/convert", lead)
                .then()
                .statusCode(201)
                .body("lead_id", is(lead))
                .body("partner_id", is(partner.toString()))
                .body("total_amount", is("9720.00"));
        Api.as(partnerToken)
                .get("/api/v1/orders?lead_id=" + lead)
                .then()
                .statusCode(200)
                .body("items.size()", is(1));

        // --- order: placed by the partner, priced by the engine (examples 1 and 2 of PRICING.md)
        Api.as(distributorToken).body(order).post("/api/v1/orders").then().statusCode(403);
        Api.as(fulfiller).body(order).post("/api/v1/orders").then().statusCode(403);
        JsonPath placed = Api.as(partnerToken)
                .header("Idempotency-Key", "e2e-" + partner)
                .body(order)
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .body("order_number", matchesPattern("ORD-\\d{8}-\\d{6,}"))
                .body("status", is("created"))
                .body("partner_id", is(partner.toString()))
                .body("currency", is("EUR"))
                .body("tax_rate", is("20.00"))
                .body("items[0].subtotal", is("9000.00"))
                .body("items[0].total", is("8100.00"))
                .body("items[0].unit_price", is("12.5000"))
                .body("items[1].subtotal", is("11100.00"))
                .body("items[1].total", is("9990.00"))
                .body("items[1].discount_amount", is("1110.00"))
                .body("items[1].bands.size()", is(3))
                .body("subtotal", is("20100.00"))
                .body("discount_amount", is("2010.00"))
                .body("tax_amount", is("3618.00"))
                .body("total_amount", is("21708.00"))
                .extract()
                .jsonPath();
        String orderId = placed.getString("id");
        // a retried create returns the first order; the same key with another body is refused
        Api.as(partnerToken)
                .header("Idempotency-Key", "e2e-" + partner)
                .body(order)
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(orderId));
        Api.as(partnerToken)
                .header("Idempotency-Key", "e2e-" + partner)
                .body(Map.of("items", List.of(item(volume, year, 61))))
                .post("/api/v1/orders")
                .then()
                .statusCode(422)
                .body("code", is("IDEMPOTENCY_KEY_REUSED"));
        assertThat(single("SELECT count(*)::text FROM orders WHERE partner_id = '" + partner + "' AND lead_id IS NULL"))
                .isEqualTo("1");
        Api.as(distributorToken).get("/api/v1/orders/{id}", orderId).then().statusCode(200);
        Api.as(stranger).get("/api/v1/orders/{id}", orderId).then().statusCode(404);

        // items editable while CREATED; totals recomputed (example 1 alone)
        Api.as(partnerToken)
                .body(Map.of("items", List.of(item(volume, year, 60))))
                .patch("/api/v1/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .body("total_amount", is("9720.00"))
                .body("tax_amount", is("1620.00"));
        Api.as(partnerToken)
                .body(Map.of("items", order.get("items")))
                .patch("/api/v1/orders/{id}", orderId)
                .then()
                .statusCode(200)
                .body("total_amount", is("21708.00"));

        // --- send (partner), fulfil (fulfiller); the others are refused
        Api.as(distributorToken)
                .body(to("sent"))
                .post("/api/v1/orders/{id}/transitions", orderId)
                .then()
                .statusCode(403);
        Api.as(partnerToken)
                .body(to("sent"))
                .post("/api/v1/orders/{id}/transitions", orderId)
                .then()
                .statusCode(200);
        Api.as(partnerToken)
                .body(Map.of("items", List.of(item(volume, year, 1))))
                .patch("/api/v1/orders/{id}", orderId)
                .then()
                .statusCode(409)
                .body("code", is("ORDER_NOT_EDITABLE"));
        Api.as(restricted)
                .body(to("in_fulfillment"))
                .post("/api/v1/orders/{id}/transitions", orderId)
                .then()
                .statusCode(403);
        Api.as(fulfiller)
                .body(to("in_fulfillment"))
                .post("/api/v1/orders/{id}/transitions", orderId)
                .then()
                .statusCode(200);
        Api.as(partnerToken)
                .body(to("fulfilled"))
                .post("/api/v1/orders/{id}/transitions", orderId)
                .then()
                .statusCode(403);
        Api.as(fulfiller)
                .body(to("fulfilled"))
                .post("/api/v1/orders/{id}/transitions", orderId)
                .then()
                .statusCode(200)
                .body("status", is("fulfilled"));

        // --- contract: activated by the fulfiller, 13 months ago, so that its 12-month term is already over
        Instant thirteenMonthsAgo = Instant.now()
                .atOffset(ZoneOffset.UTC)
                .minusMonths(13)
                .withNano(0)
                .toInstant();
        Api.as(partnerToken)
                .body(Map.of())
                .post("/api/v1/orders/{id}/contract", orderId)
                .then()
                .statusCode(403);
        JsonPath contract = Api.as(fulfiller)
                .body(Map.of("activation_date", thirteenMonthsAgo.toString()))
                .post("/api/v1/orders/{id}/contract", orderId)
                .then()
                .statusCode(201)
                .body("status", is("active"))
                .body("total_value", is("21708.00"))
                .body("currency", is("EUR"))
                .body("partner_id", is(partner.toString()))
                .extract()
                .jsonPath();
        String contractId = contract.getString("id");
        Instant expiration = Instant.parse(contract.getString("expiration_date"));
        assertThat(expiration)
                .isEqualTo(thirteenMonthsAgo
                        .atOffset(ZoneOffset.UTC)
                        .plusMonths(12)
                        .toInstant());
        Api.as(distributorToken)
                .get("/api/v1/contracts?expiring_within_days=60&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(contractId));

        // --- expiry by the daily job
        expiry.expireDue();
        Api.as(partnerToken)
                .get("/api/v1/contracts/{id}", contractId)
                .then()
                .statusCode(200)
                .body("status", is("expired"));

        // --- renewal (ADMIN only): same items at today's catalog, starting at the old expiration
        Api.as(partnerToken)
                .body(Map.of())
                .post("/api/v1/contracts/{id}/renewal", contractId)
                .then()
                .statusCode(403);
        Api.as(stranger)
                .body(Map.of())
                .post("/api/v1/contracts/{id}/renewal", contractId)
                .then()
                .statusCode(404);
        String renewalKey = "renew-" + contractId;
        String renewalOrder = Api.asAdmin()
                .header("Idempotency-Key", renewalKey)
                .body(Map.of())
                .post("/api/v1/contracts/{id}/renewal", contractId)
                .then()
                .statusCode(201)
                .body("kind", is("renewal"))
                .body("replaces_contract_id", is(contractId))
                .body("total_amount", is("21708.00"))
                .body("partner_id", is(partner.toString()))
                .extract()
                .path("id");
        Api.asAdmin()
                .header("Idempotency-Key", renewalKey)
                .body(Map.of()) // a retried renewal: the same order, no second
                .post("/api/v1/contracts/{id}/renewal", contractId)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(renewalOrder));
        for (String status : List.of("sent", "in_fulfillment", "fulfilled")) {
            Api.asAdmin()
                    .body(to(status))
                    .post("/api/v1/orders/{id}/transitions", renewalOrder)
                    .then()
                    .statusCode(200);
        }
        String renewed = Api.as(fulfiller)
                .body(Map.of())
                .post("/api/v1/orders/{id}/contract", renewalOrder)
                .then()
                .statusCode(201)
                .body("renewed_from_id", is(contractId))
                .body("activation_date", is(expiration.toString()))
                .extract()
                .path("id");
        Api.asAdmin().get("/api/v1/contracts/{id}", contractId).then().body("status", is("expired"));
        Api.asAdmin()
                .get("/api/v1/contracts?expiring_within_days=60&limit=200")
                .then()
                .body("items.id", not(hasItem(contractId)));

        // --- upgrade of the renewed contract: more units; the old one becomes UPGRADED on activation
        String upgrade = Api.asAdmin()
                .body(Map.of("kind", "upgrade", "items", List.of(item(volume, year, 100))))
                .post("/api/v1/contracts/{id}/renewal", renewed)
                .then()
                .statusCode(201)
                .body("kind", is("upgrade"))
                .body(
                        "total_amount",
                        is(new BigDecimal("12.5000")
                                .multiply(BigDecimal.valueOf(12 * 100))
                                .multiply(new BigDecimal("0.9"))
                                .multiply(new BigDecimal("1.2"))
                                .setScale(2)
                                .toPlainString()))
                .extract()
                .path("id");
        for (String status : List.of("sent", "in_fulfillment", "fulfilled")) {
            Api.asAdmin()
                    .body(to(status))
                    .post("/api/v1/orders/{id}/transitions", upgrade)
                    .then()
                    .statusCode(200);
        }
        Api.asAdmin()
                .body(Map.of())
                .post("/api/v1/orders/{id}/contract", upgrade)
                .then()
                .statusCode(201)
                .body("renewed_from_id", is(renewed));
        Api.as(partnerToken).get("/api/v1/contracts/{id}", renewed).then().body("status", is("upgraded"));
        assertThat(single("SELECT count(*)::text FROM audit_logs WHERE entity_id = '" + orderId + "'"))
                .isEqualTo("6");
    }

    String single(String sql) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
