package com.tentabo.prm.bootstrap.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.contract.port.in.ExpireContractsUseCase;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestOrders;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Order transitions, contract activation and lifecycle through the API, as the roles of the role table. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OrderLifecycleApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    ExpireContractsUseCase expiry;

    UUID partner;
    UUID otherPartner;
    String partnerToken;
    String otherPartnerToken;
    String fulfillerToken;
    String restrictedToken;
    UUID partnerUser;

    @BeforeEach
    void setUp() {
        partner = TestData.partner(ds, "Acme " + UUID.randomUUID());
        otherPartner = TestData.partner(ds, "Other " + UUID.randomUUID());
        partnerUser = TestData.user(ds, Role.PARTNER, partner, null);
        partnerToken = TestData.tokenFor(tokens, partnerUser);
        otherPartnerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, otherPartner, null));
        fulfillerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null));
        restrictedToken = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
    }

    /** An order of the partner priced as PRICING.md example 1 (gross 9000.00, net 8100.00, VAT 20 % → 9720.00). */
    UUID createdOrder(int months) {
        return TestOrders.created(ds, orders, partner, partnerUser, months);
    }

    static Map<String, Object> to(String status) {
        return Map.of("to", status, "reason", "because " + status);
    }

    @Test
    void givenCreatedOrder_partnerSends_fulfillerFulfils_adminActivates_thenContractCarriesTheTotals() {
        UUID order = createdOrder(12);
        Api.as(partnerToken)
                .get("/api/v1/orders/{id}", order)
                .then()
                .statusCode(200)
                .body("status", is("created"))
                .body("total_amount", is("9720.00"))
                .body("tax_amount", is("1620.00"))
                .body("items[0].bands[0].term_unit_price", is("150.000000"));
        Api.as(fulfillerToken).get("/api/v1/orders/{id}", order).then().statusCode(404);

        Api.as(partnerToken)
                .body(to("sent"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200)
                .body("status", is("sent"))
                .body("sent_at", not(is((Object) null)));
        assertThat(count("SELECT count(*) FROM outbox_events WHERE aggregate_id = ?", order))
                .isEqualTo(2);
        assertThat(count(
                        "SELECT count(*) FROM outbox_events WHERE aggregate_id = ? AND topic = 'billing.quote.requested' "
                                + "AND payload->'lines'->0->>'gross' = '9000.00'",
                        order))
                .isEqualTo(1);

        Api.as(partnerToken)
                .body(to("in_fulfillment"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(403);
        Api.as(otherPartnerToken)
                .body(to("cancelled"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(404);
        Api.as(fulfillerToken)
                .body(to("in_fulfillment"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        Api.as(fulfillerToken)
                .body(to("fulfilled"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200)
                .body("fulfilled_at", not(is((Object) null)));

        Api.as(partnerToken)
                .body("{}")
                .post("/api/v1/orders/{id}/contract", order)
                .then()
                .statusCode(403);
        String contract = Api.asAdmin()
                .body("{}")
                .post("/api/v1/orders/{id}/contract", order)
                .then()
                .statusCode(201)
                .body("status", is("active"))
                .body("total_value", is("9720.00"))
                .body("currency", is("EUR"))
                .body("contract_number", startsWith("CNT-"))
                .body("partner_id", is(partner.toString()))
                .body("billing_provider", is("none"))
                .extract()
                .path("id");
        Api.asAdmin()
                .body("{}")
                .post("/api/v1/orders/{id}/contract", order)
                .then()
                .statusCode(409)
                .body("code", is("CONTRACT_ALREADY_ACTIVATED"));
        Api.as(partnerToken).get("/api/v1/contracts/{id}", contract).then().statusCode(200);
        Api.as(otherPartnerToken).get("/api/v1/contracts/{id}", contract).then().statusCode(404);
        Api.as(partnerToken)
                .get("/api/v1/orders/{id}/notes", order)
                .then()
                .statusCode(200)
                .body("items.content", hasItem(containsString("because sent")));
    }

    @Test
    void givenFinalOrder_illegalMoveIsA422NamingFromAndTo() {
        UUID order = createdOrder(1);
        Api.asAdmin()
                .body(to("cancelled"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        Api.asAdmin()
                .body(to("sent"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", is("ILLEGAL_ORDER_TRANSITION"))
                .body("detail", containsString("from CANCELLED to SENT"));
        Api.asAdmin()
                .body(to("bogus"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("to"));
        Api.asAdmin()
                .body(to("sent"))
                .post("/api/v1/orders/{id}/transitions", "not-a-uuid")
                .then()
                .statusCode(400);
    }

    @Test
    void givenPartner_cancelsOnlyWhileCreated() {
        UUID order = createdOrder(1);
        Api.as(partnerToken)
                .body(to("sent"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        Api.as(partnerToken)
                .body(to("cancelled"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(403);
        Api.as(restrictedToken)
                .body(to("cancelled"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(403);
        UUID another = createdOrder(1);
        Api.as(partnerToken)
                .body(to("cancelled"))
                .post("/api/v1/orders/{id}/transitions", another)
                .then()
                .statusCode(200)
                .body("cancelled_at", not(is((Object) null)));
    }

    /** Four clients send the same order at once: one wins; the others see a conflict or an already-sent order. */
    @Test
    void givenConcurrentTransitionsOnOneOrder_exactlyOneWins() throws Exception {
        UUID order = createdOrder(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> Api.asAdmin()
                        .body(to("sent"))
                        .post("/api/v1/orders/{id}/transitions", order)
                        .then()
                        .extract()
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).isSubsetOf(200, 409, 422);
            assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM outbox_events WHERE aggregate_id = ?", order))
                    .isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenStaleIfMatch_transitionIsA412() {
        UUID order = createdOrder(1);
        Api.asAdmin()
                .header("If-Match", "\"7\"")
                .body(to("sent"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(412)
                .body("code", is("PRECONDITION_FAILED"));
        Api.asAdmin()
                .header("If-Match", "\"0\"")
                .body(to("sent"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200)
                .header("ETag", is("\"1\""));
    }

    @Test
    void givenActiveContract_adminMarksItLostWithReason_andTheExpiryJobExpiresOnlyDueContracts() {
        UUID order = createdOrder(1);
        for (String s : List.of("sent", "in_fulfillment", "fulfilled")) {
            Api.asAdmin()
                    .body(to(s))
                    .post("/api/v1/orders/{id}/transitions", order)
                    .then()
                    .statusCode(200);
        }
        String contract = Api.asAdmin()
                .body(Map.of("activation_date", "2020-01-01T00:00:00Z"))
                .post("/api/v1/orders/{id}/contract", order)
                .then()
                .statusCode(201)
                .body("expiration_date", is("2020-02-01T00:00:00Z"))
                .extract()
                .path("id");
        Api.asAdmin()
                .get("/api/v1/contracts?expiring_within_days=60&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(contract));
        assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);
        Api.asAdmin().get("/api/v1/contracts/{id}", contract).then().body("status", is("expired"));
        assertThat(expiry.expireDue()).isZero();
        assertThat(count(
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'expire'",
                        UUID.fromString(contract)))
                .isEqualTo(1);
        Api.asAdmin()
                .body(Map.of("to", "lost"))
                .post("/api/v1/contracts/{id}/transitions", contract)
                .then()
                .statusCode(400)
                .body("errors[0].field", is("reason"));
        Api.as(partnerToken)
                .body(to("lost"))
                .post("/api/v1/contracts/{id}/transitions", contract)
                .then()
                .statusCode(403);
        Api.asAdmin()
                .body(to("lost"))
                .post("/api/v1/contracts/{id}/transitions", contract)
                .then()
                .statusCode(200)
                .body("status", is("lost"));
        Api.asAdmin()
                .body(to("cancelled"))
                .post("/api/v1/contracts/{id}/transitions", contract)
                .then()
                .statusCode(422)
                .body("code", is("ILLEGAL_CONTRACT_TRANSITION"));
        Api.as(partnerToken)
                .get("/api/v1/contracts/{id}/notes", contract)
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        Api.asAdmin()
                .get("/api/v1/contracts/{id}/notes", contract)
                .then()
                .statusCode(200)
                .body("items.content", hasItem(containsString("because lost")));
    }

    @Test
    void notes_internalHiddenFromPartners_pinnedFirst() {
        UUID order = createdOrder(1);
        Api.asAdmin()
                .body(Map.of("content", "internal remark", "is_internal", true))
                .post("/api/v1/orders/{id}/notes", order)
                .then()
                .statusCode(201);
        Api.as(partnerToken)
                .body(Map.of("content", "first"))
                .post("/api/v1/orders/{id}/notes", order)
                .then()
                .statusCode(201);
        Api.as(partnerToken)
                .body(Map.of("content", "pinned by a partner", "is_pinned", true))
                .post("/api/v1/orders/{id}/notes", order)
                .then()
                .statusCode(403); // only staff pin
        Api.asAdmin()
                .body(Map.of("content", "pinned one", "is_pinned", true))
                .post("/api/v1/orders/{id}/notes", order)
                .then()
                .statusCode(201);
        Api.as(partnerToken)
                .body(Map.of("content", "sneaky", "is_internal", true))
                .post("/api/v1/orders/{id}/notes", order)
                .then()
                .statusCode(403);
        Api.as(partnerToken)
                .get("/api/v1/orders/{id}/notes", order)
                .then()
                .statusCode(200)
                .body("items.content", is(List.of("pinned one", "first")));
        Api.asAdmin()
                .get("/api/v1/orders/{id}/notes", order)
                .then()
                .statusCode(200)
                .body("items.content[0]", is("pinned one"))
                .body("items.content", hasItem("internal remark"));
    }

    @Test
    void lists_areScopedAndPaginated() {
        UUID a = createdOrder(1);
        UUID b = createdOrder(1);
        Api.as(otherPartnerToken)
                .get("/api/v1/orders?limit=200")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(a.toString())));
        String cursor = Api.as(partnerToken)
                .get("/api/v1/orders?limit=1")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .extract()
                .path("next_cursor");
        Api.as(partnerToken)
                .get("/api/v1/orders?limit=1&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].id", not(is(b.toString())));
        Api.as(partnerToken)
                .get("/api/v1/orders?limit=0")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("limit"));
        Api.as(partnerToken)
                .get("/api/v1/orders?cursor=garbage")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("cursor"));
        Api.as(partnerToken).get("/api/v1/orders?status=nope").then().statusCode(400);
        Api.as(fulfillerToken)
                .get("/api/v1/orders?limit=200")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(a.toString())));
    }

    @Test
    void lists_filterByCreationStartAndEndDays_inclusive_andRefuseABadOrInvertedRange() {
        UUID lastMinute = createdOrder(1);
        UUID nextDay = createdOrder(1);
        TestData.exec(ds, "UPDATE orders SET created_at = '2024-02-10T23:59:59Z' WHERE id = ?", lastMinute);
        TestData.exec(ds, "UPDATE orders SET created_at = '2024-02-11T00:00:00Z' WHERE id = ?", nextDay);
        Api.as(partnerToken)
                .get("/api/v1/orders?created_from=2024-02-10&created_to=2024-02-10")
                .then()
                .statusCode(200)
                .body("items.id", is(List.of(lastMinute.toString())));
        Api.as(partnerToken)
                .get("/api/v1/orders?created_from=2024-02-11&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(nextDay.toString()))
                .body("items.id", not(hasItem(lastMinute.toString())));
        Api.as(otherPartnerToken)
                .get("/api/v1/orders?created_from=2024-02-10&created_to=2024-02-11")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        Api.as(partnerToken)
                .get("/api/v1/orders?created_from=2024-02-31")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("created_from"));
        Api.as(partnerToken)
                .get("/api/v1/orders?created_from=2024-02-11&created_to=2024-02-10")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("created_to"));
        Api.as(partnerToken)
                .get("/api/v1/orders?created_to=0000-01-01")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("created_to"));

        for (String s : List.of("sent", "in_fulfillment", "fulfilled")) {
            Api.asAdmin()
                    .body(to(s))
                    .post("/api/v1/orders/{id}/transitions", lastMinute)
                    .then()
                    .statusCode(200);
        }
        String contract = Api.asAdmin()
                .body(Map.of("activation_date", "2024-03-05T10:00:00Z"))
                .post("/api/v1/orders/{id}/contract", lastMinute)
                .then()
                .statusCode(201)
                .body("expiration_date", is("2024-04-05T10:00:00Z"))
                .extract()
                .path("id");
        Api.as(partnerToken)
                .get("/api/v1/contracts?activated_from=2024-03-05&activated_to=2024-03-05")
                .then()
                .statusCode(200)
                .body("items.id", is(List.of(contract)));
        Api.as(partnerToken)
                .get("/api/v1/contracts?activated_from=2024-03-06")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        Api.as(partnerToken)
                .get("/api/v1/contracts?expires_from=2024-04-05&expires_to=2024-04-05")
                .then()
                .statusCode(200)
                .body("items.id", is(List.of(contract)));
        Api.as(partnerToken)
                .get("/api/v1/contracts?expires_to=2024-04-04")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        Api.as(partnerToken)
                .get("/api/v1/contracts?expires_from=2024-04-05&expires_to=2024-04-04")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("expires_to"));
        Api.as(partnerToken)
                .get("/api/v1/contracts?activated_from=yesterday")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("activated_from"));
    }

    long count(String sql, UUID id) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
