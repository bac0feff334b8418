package com.tentabo.prm.bootstrap.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.provider.port.in.PollBillingQuotesUseCase;
import com.tentabo.prm.application.provider.port.in.ProcessWebhooksUseCase;
import com.tentabo.prm.application.provider.port.in.ProviderHealthUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestOrders;
import com.tentabo.prm.bootstrap.support.TestPennylane;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A quote's status comes back from Pennylane (a WireMock server answering its documented changelog and quote
 * payloads): polled from {@code /changelogs/quotes} and resumed from the run's cursor, or pushed by a signed webhook;
 * shown on the order with its totals check, audited, and never overwritten by an older copy.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class QuoteStatusFromPennylaneTest {

    static final String TOKEN = "pl-token-quotes-5e2a";
    static final String SECRET = "whsec-quotes-9b1c";
    static final String API = TestPennylane.API;

    static WireMockServer pennylane;

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    CredentialsCipher cipher;

    @Inject
    PollBillingQuotesUseCase poller;

    @Inject
    ProcessWebhooksUseCase webhooks;

    @Inject
    ProviderHealthUseCase health;

    final List<UUID> providerRows = new ArrayList<>();
    UUID order;
    String quoteId;
    String partnerToken;
    UUID partnerUser;

    @BeforeAll
    static void startPennylane() {
        pennylane = TestPennylane.start();
    }

    @AfterAll
    static void stopPennylane() {
        pennylane.stop();
    }

    @BeforeEach
    void aQuotedOrder() {
        pennylane.resetAll();
        UUID partner =
                TestData.partner(ds, "Quoted " + UUID.randomUUID().toString().substring(0, 8));
        partnerUser = TestData.user(ds, Role.PARTNER, partner, null);
        partnerToken = TestData.tokenFor(tokens, partnerUser);
        order = TestOrders.sent(ds, orders, partner, partnerUser, partnerToken);
        quoteId =
                String.valueOf(5_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        TestData.exec(
                ds,
                "UPDATE orders SET billing_provider = 'pennylane', billing_quote_id = ?, "
                        + "billing_metadata = '{\"status\": \"pending\", \"totals_match\": true}'::jsonb WHERE id = ?",
                quoteId,
                order);
        TestData.exec(ds, "UPDATE outbox_events SET status = 'SKIPPED' WHERE aggregate_id = ?", order);
        providerRows.add(
                TestPennylane.activate(ds, cipher, pennylane, Map.of("api_token", TOKEN, "webhook_secret", SECRET)));
    }

    @AfterEach
    void removeProvider() {
        TestProviders.delete(ds, providerRows);
        providerRows.clear();
    }

    void changelog(String json) {
        pennylane.stubFor(get(urlPathEqualTo(API + "/changelogs/quotes")).willReturn(okJson(json)));
    }

    void quoteIs(String status, String beforeTax, String updatedAt) {
        pennylane.stubFor(get(urlPathEqualTo(API + "/quotes/" + quoteId))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("""
                        {"id": %s, "quote_number": "D-2026-0042", "status": "%s", "currency": "EUR",
                         "currency_amount_before_tax": "%s", "currency_amount": "9720.0", "currency_tax": "1620.0",
                         "customer": {"id": 275890907}, "external_reference": "prm-order-%s",
                         "created_at": "2026-03-01T10:00:00Z", "updated_at": "%s"}""".formatted(quoteId, status, beforeTax, order, updatedAt))));
    }

    long statusAudits() {
        return TestData.count(
                ds,
                "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'billing_quote.status' "
                        + "AND user_agent IN ('billing-poller', 'webhook-worker')",
                order);
    }

    /** The partner's inbox rows telling of the order's quote in {@code status}. */
    long told(String status) {
        return TestData.count(
                ds,
                "SELECT count(*) FROM notifications n JOIN users u ON u.id = n.recipient_id "
                        + "WHERE n.subject_id = ? AND n.event_type = 'quote.status_changed' AND n.params ->> 'status' = '"
                        + status + "' AND u.id = '" + partnerUser + "'",
                order);
    }

    @Test
    void aQuoteAcceptedInPennylane_showsOnTheOrderAfterThePoll_auditedOnce_andTheNextRunResumesFromItsCursor() {
        Instant processed = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        changelog("""
                {"has_more": true, "next_cursor": "cursor-page-2",
                 "items": [{"id": 1, "operation": "insert", "processed_at": "%s"}]}""".formatted(processed.minusSeconds(60)));
        pennylane.stubFor(get(urlPathEqualTo(API + "/changelogs/quotes"))
                .withQueryParam("cursor", equalTo("cursor-page-2"))
                .atPriority(1)
                .willReturn(okJson("""
                        {"has_more": false, "next_cursor": null,
                         "items": [{"id": %s, "operation": "update", "processed_at": "%s",
                                    "updated_at": "%s", "created_at": "2026-03-01T10:00:00Z"}]}""".formatted(quoteId, processed, processed))));
        quoteIs("accepted", "8100.0", processed.toString());

        var run = poller.pollActive().orElseThrow();

        assertThat(run.status()).isEqualTo("success");
        assertThat(run.entityType()).isEqualTo("quote");
        assertThat(run.recordsSynced()).isEqualTo(1);
        Api.as(partnerToken)
                .get("/api/v1/orders/{id}", order)
                .then()
                .statusCode(200)
                .body("billing_quote.status", is("accepted"))
                .body("billing_quote.totals_match", is(true))
                .body("billing_quote.amount_before_tax", is("8100.0"))
                .body("billing_quote.prm_amount_before_tax", is((Object) null));
        assertThat(statusAudits()).isEqualTo(1);
        assertThat(told("accepted")).as("the partner's user is told once").isEqualTo(1);
        Api.as(partnerToken)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.find { it.subject_id == '" + order + "' }.type", is("quote.status_changed"));
        pennylane.verify(getRequestedFor(urlPathEqualTo(API + "/changelogs/quotes"))
                .withQueryParam("start_date", matching("\\d{4}-.*Z"))
                .withQueryParam("cursor", absent())
                .withQueryParam("limit", equalTo("1000")));
        pennylane.verify(getRequestedFor(urlPathEqualTo(API + "/changelogs/quotes"))
                .withQueryParam("cursor", equalTo("cursor-page-2"))
                .withQueryParam("start_date", absent()));
        assertThat(TestData.text(
                        ds,
                        "SELECT cursor FROM provider_sync_logs WHERE id = ?",
                        run.id().value()))
                .isEqualTo(processed.toString());

        pennylane.resetRequests();
        var again = poller.pollActive().orElseThrow();

        assertThat(again.syncType()).isEqualTo("incremental");
        assertThat(again.recordsSynced()).as("the same copy changes nothing").isZero();
        assertThat(statusAudits()).isEqualTo(1);
        assertThat(told("accepted")).as("and tells nobody again").isEqualTo(1);
        pennylane.verify(getRequestedFor(urlPathEqualTo(API + "/changelogs/quotes"))
                .withQueryParam("start_date", equalTo(processed.toString())));
    }

    @Test
    void aSignedQuoteWebhook_bringsADeniedStatusAndATotalsMismatch_andAnOlderCopyNeverOverwritesIt() throws Exception {
        Instant newer = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        quoteIs("denied", "8099.99", newer.toString());
        long now = Instant.now().getEpochSecond();
        String body = "{\"id\": \"dlv-" + UUID.randomUUID() + "\", \"event\": \"quote.updated\", "
                + "\"data\": {\"id\": " + quoteId + ", \"status\": \"denied\"}}";
        given().contentType("application/json")
                .header("X-Pennylane-Signature", WebhookIntakeApiTest.pennylaneSignature(SECRET, now, body))
                .body(body)
                .post("/api/v1/webhooks/pennylane")
                .then()
                .statusCode(202);
        given().contentType("application/json")
                .header("X-Pennylane-Signature", WebhookIntakeApiTest.pennylaneSignature("not-the-secret", now, body))
                .body(body)
                .post("/api/v1/webhooks/pennylane")
                .then()
                .statusCode(401);

        TestProviders.drain(() -> webhooks.processDue().total());

        Api.as(partnerToken)
                .get("/api/v1/orders/{id}", order)
                .then()
                .statusCode(200)
                .body("billing_quote.status", is("denied"))
                .body("billing_quote.totals_match", is(false))
                .body("billing_quote.amount_before_tax", is("8099.99"))
                .body("billing_quote.prm_amount_before_tax", is("8100.00"));
        assertThat(statusAudits()).isEqualTo(1);
        assertThat(told("denied")).isEqualTo(1);

        pennylane.resetAll();
        quoteIs("pending", "8100.0", newer.minusSeconds(3600).toString());
        changelog("""
                {"has_more": false, "next_cursor": null,
                 "items": [{"id": %s, "operation": "update", "processed_at": "%s"}]}""".formatted(quoteId, newer));

        assertThat(poller.pollActive()).isPresent();

        Api.as(partnerToken)
                .get("/api/v1/orders/{id}", order)
                .then()
                .statusCode(200)
                .body("billing_quote.status", is("denied"));
        assertThat(statusAudits()).isEqualTo(1);
        assertThat(told("denied")).isEqualTo(1);
        assertThat(told("pending")).as("an older copy tells nobody").isZero();
    }

    @Test
    void aRefusedTokenWhilePolling_failsTheRun_andMarksTheProviderDegradedAtOnce() {
        pennylane.stubFor(get(urlPathEqualTo(API + "/changelogs/quotes"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Invalid token\", \"status\": 401}")));

        var run = poller.pollActive().orElseThrow();

        assertThat(run.status()).isEqualTo("failed");
        assertThat(run.errorDetailsJson()).contains("answered 401");
        Api.asAdmin()
                .get("/api/v1/providers/{id}", providerRows.get(0))
                .then()
                .statusCode(200)
                .body("health_status", is("degraded"));
        Api.asAdmin()
                .get("/api/v1/providers/{id}/health-checks", providerRows.get(0))
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].source", is("call"))
                .body("items[0].status", is("degraded"));
    }

    @Test
    void scheduledHealthChecks_recordEveryActiveProvider_andTheHistoryListsThemNewestFirstInPages() {
        pennylane.stubFor(get(urlPathEqualTo(API + "/me"))
                .willReturn(okJson("{\"user\": {\"id\": 1}, \"company\": {\"id\": 123456, \"name\": \"Acme SAS\"}}")));

        assertThat(health.checkActive()).isGreaterThanOrEqualTo(1);
        pennylane.stubFor(
                get(urlPathEqualTo(API + "/me")).willReturn(aResponse().withStatus(503)));
        health.checkActive();
        Api.asAdmin()
                .post("/api/v1/providers/{id}/health-check", providerRows.get(0))
                .then()
                .statusCode(200)
                .body("provider.health_status", is("offline"));

        Api.asAdmin()
                .get("/api/v1/providers/{id}/health-checks", providerRows.get(0))
                .then()
                .statusCode(200)
                .body("items.source", org.hamcrest.Matchers.contains("manual", "scheduled", "scheduled"))
                .body("items.status", org.hamcrest.Matchers.contains("offline", "offline", "healthy"))
                .body("items[0].error", is("pennylane GET " + API + "/me answered 503"));
        String next = Api.asAdmin()
                .queryParam("limit", 2)
                .get("/api/v1/providers/{id}/health-checks", providerRows.get(0))
                .then()
                .statusCode(200)
                .body("items.size()", is(2))
                .extract()
                .path("next_cursor");
        Api.asAdmin()
                .queryParam("limit", 2)
                .queryParam("cursor", next)
                .get("/api/v1/providers/{id}/health-checks", providerRows.get(0))
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].status", is("healthy"));
        Api.asAdmin()
                .get("/api/v1/providers/{id}/health-checks", "not-an-id")
                .then()
                .statusCode(400);
        Api.as(partnerToken)
                .get("/api/v1/providers/{id}/health-checks", providerRows.get(0))
                .then()
                .statusCode(403);
    }
}
