package com.tentabo.prm.bootstrap.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
import com.tentabo.prm.application.provider.port.in.ProcessWebhooksUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestOrders;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changes made in the PRM going back to Pipedrive through the outbox (a WireMock server answering Pipedrive's
 * documented payloads): an imported lead's status, owner and value; a sent order's cancellation and fulfilment on its
 * deal; and the webhooks that echo those writes back, recognised and not applied again.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class CrmWriteBackTest {

    static final String USER = "hook";
    static final String PASSWORD = "hook-secret-7";
    static final String NO_RESULTS =
            "{\"success\": true, \"data\": {\"items\": []}, \"additional_data\": {\"next_cursor\": null}}";
    static WireMockServer pipedrive;

    @Inject
    AgroalDataSource ds;

    @Inject
    CredentialsCipher cipher;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    DeliverOutboxUseCase outbox;

    @Inject
    ProcessWebhooksUseCase webhooks;

    UUID providerRow;
    UUID partner;
    UUID partnerUser;
    String partnerToken;

    @BeforeAll
    static void start() {
        pipedrive = new WireMockServer(wireMockConfig().dynamicPort());
        pipedrive.start();
    }

    @AfterAll
    static void stop() {
        pipedrive.stop();
    }

    @BeforeEach
    void setUp() {
        pipedrive.resetAll();
        partner = TestData.partner(ds, "Write-back partner " + UUID.randomUUID());
        partnerUser = TestData.user(ds, Role.PARTNER, partner, null);
        partnerToken = TestData.tokenFor(tokens, partnerUser);
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("base_url", pipedrive.baseUrl());
        configuration.put(
                "lead_owner_user_id", TestData.user(ds, Role.ADMIN, null, null).toString());
        providerRow = TestProviders.active(
                ds,
                cipher,
                "CRM",
                "pipedrive",
                configuration,
                Map.of("api_token", "pd-token", "webhook_username", USER, "webhook_password", PASSWORD));
    }

    @AfterEach
    void removeProvider() {
        TestProviders.delete(ds, List.of(providerRow));
    }

    void deliverAll() {
        TestProviders.drain(() -> outbox.deliverDue().total());
    }

    UUID orderWithDeal(long dealId) {
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/deals/search")).willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/organizations/search")).willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(post("/api/v2/organizations")
                .willReturn(okJson("{\"success\": true, \"data\": {\"id\": 7, \"name\": \"Acme\"}}")));
        pipedrive.stubFor(post("/api/v2/deals")
                .willReturn(okJson(("{\"success\": true, \"data\": {\"id\": %d, "
                                + "\"title\": \"Order\", \"value\": 8100, \"currency\": \"EUR\", \"status\": \"open\", \"org_id\": 7, "
                                + "\"update_time\": \"2026-11-20T09:00:00Z\"}}")
                        .formatted(dealId))));
        UUID order = TestOrders.sent(ds, orders, partner, partnerUser, partnerToken);
        deliverAll();
        assertThat(TestData.text(ds, "SELECT crm_deal_id FROM orders WHERE id = ?", order))
                .isEqualTo(String.valueOf(dealId));
        return order;
    }

    void dealAnswers(long dealId, String status) {
        pipedrive.stubFor(patch(urlEqualTo("/api/v2/deals/" + dealId))
                .willReturn(okJson(("{\"success\": true, "
                                + "\"data\": {\"id\": %d, \"title\": \"Order\", \"status\": \"%s\", \"value\": 8100, \"currency\": \"EUR\", "
                                + "\"update_time\": \"2026-11-21T10:15:00Z\"}}")
                        .formatted(dealId, status))));
    }

    @Test
    void aCancelledOrder_losesItsDealWithTheReason_andAFulfilledOneWinsIt() {
        UUID cancelled = orderWithDeal(901);
        dealAnswers(901, "lost");
        String admin = TestData.tokenFor(tokens, TestData.user(ds, Role.ADMIN, null, null));
        Api.as(admin)
                .body(Map.of("to", "cancelled", "reason", "Budget frozen"))
                .post("/api/v1/orders/{id}/transitions", cancelled)
                .then()
                .statusCode(200);
        deliverAll();
        assertThat(TestProviders.outboxEvent(ds, cancelled, "crm.deal.status", "status"))
                .isEqualTo("DELIVERED");
        pipedrive.verify(patchRequestedFor(urlEqualTo("/api/v2/deals/901"))
                .withHeader("x-api-token", equalTo("pd-token"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("lost")))
                .withRequestBody(matchingJsonPath("$.lost_reason", equalTo("Budget frozen"))));
        assertThat(TestData.text(
                        ds,
                        "SELECT crm_metadata ->> 'status' || ' ' || (crm_metadata ->> 'update_time') "
                                + "FROM orders WHERE id = ?",
                        cancelled))
                .isEqualTo("lost 2026-11-21T10:15:00Z");

        UUID fulfilled = orderWithDeal(902);
        dealAnswers(902, "won");
        Api.as(admin)
                .body(Map.of("to", "in_fulfillment"))
                .post("/api/v1/orders/{id}/transitions", fulfilled)
                .then()
                .statusCode(200);
        Api.as(admin)
                .body(Map.of("to", "fulfilled"))
                .post("/api/v1/orders/{id}/transitions", fulfilled)
                .then()
                .statusCode(200);
        deliverAll();
        pipedrive.verify(patchRequestedFor(urlEqualTo("/api/v2/deals/902"))
                .withRequestBody(matchingJsonPath("$.status", equalTo("won")))
                .withRequestBody(
                        matchingJsonPath("$.lost_reason", com.github.tomakehurst.wiremock.client.WireMock.absent())));

        // an order cancelled before it was sent has no deal: nothing is written, and no event is even queued
        UUID unsent = TestOrders.created(ds, orders, partner, partnerUser, 12);
        Api.as(partnerToken)
                .body(Map.of("to", "cancelled"))
                .post("/api/v1/orders/{id}/transitions", unsent)
                .then()
                .statusCode(200);
        assertThat(TestProviders.outboxEvent(ds, unsent, "crm.deal.status", "status"))
                .isNull();
    }

    @Test
    void aRefusedDealWrite_isRetried_likeAnyDelivery() {
        UUID order = orderWithDeal(903);
        pipedrive.stubFor(patch(urlEqualTo("/api/v2/deals/903"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("x-ratelimit-reset", "2")
                        .withBody("{\"success\": false, \"error\": \"Request over limit\"}")));
        Api.as(TestData.tokenFor(tokens, TestData.user(ds, Role.ADMIN, null, null)))
                .body(Map.of("to", "cancelled"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        deliverAll();
        assertThat(TestProviders.outboxEvent(ds, order, "crm.deal.status", "status"))
                .isEqualTo("PENDING");
        assertThat(TestProviders.outboxEvent(ds, order, "crm.deal.status", "last_error"))
                .isEqualTo("pipedrive PATCH /api/v2/deals/903 answered 429: Request over limit");
    }

    @Test
    void anOrderFulfilledBeforeItsDealOpened_waitsForTheDeal() {
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/deals/search"))
                .willReturn(aResponse().withStatus(503)));
        UUID order = TestOrders.sent(ds, orders, partner, partnerUser, partnerToken);
        String admin = TestData.tokenFor(tokens, TestData.user(ds, Role.ADMIN, null, null));
        Api.as(admin)
                .body(Map.of("to", "in_fulfillment"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        Api.as(admin)
                .body(Map.of("to", "fulfilled"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        deliverAll();

        assertThat(TestProviders.outboxEvent(ds, order, "crm.deal.requested", "status"))
                .isEqualTo("PENDING");
        assertThat(TestProviders.outboxEvent(ds, order, "crm.deal.status", "status"))
                .isEqualTo("PENDING");
        assertThat(TestProviders.outboxEvent(ds, order, "crm.deal.status", "last_error"))
                .endsWith("has no deal in pipedrive yet");
    }

    @Test
    void anImportedLeadsStatusOwnerAndValue_goBackToPipedrive_andTheirEchoIsNotAppliedAgain() {
        String leadId = UUID.randomUUID().toString();
        UUID owner = TestData.user(ds, Role.ADMIN, null, null);
        UUID lead = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO leads (id, provider_name, provider_id, title, organization, contact_name, value, "
                        + "currency, status, owner_id, provider_metadata, created_at, updated_at) VALUES (?, 'pipedrive', ?, "
                        + "'Globex firewall', 'Globex', 'Hank Scorpio', 12500.50, 'EUR', 'NEW'::leadstatus, ?, "
                        + "'{\"update_time\": \"2026-11-20T09:00:00Z\"}'::jsonb, now(), now())",
                lead,
                leadId,
                owner);
        UUID newOwner = TestData.user(ds, Role.ADMIN, null, null);
        String email = TestData.text(ds, "SELECT email FROM users WHERE id = ?", newOwner);
        pipedrive.stubFor(get(urlPathEqualTo("/v1/users/find"))
                .withQueryParam("term", equalTo(email))
                .withQueryParam("search_by_email", equalTo("true"))
                .willReturn(okJson("""
                {"success": true, "data": [{"id": 4411, "name": "Someone Else", "email": "x%s", "active_flag": true},
                 {"id": 4412, "name": "New Owner", "email": "%s", "active_flag": true}]}""".formatted(email, email.toUpperCase(Locale.ROOT)))));
        pipedrive.stubFor(patch(urlEqualTo("/v1/leads/" + leadId)).willReturn(okJson("""
                {"success": true, "data": {"id": "%s", "title": "Globex firewall", "owner_id": 4412,
                 "value": {"amount": 14000, "currency": "EUR"}, "is_archived": true,
                 "update_time": "2026-11-22T08:30:00.000Z"}}""".formatted(leadId))));
        String admin = TestData.tokenFor(tokens, TestData.user(ds, Role.ADMIN, null, null));

        Api.as(admin)
                .body(Map.of("owner_id", newOwner.toString()))
                .put("/api/v1/leads/{id}/owner", lead)
                .then()
                .statusCode(200);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("title", "Globex firewall");
        details.put("organization", "Globex");
        details.put("contact_name", "Hank Scorpio");
        details.put("value", "14000.00");
        details.put("currency", "EUR");
        Api.as(admin).body(details).put("/api/v1/leads/{id}", lead).then().statusCode(200);
        Api.as(admin)
                .body(Map.of("status", "lost", "reason", "Went with a competitor"))
                .post("/api/v1/leads/{id}/status", lead)
                .then()
                .statusCode(200);
        // a change that is not the CRM's business (the title alone) sends nothing
        details.put("title", "Globex firewall (renewal)");
        Api.as(admin).body(details).put("/api/v1/leads/{id}", lead).then().statusCode(200);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM outbox_events WHERE aggregate_id = ? " + "AND topic = 'crm.lead.updated'",
                        lead))
                .isEqualTo(3);
        deliverAll();

        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM outbox_events WHERE aggregate_id = ? "
                                + "AND topic = 'crm.lead.updated' AND status = 'DELIVERED'",
                        lead))
                .isEqualTo(3);
        pipedrive.verify(patchRequestedFor(urlEqualTo("/v1/leads/" + leadId))
                .withRequestBody(matchingJsonPath("$.owner_id", equalTo("4412"))));
        pipedrive.verify(patchRequestedFor(urlEqualTo("/v1/leads/" + leadId))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "\"value\":{\"amount\":14000.00,\"currency\":\"EUR\"}")));
        pipedrive.verify(patchRequestedFor(urlEqualTo("/v1/leads/" + leadId))
                .withRequestBody(matchingJsonPath("$.is_archived", equalTo("true"))));
        assertThat(TestData.text(
                        ds,
                        "SELECT (provider_metadata ->> 'update_time') || ' ' || (provider_metadata ->> "
                                + "'written_update_time') FROM leads WHERE id = ?",
                        lead))
                .isEqualTo("2026-11-22T08:30:00Z 2026-11-22T08:30:00Z");

        // Pipedrive's webhook for our own write: recognised by its change source and update time, no call made
        String echo = deliver(leadId, "api", "2026-11-22T08:30:00.000Z");
        // a late delivery of an older change by a person: older than the copy applied, nothing changes
        String late = deliver(leadId, "app", "2026-11-21T17:00:00.000Z");
        TestProviders.drain(() -> webhooks.processDue().total());
        assertThat(event(echo)).startsWith("ignored: the echo of the PRM's own write");
        assertThat(event(late)).startsWith("ignored: not newer than the copy applied");
        pipedrive.verify(0, getRequestedFor(urlEqualTo("/v1/leads/" + leadId)));
        assertThat(TestData.text(ds, "SELECT status || ' ' || value || ' ' || title FROM leads WHERE id = ?", lead))
                .isEqualTo("LOST 14000.00 Globex firewall (renewal)");
    }

    String deliver(String leadId, String changeSource, String updateTime) {
        String body = """
                {"meta": {"action": "change", "entity": "lead", "entity_id": "%s", "id": "%s", "company_id": "123",
                          "version": "2.0", "change_source": "%s", "attempt": 1},
                 "data": {"id": "%s", "title": "Globex firewall", "update_time": "%s"},
                 "previous": {"is_archived": false}}""".formatted(leadId, UUID.randomUUID(), changeSource, leadId, updateTime);
        return given().contentType("application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .body(body)
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    String event(String id) {
        return TestData.text(
                ds, "SELECT status || coalesce(': ' || error_message, '') FROM webhook_events WHERE id = ?::uuid", id);
    }
}
