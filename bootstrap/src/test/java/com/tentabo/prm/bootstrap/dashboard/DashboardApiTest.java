package com.tentabo.prm.bootstrap.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
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
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/dashboard} on a partner (P1) assigned to a distributor (D), next to a stranger partner (P2) whose
 * records must never be counted for them; sums checked to the cent.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DashboardApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    UUID p1;
    UUID p2;
    UUID distributor;
    UUID author;
    Instant now;

    @BeforeEach
    void setUp() {
        p1 = TestData.partner(ds, "Dash P1 " + UUID.randomUUID());
        p2 = TestData.partner(ds, "Dash P2 " + UUID.randomUUID());
        distributor = TestData.distributor(ds, "Dash D " + UUID.randomUUID());
        TestData.assign(ds, distributor, p1, true);
        author = TestData.user(ds, Role.ADMIN, null, null);
        now = Instant.now();

        lead(p1, "NEW", "100.00", "EUR");
        lead(p1, "NEW", "7.00", null);
        lead(p1, "QUALIFIED", "250.50", "EUR");
        lead(p1, "QUALIFIED", null, "EUR");
        lead(p1, "WON", "1000.00", "EUR");
        lead(p1, "LOST", "5.00", "USD");
        lead(p2, "NEW", "999.00", "EUR");

        order(p1, "CREATED", "EUR", "120.00", "20.00", null, null);
        order(p1, "SENT", "EUR", "50.00", "10.00", now, null);
        order(p1, "FULFILLED", "EUR", "1200.00", "200.00", now, now);
        order(p1, "FULFILLED", "USD", "60.00", "10.00", now, monthsAgo(2));
        order(p1, "FULFILLED", "EUR", "9.99", "1.99", now, monthsAgo(13)); // before the 12 months shown
        order(p2, "FULFILLED", "EUR", "777.00", "77.00", now, now);

        contract(p1, "ACTIVE", now.plus(Duration.ofDays(10)), "300.00", "EUR", null);
        contract(p1, "ACTIVE", now.plus(Duration.ofDays(45)), "150.25", "EUR", null);
        contract(p1, "ACTIVE", now.plus(Duration.ofDays(200)), "999.00", "EUR", null);
        UUID renewed = contract(p1, "ACTIVE", now.plus(Duration.ofDays(5)), "50.00", "EUR", null);
        contract(p1, "ACTIVE", now.plus(Duration.ofDays(400)), "50.00", "EUR", renewed); // its successor
        contract(p1, "EXPIRED", now.minus(Duration.ofDays(3)), "70.00", "EUR", null);
        contract(p2, "ACTIVE", now.plus(Duration.ofDays(3)), "888.00", "EUR", null);
    }

    @Test
    void givenAPartnerUser_thenItsDashboardSumsOnlyItsOwnRecords_perStatusAndCurrency() {
        JsonPath d = Api.as(TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, p1, null)))
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(d.getList("pipeline.by_status.status"))
                .containsExactly("new", "contacted", "qualified", "proposal", "negotiation", "won", "lost");
        assertThat(line(d, "pipeline", "new"))
                .containsEntry("count", 2)
                .containsEntry("amounts", List.of(Map.of("currency", "EUR", "amount", "100.00"), nullCurrency("7.00")));
        assertThat(line(d, "pipeline", "qualified"))
                .containsEntry("count", 2)
                .containsEntry("amounts", List.of(Map.of("currency", "EUR", "amount", "250.50")));
        assertThat(line(d, "pipeline", "contacted")).containsEntry("count", 0).containsEntry("amounts", List.of());
        assertThat(d.getInt("pipeline.open_count")).isEqualTo(4);
        assertThat(d.getList("pipeline.open_value"))
                .containsExactly(Map.of("currency", "EUR", "amount", "350.50"), nullCurrency("7.00"));

        assertThat(line(d, "orders", "fulfilled")).containsEntry("count", 3);
        assertThat(d.getList("orders.by_status.find { it.status == 'fulfilled' }.amounts"))
                .containsExactly(
                        Map.of("currency", "EUR", "amount", "1209.99"), Map.of("currency", "USD", "amount", "60.00"));
        assertThat(line(d, "orders", "created")).containsEntry("count", 1);

        List<Map<String, Object>> months = d.getList("revenue.months");
        assertThat(months).hasSize(12);
        YearMonth current = YearMonth.from(now.atOffset(ZoneOffset.UTC));
        assertThat(months.get(11))
                .containsEntry("month", current.toString())
                .containsEntry("fulfilled_orders", 1)
                .containsEntry("net", List.of(Map.of("currency", "EUR", "amount", "1000.00")));
        assertThat(months.get(9))
                .containsEntry("month", current.minusMonths(2).toString())
                .containsEntry("net", List.of(Map.of("currency", "USD", "amount", "50.00")));
        assertThat(months.get(0))
                .containsEntry("month", current.minusMonths(11).toString())
                .containsEntry("fulfilled_orders", 0);

        assertThat(d.getInt("renewals.within_days")).isEqualTo(60);
        assertThat(d.getInt("renewals.count")).isEqualTo(2);
        assertThat(d.getList("renewals.value")).containsExactly(Map.of("currency", "EUR", "amount", "450.25"));
        assertThat(d.getList("renewals.soonest.total_value")).containsExactly("300.00", "150.25");
        assertThat(d.getString("renewals.soonest[0].status")).isEqualTo("active");

        // bookings: every order sent this month and not cancelled, net, whatever its fulfilment month
        List<Map<String, Object>> booked = d.getList("bookings.months");
        assertThat(booked).hasSize(12);
        assertThat(booked.get(11))
                .containsEntry("month", current.toString())
                .containsEntry("orders", 4)
                .containsEntry(
                        "net",
                        List.of(
                                Map.of("currency", "EUR", "amount", "1048.00"),
                                Map.of("currency", "USD", "amount", "50.00")));
        // monthly recurring revenue of the 5 ACTIVE contracts: terms of 1 (10 days), 1 (45), 7 (200), 1 (5), 13 (400)
        // months
        assertThat(d.getInt("recurring.active_contracts")).isEqualTo(5);
        assertThat(d.getList("recurring.monthly")).containsExactly(Map.of("currency", "EUR", "amount", "646.81"));
        assertThat(d.getList("top_partners")).isNull(); // a partner ranks no partners
    }

    @Test
    void givenADistributorUser_thenItsAssignedPartnersCount_andAStrangersNever() {
        JsonPath d = Api.as(TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor)))
                .queryParam("expiring_within_days", 365)
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(d.getInt("pipeline.open_count")).isEqualTo(4);
        assertThat(line(d, "orders", "fulfilled")).containsEntry("count", 3);
        assertThat(d.getInt("renewals.count")).isEqualTo(3);
        assertThat(d.getList("renewals.value")).containsExactly(Map.of("currency", "EUR", "amount", "1449.25"));
        assertThat(d.getList("renewals.soonest.partner_id")).containsOnly(p1.toString());
        assertThat(d.getList("top_partners"))
                .containsExactly(
                        Map.of(
                                "partner_id",
                                p1.toString(),
                                "name",
                                d.getString("top_partners[0].name"),
                                "currency",
                                "EUR",
                                "orders",
                                3,
                                "net",
                                "1048.00"),
                        Map.of(
                                "partner_id",
                                p1.toString(),
                                "name",
                                d.getString("top_partners[0].name"),
                                "currency",
                                "USD",
                                "orders",
                                1,
                                "net",
                                "50.00"));
        assertThat(d.getString("top_partners[0].name")).startsWith("Dash P1 ");

        TestData.assign(ds, distributor, p1, false); // the assignment ends: P1's records leave the scope
        JsonPath after = Api.as(TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor)))
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(after.getInt("pipeline.open_count")).isZero();
        assertThat(after.getInt("renewals.count")).isZero();
    }

    @Test
    void givenAFulfiller_thenNoPipeline_andOnlySentOrders() {
        JsonPath d = Api.as(TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null)))
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .body("pipeline", nullValue())
                .extract()
                .jsonPath();
        assertThat(line(d, "orders", "created")).containsEntry("count", 0); // sums every sent order: none is CREATED
        assertThat(d.getList("revenue.months")).hasSize(12);
        assertThat(d.getMap("renewals")).isNotNull();
    }

    @Test
    void givenAnAdmin_thenEverythingCounts_andBadInputIsA400() {
        JsonPath d = Api.asAdmin()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(d.getInt("pipeline.open_count")).isGreaterThanOrEqualTo(5);
        assertThat(new BigDecimal(d.getString("orders.by_status.find { it.status == 'fulfilled' }.amounts"
                        + ".find { it.currency == 'EUR' }.amount")))
                .isGreaterThanOrEqualTo(new BigDecimal("1986.99"));

        for (String bad : List.of("-1", "3661", "soon")) {
            Api.asAdmin()
                    .queryParam("expiring_within_days", bad)
                    .get("/api/v1/dashboard")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", is("VALIDATION_FAILED"));
        }
        RestAssured.given().get("/api/v1/dashboard").then().statusCode(401);
    }

    static Map<String, Object> nullCurrency(String amount) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("currency", null);
        m.put("amount", amount);
        return m;
    }

    static Map<String, Object> line(JsonPath d, String section, String status) {
        return d.getMap(section + ".by_status.find { it.status == '" + status + "' }");
    }

    Instant monthsAgo(int months) {
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    void lead(UUID partner, String status, String value, String currency) {
        TestData.exec(
                ds,
                "INSERT INTO leads (id, provider_name, title, organization, contact_name, value, currency, "
                        + "status, owner_id, partner_id) VALUES (?, 'manual', 't', 'o', 'c', ?, ?, ?::leadstatus, ?, ?)",
                UUID.randomUUID(),
                value == null ? null : new BigDecimal(value),
                currency,
                status,
                author,
                partner);
    }

    UUID order(
            UUID partner,
            String status,
            String currency,
            String total,
            String tax,
            Instant sentAt,
            Instant fulfilledAt) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO orders (id, order_number, status, created_by, partner_id, total_amount, tax_amount, "
                        + "currency, sent_at, fulfilled_at) VALUES (?, ?, ?::orderstatus, ?, ?, ?, ?, ?, ?, ?)",
                id,
                "ORD-DASH-" + id,
                status,
                author,
                partner,
                new BigDecimal(total),
                new BigDecimal(tax),
                currency,
                sentAt == null ? null : Timestamp.from(sentAt),
                fulfilledAt == null ? null : Timestamp.from(fulfilledAt));
        return id;
    }

    /** A contract, with an order of its own that belongs to no company (so that it counts in no scoped order sum). */
    UUID contract(UUID partner, String status, Instant expires, String value, String currency, UUID renewedFrom) {
        UUID order = order(null, "CREATED", "EUR", "0.00", "0.00", null, null);
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, "
                        + "partner_id, expiration_date, total_value, currency, renewed_from_id) "
                        + "VALUES (?, ?, ?, ?::contractstatus, 'pennylane', ?, ?, ?, ?, ?, ?)",
                id,
                "CNT-DASH-" + id,
                order,
                status,
                author,
                partner,
                Timestamp.from(expires),
                new BigDecimal(value),
                currency,
                renewedFrom);
        return id;
    }
}
