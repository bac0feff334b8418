package com.tentabo.prm.bootstrap.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestProviders;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/webhooks/{provider_name}}: deliveries authenticated the provider's way (Pipedrive Basic auth,
 * Pennylane signature), stored once per event id, never with their credentials; everything else a 401 that says
 * nothing about why.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class WebhookIntakeApiTest {

    static final String PD_USER = "prm-hook";
    static final String PD_PASSWORD = "hook-pass-71c";
    static final String PL_SECRET = "whsec-pennylane-5e2";

    @Inject
    AgroalDataSource ds;

    @Inject
    CredentialsCipher cipher;

    final List<UUID> providerRows = new ArrayList<>();

    @AfterEach
    void removeProviders() {
        TestProviders.delete(ds, providerRows);
        providerRows.clear();
    }

    void provider(String type, String name, Map<String, String> credentials) {
        providerRows.add(TestProviders.active(ds, cipher, type, name, Map.of(), credentials));
    }

    void pipedrive() {
        provider(
                "CRM",
                "pipedrive",
                Map.of("api_token", "t", "webhook_username", PD_USER, "webhook_password", PD_PASSWORD));
    }

    static String pipedriveEvent(String eventId) {
        return """
                {"meta": {"action": "change", "entity": "lead", "entity_id": "adf21080-0e10-11eb-879b-05d71fb426ec",
                          "id": "%s", "company_id": "123", "timestamp": "2026-05-15T18:00:00.000Z", "version": "2.0",
                          "change_source": "app", "attempt": 1},
                 "data": {"id": "adf21080-0e10-11eb-879b-05d71fb426ec", "title": "Acme renewal",
                          "value": {"amount": 1200.50, "currency": "EUR"}},
                 "previous": {"title": "Acme"}}""".formatted(eventId);
    }

    static RequestSpecification basic(String user, String password) {
        return given().contentType("application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPipedriveDelivery_isStoredOnce_withoutItsCredentials_andAReDeliveryIsAcknowledgedAsDuplicate() {
        pipedrive();
        String eventId = UUID.randomUUID().toString();

        String id = basic(PD_USER, PD_PASSWORD)
                .body(pipedriveEvent(eventId))
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(202)
                .body("status", is("accepted"))
                .extract()
                .path("id");
        basic(PD_USER, PD_PASSWORD)
                .body(pipedriveEvent(eventId))
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(200)
                .body("status", is("duplicate"))
                .body("id", is(id));

        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM webhook_events WHERE provider_name = 'pipedrive' AND event_id = ?",
                        eventId))
                .isEqualTo(1);
        assertThat(TestData.text(
                        ds,
                        "SELECT event_type || ' ' || status || ' ' || provider_type::text FROM webhook_events "
                                + "WHERE id = ?::uuid",
                        id))
                .isEqualTo("lead.change pending CRM");
        assertThat(TestData.text(
                        ds, "SELECT payload #>> '{data,value,amount}' FROM webhook_events WHERE id = ?::uuid", id))
                .isEqualTo("1200.50");
        String headers = TestData.text(ds, "SELECT headers::text FROM webhook_events WHERE id = ?::uuid", id);
        assertThat(headers)
                .containsIgnoringCase("content-type")
                .doesNotContainIgnoringCase("authorization")
                .doesNotContain(Base64.getEncoder()
                        .encodeToString((PD_USER + ":" + PD_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        Api.asAdmin()
                .get("/api/v1/webhook-events/{id}", id)
                .then()
                .statusCode(200)
                .body("event_type", is("lead.change"));
    }

    @Test
    void deliveriesRacingEachOther_storeTheEventOnce() throws Exception {
        pipedrive();
        String eventId = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> deliveries = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                deliveries.add(() -> basic(PD_USER, PD_PASSWORD)
                        .body(pipedriveEvent(eventId))
                        .post("/api/v1/webhooks/pipedrive")
                        .then()
                        .extract()
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> delivery : pool.invokeAll(deliveries)) {
                statuses.add(delivery.get());
            }
            assertThat(statuses).containsOnly(200, 202).containsOnlyOnce(202);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestData.count(ds, "SELECT count(*) FROM webhook_events WHERE event_id = ?", eventId))
                .isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesWithCopies_areStoredTogether_eachDistinctEventOnce_andEachAnswerNamesItsRow()
            throws Exception {
        pipedrive();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            eventIds.add(UUID.randomUUID().toString());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Map.Entry<String, Future<io.restassured.response.Response>>> answers = new ArrayList<>();
        try {
            for (int copy = 0; copy < 2; copy++) {
                for (String eventId : eventIds) {
                    answers.add(Map.entry(
                            eventId,
                            pool.submit(() -> basic(PD_USER, PD_PASSWORD)
                                    .body(pipedriveEvent(eventId))
                                    .post("/api/v1/webhooks/pipedrive")
                                    .andReturn())));
                }
            }
            Map<String, List<Integer>> statuses = new java.util.HashMap<>();
            for (Map.Entry<String, Future<io.restassured.response.Response>> answer : answers) {
                io.restassured.response.Response r = answer.getValue().get();
                statuses.computeIfAbsent(answer.getKey(), k -> new ArrayList<>())
                        .add(r.statusCode());
                assertThat(TestData.text(
                                ds,
                                "SELECT event_id FROM webhook_events WHERE id = ?::uuid",
                                r.jsonPath().getString("id")))
                        .isEqualTo(answer.getKey());
            }
            assertThat(statuses.values()).allSatisfy(pair -> assertThat(pair).containsExactlyInAnyOrder(200, 202));
        } finally {
            pool.shutdownNow();
        }
        for (String eventId : eventIds) {
            assertThat(TestData.count(
                            ds,
                            "SELECT count(*) FROM webhook_events WHERE provider_name = 'pipedrive' "
                                    + "AND event_id = ? AND intake_key = 'pipedrive/' || event_id",
                            eventId))
                    .isEqualTo(1);
        }
    }

    @Test
    void deliveriesTheDatabaseRefuses_amongConcurrentOnes_eachAnswerItsOwnProblem_theOthersAreStored()
            throws Exception {
        pipedrive();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, Future<io.restassured.response.Response>> answers = new java.util.LinkedHashMap<>();
        try {
            for (int i = 0; i < 16; i++) {
                String eventId = UUID.randomUUID().toString();
                // a NUL in a JSON string: valid JSON, refused by PostgreSQL's jsonb when its batch is written
                String body = i % 4 == 0
                        ? pipedriveEvent(eventId).replace("Acme renewal", "Acme \\u0000")
                        : pipedriveEvent(eventId);
                answers.put(
                        eventId,
                        pool.submit(() -> basic(PD_USER, PD_PASSWORD)
                                .body(body)
                                .post("/api/v1/webhooks/pipedrive")
                                .andReturn()));
            }
            int i = 0;
            for (Map.Entry<String, Future<io.restassured.response.Response>> answer : answers.entrySet()) {
                io.restassured.response.Response r = answer.getValue().get();
                long rows =
                        TestData.count(ds, "SELECT count(*) FROM webhook_events WHERE event_id = ?", answer.getKey());
                if (i++ % 4 == 0) {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    assertThat(rows).isZero();
                } else {
                    assertThat(r.statusCode()).isEqualTo(202);
                    assertThat(rows).isEqualTo(1);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void newCredentialsAndADeactivation_countFromTheNextDelivery() {
        pipedrive();
        basic(PD_USER, PD_PASSWORD)
                .body(pipedriveEvent(UUID.randomUUID().toString()))
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(202);
        UUID row = providerRows.get(providerRows.size() - 1);
        TestData.exec(
                ds,
                "UPDATE provider_configs SET credentials = ?::jsonb WHERE id = ?",
                com.tentabo.prm.adapters.persistence.shared.JsonText.write(cipher.encrypt(
                        row,
                        Map.of("api_token", "t", "webhook_username", PD_USER, "webhook_password", "rotated-password"))),
                row);

        // the old credentials are refused even before the body is read: a malformed body tells them nothing
        basic(PD_USER, PD_PASSWORD)
                .body("{\"meta\": ")
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(401);
        basic(PD_USER, PD_PASSWORD)
                .body(pipedriveEvent(UUID.randomUUID().toString()))
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(401);
        basic(PD_USER, "rotated-password")
                .body(pipedriveEvent(UUID.randomUUID().toString()))
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(202);
        TestData.exec(ds, "UPDATE provider_configs SET is_active = false WHERE id = ?", row);
        basic(PD_USER, "rotated-password")
                .body(pipedriveEvent(UUID.randomUUID().toString()))
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(401);
    }

    @Test
    void wrongCredentials_unknownOrInactiveProviders_andBearerTokens_getOneAndTheSame401() {
        pipedrive();
        String eventId = UUID.randomUUID().toString();
        String body = pipedriveEvent(eventId);

        basic(PD_USER, "wrong")
                .body(body)
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", is("UNAUTHENTICATED"))
                .body("detail", is("The webhook could not be authenticated"));
        basic(PD_USER + "x", PD_PASSWORD)
                .body(body)
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .body(body)
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .header("Authorization", "Basic %%%")
                .body(body)
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(401);
        Api.asAdmin()
                .contentType("application/json")
                .body(body)
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(401);
        basic(PD_USER, PD_PASSWORD)
                .body(body)
                .post("/api/v1/webhooks/hubspot")
                .then()
                .statusCode(401)
                .body("detail", is("The webhook could not be authenticated"));
        basic(PD_USER, PD_PASSWORD)
                .body(body)
                .post("/api/v1/webhooks/" + "x".repeat(300))
                .then()
                .statusCode(401);
        assertThat(TestData.count(ds, "SELECT count(*) FROM webhook_events WHERE event_id = ?", eventId))
                .isZero();
    }

    @Test
    void anAuthenticButMalformedDelivery_isA400_andNothingIsStored() {
        pipedrive();

        basic(PD_USER, PD_PASSWORD)
                .body("not json")
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        basic(PD_USER, PD_PASSWORD)
                .body("[1, 2]")
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(400);
        basic(PD_USER, PD_PASSWORD)
                .body("{\"meta\": {\"entity\": \"lead\", \"action\": \"change\"}}")
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(400)
                .body("detail", is("body.meta.id: is required"));
        basic(PD_USER, PD_PASSWORD)
                .body(pipedriveEvent("x".repeat(300)))
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(400);
        basic(PD_USER, PD_PASSWORD)
                .body(pipedriveEvent(UUID.randomUUID().toString()).replace("Acme renewal", "Acme \\u0000"))
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(400);
        basic(PD_USER, PD_PASSWORD)
                .body("{\"meta\": {\"id\": \"" + "y".repeat(2 * 1024 * 1024) + "\"}}")
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", is("PAYLOAD_TOO_LARGE"));
    }

    static String pennylaneSignature(String secret, long t, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + t + ",v1="
                + HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPennylaneDelivery_isCheckedAgainstItsSignature_overTheRawBody_andRefusedWhenOld() throws Exception {
        provider("BILLING", "pennylane", Map.of("api_token", "t", "webhook_secret", PL_SECRET));
        long deliveryId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String body = "{\"id\": " + deliveryId + ", \"event\": \"customer_invoice.e_invoicing_status_updated\", "
                + "\"retry_count\": 0, \"created\": 1782864000, \"data\": {\"context\": {\"company_id\": \"abc-123\"}, "
                + "\"object\": {\"id\": 42, \"e_invoicing\": {\"status\": \"accepted\"}}}}";
        long now = Instant.now().getEpochSecond();

        given().contentType("application/json")
                .header("X-Pennylane-Signature", pennylaneSignature(PL_SECRET, now, body))
                .body(body)
                .post("/api/v1/webhooks/pennylane")
                .then()
                .statusCode(202);
        given().contentType("application/json")
                .header("X-Pennylane-Signature", pennylaneSignature(PL_SECRET, now, body))
                .body(body.replace("accepted", "refused"))
                .post("/api/v1/webhooks/pennylane")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .header("X-Pennylane-Signature", pennylaneSignature("other", now, body))
                .body(body)
                .post("/api/v1/webhooks/pennylane")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .header("X-Pennylane-Signature", pennylaneSignature(PL_SECRET, now - 3600, body))
                .body(body)
                .post("/api/v1/webhooks/pennylane")
                .then()
                .statusCode(401);
        given().contentType("application/json")
                .header("X-Pennylane-Signature", "t=abc,v1=00")
                .body(body)
                .post("/api/v1/webhooks/pennylane")
                .then()
                .statusCode(401);

        assertThat(TestData.text(
                        ds,
                        "SELECT event_type || ' ' || provider_type::text FROM webhook_events "
                                + "WHERE provider_name = 'pennylane' AND event_id = ?",
                        String.valueOf(deliveryId)))
                .isEqualTo("customer_invoice.e_invoicing_status_updated BILLING");
    }
}
