package com.tentabo.prm.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestCatalog;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A distributor's scope is the records of the partners actively assigned to it now, plus its own records without a
 * partner: records stamped with its id while a partner was assigned leave its scope when the assignment ends (by id,
 * in lists, in notes and activities, in the dashboard). New records need an active (partner, distributor) pair;
 * derived records take the partner's active distributor at the time they are created.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DistributorScopeApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    UUID partner;
    UUID distributor;
    UUID author;
    TestCatalog catalog;

    @BeforeEach
    void setUp() {
        partner = TestData.partner(ds, "Scope P " + UUID.randomUUID());
        distributor = TestData.distributor(ds, "Scope D " + UUID.randomUUID());
        author = TestData.user(ds, Role.ADMIN, null, null);
        catalog = TestCatalog.create(ds);
    }

    @Test
    void givenAnEndedAssignment_thenRecordsStampedWithTheDistributorAnswer404_andLeaveItsListsAndDashboard() {
        TestData.assign(ds, distributor, partner, true);
        String token = TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor));
        UUID lead = lead(partner, distributor, "QUALIFIED");
        TestData.exec(
                ds,
                "INSERT INTO lead_notes (lead_id, content, created_by_user_id) VALUES (?, 'old note', ?)",
                lead,
                author);
        UUID order = order(partner, distributor, "SENT", null);
        UUID contract = contract(partner, distributor);
        UUID renewal = order(partner, distributor, "CREATED", contract);
        UUID own = lead(null, distributor, "NEW");
        Api.as(token).get("/api/v1/leads/" + lead).then().statusCode(200);
        assertThat(Api.as(token)
                        .get("/api/v1/dashboard")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("pipeline.open_count"))
                .isEqualTo(2);

        TestData.assign(ds, distributor, partner, false);

        for (String path : List.of(
                "/leads/" + lead,
                "/leads/" + lead + "/notes",
                "/leads/" + lead + "/activities",
                "/leads/" + lead + "/status-history")) {
            Api.as(token).get("/api/v1" + path).then().statusCode(404).body("code", is("LEAD_NOT_FOUND"));
        }
        for (String path : List.of("/orders/" + order, "/orders/" + order + "/notes", "/orders/" + renewal)) {
            Api.as(token).get("/api/v1" + path).then().statusCode(404).body("code", is("ORDER_NOT_FOUND"));
        }
        for (String path : List.of("/contracts/" + contract, "/contracts/" + contract + "/notes")) {
            Api.as(token).get("/api/v1" + path).then().statusCode(404).body("code", is("CONTRACT_NOT_FOUND"));
        }
        Api.as(token)
                .body(Map.of("content", "late"))
                .post("/api/v1/leads/" + lead + "/notes")
                .then()
                .statusCode(404);
        assertThat(ids(token, "/api/v1/leads")).containsExactly(own.toString());
        assertThat(ids(token, "/api/v1/orders")).isEmpty();
        assertThat(ids(token, "/api/v1/contracts")).isEmpty();
        JsonPath dashboard = Api.as(token)
                .queryParam("expiring_within_days", 365)
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(dashboard.getInt("pipeline.open_count")).isEqualTo(1); // its own partner-less lead only
        assertThat(dashboard.getInt("renewals.count")).isZero();
        assertThat(dashboard.getInt("orders.by_status.find { it.status == 'sent' }.count"))
                .isZero();
    }

    @Test
    void givenAPartnerAssignedToAnotherDistributor_thenItsRecordsStampedWithThisOneAreOutOfScope() {
        UUID other = TestData.distributor(ds, "Scope other " + UUID.randomUUID());
        TestData.assign(ds, other, partner, true);
        String token = TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor));
        UUID lead = lead(partner, distributor, "NEW");

        Api.as(token).get("/api/v1/leads/" + lead).then().statusCode(404);
        Api.as(TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, other)))
                .get("/api/v1/leads/" + lead)
                .then()
                .statusCode(200);
    }

    @Test
    void givenAPairThatIsNotActivelyAssigned_whenAnAdminCreatesALeadOrAnOrder_then422() {
        TestData.assign(ds, distributor, partner, false);
        Api.asAdmin()
                .body(Map.of(
                        "title",
                        "t",
                        "organization",
                        "o",
                        "contact_name",
                        "c",
                        "partner_id",
                        partner.toString(),
                        "distributor_id",
                        distributor.toString()))
                .post("/api/v1/leads")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", is("ASSIGNMENT_NOT_ACTIVE"));
        Api.asAdmin()
                .body(catalog.order(Map.of("partner_id", partner.toString(), "distributor_id", distributor.toString())))
                .post("/api/v1/orders")
                .then()
                .statusCode(422)
                .body("code", is("ASSIGNMENT_NOT_ACTIVE"));

        TestData.assign(ds, distributor, partner, true);
        Api.asAdmin()
                .body(Map.of(
                        "title",
                        "t",
                        "organization",
                        "o",
                        "contact_name",
                        "c",
                        "partner_id",
                        partner.toString(),
                        "distributor_id",
                        distributor.toString()))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .body("distributor_id", is(distributor.toString()));
        Api.asAdmin()
                .body(catalog.order(Map.of("partner_id", partner.toString(), "distributor_id", distributor.toString())))
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .body("distributor_id", is(distributor.toString()));
    }

    @Test
    void givenAssignmentsThatMove_thenEachDerivedRecordTakesThePartnersActiveDistributorAtItsCreation() {
        UUID first = distributor;
        UUID second = TestData.distributor(ds, "Scope second " + UUID.randomUUID());
        UUID third = TestData.distributor(ds, "Scope third " + UUID.randomUUID());
        TestData.assign(ds, first, partner, true);
        UUID lead = lead(partner, first, "WON");
        moveAssignment(first, second);

        String order = Api.asAdmin()
                .body(Map.of("items", catalog.order(Map.of()).get("items")))
                .post("/api/v1/leads/" + lead + "/convert")
                .then()
                .statusCode(201)
                .body("distributor_id", is(second.toString()))
                .extract()
                .path("id");
        for (String to : List.of("sent", "in_fulfillment", "fulfilled")) {
            Api.asAdmin()
                    .body(Map.of("to", to))
                    .post("/api/v1/orders/" + order + "/transitions")
                    .then()
                    .statusCode(200);
        }
        moveAssignment(second, third);
        String contract = Api.asAdmin()
                .body(Map.of())
                .post("/api/v1/orders/" + order + "/contract")
                .then()
                .statusCode(201)
                .body("distributor_id", is(third.toString()))
                .extract()
                .path("id");
        TestData.assign(ds, third, partner, false); // no active assignment: the renewal belongs to the partner only
        Api.asAdmin()
                .body(Map.of())
                .post("/api/v1/contracts/" + contract + "/renewal")
                .then()
                .statusCode(201)
                .body("partner_id", is(partner.toString()))
                .body("distributor_id", is((String) null));
    }

    private void moveAssignment(UUID from, UUID to) {
        TestData.assign(ds, from, partner, false);
        TestData.assign(ds, to, partner, true);
    }

    private static List<String> ids(String token, String path) {
        return Api.as(token)
                .queryParam("limit", 200)
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    private UUID lead(UUID partnerId, UUID distributorId, String status) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO leads (id, provider_name, title, organization, contact_name, value, currency, status, "
                        + "owner_id, partner_id, distributor_id) VALUES (?, 'manual', 'Scope lead', 'Org', 'Contact', 10.00, "
                        + "'EUR', ?::leadstatus, ?, ?, ?)",
                id,
                status,
                author,
                partnerId,
                distributorId);
        return id;
    }

    private UUID order(UUID partnerId, UUID distributorId, String status, UUID replaces) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO orders (id, order_number, status, created_by, partner_id, distributor_id, subtotal, "
                        + "discount_amount, tax_amount, total_amount, tax_rate, sent_at, kind, replaces_contract_id) VALUES "
                        + "(?, ?, ?::orderstatus, ?, ?, ?, 20.00, 0, 4.00, 24.00, 20.00, CASE WHEN ? <> 'CREATED' THEN now() END, "
                        + "?, ?)",
                id,
                "ORD-SCOPE-" + id,
                status,
                author,
                partnerId,
                distributorId,
                status,
                replaces == null ? "NEW" : "RENEWAL",
                replaces);
        return id;
    }

    private UUID contract(UUID partnerId, UUID distributorId) {
        UUID order = order(partnerId, distributorId, "FULFILLED", null);
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, "
                        + "partner_id, distributor_id, expiration_date, total_value, currency) VALUES (?, ?, ?, 'ACTIVE', 'none', ?, ?, ?, "
                        + "now() + interval '1 month', 24.00, 'EUR')",
                id,
                "CNT-SCOPE-" + id,
                order,
                author,
                partnerId,
                distributorId);
        return id;
    }
}
