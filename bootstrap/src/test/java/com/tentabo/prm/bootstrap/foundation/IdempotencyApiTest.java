package com.tentabo.prm.bootstrap.foundation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code Idempotency-Key} on every create of the API (docs/api.md): a retry of the same request answers the first
 * record with {@code Idempotent-Replayed: true} and creates nothing; the key with another request is 422
 * {@code IDEMPOTENCY_KEY_REUSED}; keys are per caller; a malformed key is a 400.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class IdempotencyApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    /**
     * Posts {@code body} twice with one key, the second time with its fields in another order and other spacing
     * ({@code sameBodyReordered}), then {@code otherBody} with the key; {@code rowsOfBody} ({@code table WHERE …}) selects
     * every row the body could have created, whatever its id: exactly one must exist.
     */
    void check(String path, String body, String sameBodyReordered, String otherBody, String rowsOfBody) {
        String key = "retry-" + UUID.randomUUID();
        Response first = Api.asAdmin().header("Idempotency-Key", key).body(body).post(path);
        first.then().log().ifValidationFails();
        first.then().statusCode(201);
        assertThat(first.getHeader("Idempotent-Replayed")).as(path).isNull();
        String id = first.path("id");

        Api.asAdmin()
                .header("Idempotency-Key", key)
                .body(sameBodyReordered)
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(id));
        Api.asAdmin()
                .header("Idempotency-Key", key)
                .body(otherBody)
                .post(path)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", is("IDEMPOTENCY_KEY_REUSED"));
        assertThat(count("SELECT count(*) FROM " + rowsOfBody)).as(path).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM " + rowsOfBody + " AND id = ?", UUID.fromString(id)))
                .as(path)
                .isEqualTo(1);
    }

    @Test
    void givenEveryCreate_whenRetriedWithItsKey_thenTheFirstRecordComesBack_andNothingIsCreatedTwice() {
        String n = UUID.randomUUID().toString();
        check(
                "/api/v1/products",
                "{\"name\":\"Idem " + n + "\",\"type\":\"appliance\",\"unit\":\"box\"}",
                "{ \"unit\": \"box\", \"type\": \"appliance\", \"name\": \"Idem " + n + "\" }",
                "{\"name\":\"Idem other " + n + "\",\"type\":\"appliance\",\"unit\":\"box\"}",
                "products WHERE name = 'Idem " + n + "'");
        TestData.exec(
                ds, "DELETE FROM durations WHERE months = 119 AND id NOT IN (SELECT duration_id FROM order_items)");
        check(
                "/api/v1/durations",
                "{\"months\":119,\"discount_percentage\":\"5.00\",\"name\":\"119 m\"}",
                "{\"name\":\"119 m\", \"months\":119,\"discount_percentage\":\"5.00\"}",
                "{\"months\":119,\"discount_percentage\":\"6.00\",\"name\":\"119 m\"}",
                "durations WHERE months = 119");
        check(
                "/api/v1/partners",
                "{\"name\":\"Idem P " + n + "\"}",
                "{ \"name\" : \"Idem P " + n + "\" }",
                "{\"name\":\"Idem P2 " + n + "\"}",
                "partners WHERE name = 'Idem P " + n + "'");
        check(
                "/api/v1/distributors",
                "{\"name\":\"Idem D " + n + "\",\"city\":\"Lyon\"}",
                "{\"city\":\"Lyon\",\"name\":\"Idem D " + n + "\"}",
                "{\"name\":\"Idem D " + n + "\",\"city\":\"Nice\"}",
                "distributors WHERE name = 'Idem D " + n + "'");
        String lead = "{\"title\":\"Idem\",\"organization\":\"Org " + n
                + "\",\"contact_name\":\"C\",\"value\":\"10.00\",\"currency\":\"EUR\"}";
        check(
                "/api/v1/leads",
                lead,
                "{\"currency\":\"EUR\",\"contact_name\":\"C\",\"value\":\"10.00\",\"organization\":\"Org " + n
                        + "\",\"title\":\"Idem\"}",
                lead.replace("10.00", "11.00"),
                "leads WHERE organization = 'Org " + n + "'");

        String leadId = Api.asAdmin()
                .body(lead)
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        check(
                "/api/v1/leads/" + leadId + "/activities",
                "{\"activity_type\":\"call\",\"subject\":\"S\"}",
                "{\"subject\":\"S\",\"activity_type\":\"CALL\"}".replace("CALL", "call"),
                "{\"activity_type\":\"call\",\"subject\":\"T\"}",
                "lead_activities WHERE lead_id = '" + leadId + "'");
        check(
                "/api/v1/leads/" + leadId + "/notes",
                "{\"content\":\"hello\"}",
                "{ \"content\":\"hello\" }",
                "{\"content\":\"bye\"}",
                "lead_notes WHERE lead_id = '" + leadId + "'");

        UUID order = order();
        check(
                "/api/v1/orders/" + order + "/notes",
                "{\"content\":\"n\",\"is_pinned\":true}",
                "{\"is_pinned\":true,\"content\":\"n\"}",
                "{\"content\":\"n\",\"is_pinned\":false}",
                "notes WHERE order_id = '" + order + "'");
        UUID contract = contract(order);
        check(
                "/api/v1/contracts/" + contract + "/notes",
                "{\"content\":\"c\"}",
                "{\"content\" : \"c\"}",
                "{\"content\":\"d\"}",
                "notes WHERE contract_id = '" + contract + "'");
    }

    @Test
    void givenOneKeyOnTwoRecordsOfTheSameKind_thenTheKeyWithAnotherPathIsAnotherRequest() {
        String leadA = Api.asAdmin()
                .body(leadBody())
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String leadB = Api.asAdmin()
                .body(leadBody())
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String key = "note-" + UUID.randomUUID();
        Api.asAdmin()
                .header("Idempotency-Key", key)
                .body("{\"content\":\"x\"}")
                .post("/api/v1/leads/" + leadA + "/notes")
                .then()
                .statusCode(201);
        Api.asAdmin()
                .header("Idempotency-Key", key)
                .body("{\"content\":\"x\"}")
                .post("/api/v1/leads/" + leadB + "/notes")
                .then()
                .statusCode(422)
                .body("code", is("IDEMPOTENCY_KEY_REUSED"));
        assertThat(count("SELECT count(*) FROM lead_notes WHERE lead_id = ?", UUID.fromString(leadB)))
                .isZero();
    }

    @Test
    void givenTwoCallers_thenKeysArePerCaller_andABadKeyIsA400() {
        UUID partner = TestData.partner(ds, "Idem caller " + UUID.randomUUID());
        String alice = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        String bob = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        String key = "shared-" + UUID.randomUUID();
        String a = Api.as(alice)
                .header("Idempotency-Key", key)
                .body(leadBody())
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String b = Api.as(bob)
                .header("Idempotency-Key", key)
                .body(leadBody())
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(a).isNotEqualTo(b);

        for (String bad : List.of("k".repeat(256), "tab\there")) { // an empty header is no header
            Api.asAdmin()
                    .header("Idempotency-Key", bad)
                    .body("{\"name\":\"Bad key " + UUID.randomUUID() + "\"}")
                    .post("/api/v1/partners")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", is("Idempotency-Key"));
        }
    }

    @Test
    void givenRetriesRacing_thenExactlyOneRecordIsCreated_andEveryRetryAnswersIt() throws Exception {
        String key = "race-" + UUID.randomUUID();
        String organization = "Race " + UUID.randomUUID();
        String body = "{\"title\":\"Race\",\"organization\":\"" + organization + "\",\"contact_name\":\"C\"}";
        String token = Api.adminToken();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<String> retry = () -> Api.as(token)
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/api/v1/leads")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
                answers.add(pool.submit(retry));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> answer : answers) {
                ids.add(answer.get());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT count(*) FROM leads WHERE organization = ?", organization))
                .isEqualTo(1);
    }

    static String leadBody() {
        return "{\"title\":\"T\",\"organization\":\"Org " + UUID.randomUUID() + "\",\"contact_name\":\"C\"}";
    }

    UUID order() {
        UUID author = TestData.user(ds, Role.ADMIN, null, null);
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO orders (id, order_number, status, created_by, total_amount) "
                        + "VALUES (?, ?, 'CREATED', ?, ?)",
                id,
                "ORD-IDEM-" + id,
                author,
                new BigDecimal("1.00"));
        return id;
    }

    UUID contract(UUID order) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO contracts (id, contract_number, order_id, status, billing_provider, user_id, "
                        + "expiration_date, total_value) VALUES (?, ?, ?, 'ACTIVE', 'pennylane', "
                        + "(SELECT created_by FROM orders WHERE id = ?), ?, 1.00)",
                id,
                "CNT-IDEM-" + id,
                order,
                order,
                Timestamp.from(Instant.now().plusSeconds(86_400)));
        return id;
    }

    long count(String sql, Object... params) {
        return TestData.count(ds, sql, params);
    }
}
