package com.tentabo.prm.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rules nobody may get around by the way they call: only staff set an order's VAT rate; notes follow the role table per
 * parent and only staff pin; notes and activities come in keyset pages; one caller holds a bounded number of
 * Idempotency-Keys (the test profile allows 200).
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class SecurityRulesApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    UUID partner;
    UUID distributor;
    String partnerToken;
    TestCatalog catalog;

    @BeforeEach
    void setUp() {
        partner = TestData.partner(ds, "Rules P " + UUID.randomUUID());
        distributor = TestData.distributor(ds, "Rules D " + UUID.randomUUID());
        TestData.assign(ds, distributor, partner, true);
        partnerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        catalog = TestCatalog.create(ds);
    }

    @Test
    void onlyStaffSetTheTaxRate_partnersGetTheConfiguredOne() {
        for (String rate : List.of("0", "20.00", "5.5")) {
            Api.as(partnerToken)
                    .body(catalog.order(Map.of("tax_rate", rate)))
                    .post("/api/v1/orders")
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("code", is("BUSINESS_RULE_VIOLATED"))
                    .body("errors[0].field", is("tax_rate"));
        }
        String id = Api.as(partnerToken)
                .body(catalog.order(Map.of()))
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .body("tax_rate", is("20.00"))
                .extract()
                .path("id");
        Api.as(partnerToken)
                .body(Map.of("tax_rate", "0"))
                .patch("/api/v1/orders/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].field", is("tax_rate"));
        Api.as(partnerToken)
                .body(Map.of("items", catalog.order(Map.of()).get("items")))
                .patch("/api/v1/orders/" + id)
                .then()
                .statusCode(200)
                .body("tax_rate", is("20.00"));

        Api.asAdmin()
                .body(catalog.order(Map.of("partner_id", partner.toString(), "tax_rate", "5.5")))
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .body("tax_rate", is("5.50"));
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        Api.as(restricted)
                .body(Map.of("tax_rate", "10"))
                .patch("/api/v1/orders/" + id)
                .then()
                .statusCode(200)
                .body("tax_rate", is("10.00"));
    }

    @Test
    void notesFollowTheRoleTablePerParent_andOnlyStaffPin() {
        String order = Api.as(partnerToken)
                .body(catalog.order(Map.of()))
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String distributorToken = TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor));
        Api.as(distributorToken).get("/api/v1/orders/" + order).then().statusCode(200); // it sees the order …
        Api.as(distributorToken)
                .body(Map.of("content", "d"))
                .post("/api/v1/orders/" + order + "/notes")
                .then()
                .statusCode(403)
                .body("code", is("FORBIDDEN")); // … but does not write on it
        Api.as(partnerToken)
                .body(Map.of("content", "p", "is_pinned", true))
                .post("/api/v1/orders/" + order + "/notes")
                .then()
                .statusCode(403);
        Api.as(partnerToken)
                .body(Map.of("content", "p"))
                .post("/api/v1/orders/" + order + "/notes")
                .then()
                .statusCode(201)
                .body("is_pinned", is(false));

        for (String to : List.of("sent", "in_fulfillment", "fulfilled")) {
            Api.asAdmin()
                    .body(Map.of("to", to))
                    .post("/api/v1/orders/" + order + "/transitions")
                    .then()
                    .statusCode(200);
        }
        String contract = Api.asAdmin()
                .body(Map.of())
                .post("/api/v1/orders/" + order + "/contract")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        Api.as(restricted).get("/api/v1/contracts/" + contract).then().statusCode(200);
        for (String token : List.of(restricted, partnerToken, distributorToken)) {
            Api.as(token)
                    .body(Map.of("content", "c"))
                    .post("/api/v1/contracts/" + contract + "/notes")
                    .then()
                    .statusCode(403);
        }
        String fulfiller = TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null));
        Api.as(fulfiller)
                .body(Map.of("content", "c", "is_pinned", true))
                .post("/api/v1/contracts/" + contract + "/notes")
                .then()
                .statusCode(201)
                .body("is_pinned", is(true));
    }

    @Test
    void notesAndActivitiesComeInKeysetPages_pinnedNotesFirst() {
        String lead = Api.asAdmin()
                .body(Map.of("title", "t", "organization", "o", "contact_name", "c"))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            notes.add(
                    0,
                    Api.asAdmin()
                            .body(Map.of("content", "n" + i))
                            .post("/api/v1/leads/" + lead + "/notes")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id"));
        }
        assertThat(pages("/api/v1/leads/" + lead + "/notes")).isEqualTo(notes);

        List<String> activities = new ArrayList<>();
        for (String due : List.of("2031-03-01T10:00:00Z", "", "2031-01-01T10:00:00Z", "", "2031-02-01T10:00:00Z")) {
            Map<String, Object> body = new HashMap<>(Map.of("activity_type", "call", "subject", "s"));
            if (!due.isEmpty()) {
                body.put("due_date", due);
            }
            activities.add(Api.asAdmin()
                    .body(body)
                    .post("/api/v1/leads/" + lead + "/activities")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id"));
        }
        assertThat(pages("/api/v1/leads/" + lead + "/activities"))
                .containsExactly(
                        activities.get(2), activities.get(4), activities.get(0), activities.get(1), activities.get(3));

        String order = Api.as(partnerToken)
                .body(catalog.order(Map.of()))
                .post("/api/v1/orders")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        List<String> plain = new ArrayList<>();
        List<String> pinned = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            boolean pin = i % 2 == 1;
            String id = Api.asAdmin()
                    .body(Map.of("content", "o" + i, "is_pinned", pin))
                    .post("/api/v1/orders/" + order + "/notes")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            (pin ? pinned : plain).add(0, id);
        }
        List<String> expected = new ArrayList<>(pinned);
        expected.addAll(plain);
        assertThat(pages("/api/v1/orders/" + order + "/notes")).isEqualTo(expected);

        Api.asAdmin()
                .get("/api/v1/orders/" + order + "/notes?limit=0")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("limit"));
        Api.asAdmin()
                .get("/api/v1/leads/" + lead + "/notes?cursor=garbage")
                .then()
                .statusCode(400)
                .body("code", is("INVALID_CURSOR"));
        Api.asAdmin()
                .get("/api/v1/leads/" + lead + "/activities?limit=201")
                .then()
                .statusCode(400);
    }

    /** Every id of a paginated list, read two at a time. */
    private static List<String> pages(String path) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = Api.asAdmin().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(path).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 10);
        return ids;
    }

    @Test
    void aCallerHoldsABoundedNumberOfIdempotencyKeys_theOldestAreEvicted() {
        UUID user = TestData.user(ds, Role.RESTRICTED_ADMIN, null, null);
        String token = TestData.tokenFor(tokens, user);
        String lead = Api.as(token)
                .body(Map.of("title", "t", "organization", "o", "contact_name", "c"))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String first = Api.as(token)
                .header("Idempotency-Key", "oldest")
                .body(Map.of("content", "x"))
                .post("/api/v1/leads/" + lead + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        TestData.exec(
                ds, "UPDATE idempotency_keys SET created_at = now() - interval '1 hour' WHERE principal_id = ?", user);
        TestData.exec(
                ds,
                "INSERT INTO idempotency_keys (principal_id, operation, idempotency_key, request_hash, resource_id, "
                        + "created_at) SELECT ?, 'add-lead-note', 'k' || g, 'h', gen_random_uuid(), now() - interval '1 minute' "
                        + "FROM generate_series(1, 199) g",
                user);
        Api.as(token)
                .header("Idempotency-Key", "oldest")
                .body(Map.of("content", "x"))
                .post("/api/v1/leads/" + lead + "/notes")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(first));

        Api.as(token)
                .header("Idempotency-Key", "newest")
                .body(Map.of("content", "y"))
                .post("/api/v1/leads/" + lead + "/notes")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());

        assertThat(TestData.count(ds, "SELECT count(*) FROM idempotency_keys WHERE principal_id = ?", user))
                .isEqualTo(200);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM idempotency_keys WHERE principal_id = ? "
                                + "AND idempotency_key = 'oldest'",
                        user))
                .isZero();
        Api.as(token)
                .header("Idempotency-Key", "oldest")
                .body(Map.of("content", "x"))
                .post("/api/v1/leads/" + lead + "/notes")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue())
                .body("id", org.hamcrest.Matchers.not(is(first)));
    }
}
