package com.tentabo.prm.bootstrap.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
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
 * A sent order's quote and deal, delivered by the outbox worker to Pennylane and Pipedrive (WireMock servers that answer
 * with the providers' documented payloads), with the credentials stored encrypted; then a rate limit, a refused token
 * and an operator's requeue.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OutboxToProvidersTest {

    static final String PENNYLANE_TOKEN = "pl-token-4f1c2b";
    static final String PIPEDRIVE_TOKEN = "pd-token-9a8e7d";
    static final String API = TestPennylane.API;
    static final String EMPTY_PAGE = TestPennylane.EMPTY_PAGE;
    static final String NO_RESULTS =
            "{\"success\": true, \"data\": {\"items\": []}, \"additional_data\": {\"next_cursor\": null}}";

    static WireMockServer pennylane;
    static WireMockServer pipedrive;

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    DeliverOutboxUseCase outbox;

    @Inject
    CredentialsCipher cipher;

    UUID partner;
    UUID partnerUser;
    String partnerToken;
    final List<UUID> providerRows = new ArrayList<>();

    @BeforeAll
    static void startProviders() {
        pennylane = new WireMockServer(wireMockConfig().dynamicPort());
        pipedrive = new WireMockServer(wireMockConfig().dynamicPort());
        pennylane.start();
        pipedrive.start();
    }

    @AfterAll
    static void stopProviders() {
        pennylane.stop();
        pipedrive.stop();
    }

    @BeforeEach
    void setUp() {
        pennylane.resetAll();
        pipedrive.resetAll();
        partner = TestData.partner(
                ds, "Acme Storage " + UUID.randomUUID().toString().substring(0, 8));
        TestData.exec(
                ds,
                "UPDATE partners SET legal_name = 'Acme Storage SAS', address_line1 = '12 rue de la Paix', "
                        + "postal_code = '75002', city = 'Paris', country = 'FR', email = 'billing@acme.example' WHERE id = ?",
                partner);
        partnerUser = TestData.user(ds, Role.PARTNER, partner, null);
        partnerToken = TestData.tokenFor(tokens, partnerUser);
        provider("BILLING", "pennylane", pennylane.baseUrl() + API, PENNYLANE_TOKEN);
        provider("CRM", "pipedrive", pipedrive.baseUrl(), PIPEDRIVE_TOKEN);
    }

    @AfterEach
    void removeProviders() {
        TestProviders.delete(ds, providerRows);
        providerRows.clear();
    }

    void provider(String type, String name, String baseUrl, String token) {
        providerRows.add(
                TestProviders.active(ds, cipher, type, name, Map.of("base_url", baseUrl), Map.of("api_token", token)));
    }

    void pennylaneIssuesQuotes() {
        pennylane.stubFor(get(urlPathEqualTo(API + "/quotes")).willReturn(okJson(EMPTY_PAGE)));
        pennylane.stubFor(get(urlPathEqualTo(API + "/customers")).willReturn(okJson(EMPTY_PAGE)));
        pennylane.stubFor(post(API + "/company_customers")
                .willReturn(okJson("{\"id\": 275890907, \"name\": \"Acme Storage SAS\"}")
                        .withStatus(201)));
        pennylane.stubFor(post(API + "/quotes").willReturn(okJson("""
                {"id": 4807770486, "quote_number": "DEV-2026-001", "status": "pending", "currency": "EUR",
                 "amount": "9720.0", "currency_amount": "9720.0", "currency_amount_before_tax": "8100.0",
                 "currency_tax": "1620.0", "customer": {"id": 275890907}}""").withStatus(201)));
    }

    void pipedriveOpensDeals() {
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/deals/search")).willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/organizations/search")).willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(post("/api/v2/organizations")
                .willReturn(okJson("{\"success\": true, \"data\": {\"id\": 7, \"name\": \"Acme\"}}")));
        pipedrive.stubFor(post("/api/v2/deals")
                .willReturn(okJson(
                        "{\"success\": true, \"data\": {\"id\": 746, \"title\": \"Order\", \"value\": 8100, \"currency\": \"EUR\", "
                                + "\"status\": \"open\", \"org_id\": 7}}")));
    }

    UUID sentOrder() {
        return TestOrders.sent(ds, orders, partner, partnerUser, partnerToken);
    }

    void deliverAll() {
        TestProviders.drain(() -> outbox.deliverDue().total());
    }

    String event(UUID order, String topic, String column) {
        return TestProviders.outboxEvent(ds, order, topic, column);
    }

    @Test
    void aSentOrder_becomesAPennylaneQuote_andAPipedriveDeal_whoseIdsTheOrderShows() {
        pennylaneIssuesQuotes();
        pipedriveOpensDeals();
        UUID order = sentOrder();
        String number = TestData.text(ds, "SELECT order_number FROM orders WHERE id = ?", order);

        deliverAll();

        assertThat(event(order, "billing.quote.requested", "status")).isEqualTo("DELIVERED");
        assertThat(event(order, "crm.deal.requested", "status")).isEqualTo("DELIVERED");
        Api.as(partnerToken)
                .get("/api/v1/orders/{id}", order)
                .then()
                .statusCode(200)
                .body("billing_provider", is("pennylane"))
                .body("billing_quote_id", is("4807770486"))
                .body("crm_provider", is("pipedrive"))
                .body("crm_deal_id", is("746"));
        pennylane.verify(postRequestedFor(WireMock.urlEqualTo(API + "/quotes"))
                .withHeader("Authorization", equalTo("Bearer " + PENNYLANE_TOKEN))
                .withRequestBody(matchingJsonPath("$.external_reference", equalTo("prm-order-" + order)))
                .withRequestBody(matchingJsonPath("$.customer_id", equalTo("275890907")))
                .withRequestBody(matchingJsonPath("$.pdf_invoice_subject", equalTo(number)))
                .withRequestBody(matchingJsonPath("$.invoice_lines[0].quantity", equalTo("60")))
                .withRequestBody(containing("\"raw_currency_unit_price\":\"150.000000\""))
                .withRequestBody(matchingJsonPath("$.invoice_lines[0].vat_rate", equalTo("FR_200")))
                .withRequestBody(matchingJsonPath("$.invoice_lines[0].discount.value", equalTo("10.00"))));
        pennylane.verify(postRequestedFor(WireMock.urlEqualTo(API + "/company_customers"))
                .withRequestBody(matchingJsonPath("$.external_reference", equalTo("prm-company-" + partner)))
                .withRequestBody(matchingJsonPath("$.billing_address.city", equalTo("Paris"))));
        pipedrive.verify(postRequestedFor(WireMock.urlEqualTo("/api/v2/deals"))
                .withHeader("x-api-token", equalTo(PIPEDRIVE_TOKEN))
                .withRequestBody(matchingJsonPath("$.title", equalTo("Order " + number)))
                .withRequestBody(containing("\"value\":8100.00"))
                .withRequestBody(matchingJsonPath("$.org_id", equalTo("7"))));
        assertThat(TestData.text(ds, "SELECT billing_metadata ->> 'totals_match' FROM orders WHERE id = ?", order))
                .isEqualTo("true");
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND user_agent = 'outbox-worker' "
                                + "AND action IN ('billing_quote', 'crm_deal')",
                        order))
                .isEqualTo(2);
        assertThat(TestData.text(
                        ds,
                        "SELECT string_agg(credentials::text, ' ') FROM provider_configs WHERE id = ANY(?)",
                        (Object) providerRows.toArray(new UUID[0])))
                .contains("\"encrypted\"")
                .doesNotContain(PENNYLANE_TOKEN)
                .doesNotContain(PIPEDRIVE_TOKEN);
    }

    @Test
    void aRateLimitedQuote_waitsAsLongAsPennylaneAsks_whileTheDealGoesOut_andIsSentOnTheNextAttempt() {
        pennylane.stubFor(get(urlPathEqualTo(API + "/quotes"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("retry-after", "300")
                        .withHeader("ratelimit-limit", "25")
                        .withHeader("ratelimit-remaining", "0")
                        .withBody("Rate limit exceeded. Please retry in 300 seconds.")));
        pipedriveOpensDeals();
        UUID order = sentOrder();

        deliverAll();

        assertThat(event(order, "billing.quote.requested", "status")).isEqualTo("PENDING");
        assertThat(event(order, "billing.quote.requested", "attempts")).isEqualTo("1");
        assertThat(event(order, "billing.quote.requested", "last_error")).contains("429");
        assertThat(TestData.text(
                        ds,
                        "SELECT next_attempt_at > now() + interval '290 seconds' FROM outbox_events "
                                + "WHERE aggregate_id = ? AND topic = 'billing.quote.requested'",
                        order))
                .isEqualTo("t");
        assertThat(event(order, "crm.deal.requested", "status")).isEqualTo("DELIVERED");

        pennylane.resetAll();
        pennylaneIssuesQuotes();
        TestData.exec(
                ds,
                "UPDATE outbox_events SET next_attempt_at = now() WHERE aggregate_id = ? "
                        + "AND topic = 'billing.quote.requested'",
                order);
        deliverAll();

        assertThat(event(order, "billing.quote.requested", "status")).isEqualTo("DELIVERED");
        assertThat(event(order, "billing.quote.requested", "attempts")).isEqualTo("2");
        assertThat(TestData.text(ds, "SELECT billing_quote_id FROM orders WHERE id = ?", order))
                .isEqualTo("4807770486");
    }

    @Test
    void aRefusedToken_failsTheEventWithoutShowingIt_andAnAdminRequeuesItOnceFixed() {
        pennylane.stubFor(get(urlPathEqualTo(API + "/quotes"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Invalid token " + PENNYLANE_TOKEN + "\", \"status\": 401}")));
        pipedriveOpensDeals();
        UUID order = sentOrder();

        deliverAll();

        String eventId = event(order, "billing.quote.requested", "id");
        Api.asAdmin()
                .get("/api/v1/outbox-events/{id}", eventId)
                .then()
                .statusCode(200)
                .body("status", is("failed"))
                .body("attempts", is(1))
                .body("payload.order_id", is(order.toString()));
        assertThat(event(order, "billing.quote.requested", "last_error"))
                .contains("401")
                .doesNotContain(PENNYLANE_TOKEN);
        Api.asAdmin()
                .get("/api/v1/providers/{id}", providerRows.get(0))
                .then()
                .statusCode(200)
                .body("health_status", is("degraded"))
                .body(
                        "health_check_error",
                        is("pennylane GET " + API + "/quotes answered 401: Invalid token [redacted]"))
                .body("last_health_check", org.hamcrest.Matchers.notNullValue());
        Api.asAdmin()
                .get("/api/v1/providers/{id}", providerRows.get(1))
                .then()
                .statusCode(200)
                .body("health_status", org.hamcrest.Matchers.not(is("degraded")));
        Api.asAdmin()
                .queryParam("aggregate_id", order.toString())
                .queryParam("status", "failed")
                .get("/api/v1/outbox-events")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].topic", is("billing.quote.requested"));
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        Api.as(restricted).get("/api/v1/outbox-events/{id}", eventId).then().statusCode(200);
        Api.as(restricted)
                .post("/api/v1/outbox-events/{id}/requeue", eventId)
                .then()
                .statusCode(403);
        Api.as(partnerToken).get("/api/v1/outbox-events").then().statusCode(403);

        pennylane.resetAll();
        pennylaneIssuesQuotes();
        Api.asAdmin()
                .post("/api/v1/outbox-events/{id}/requeue", eventId)
                .then()
                .statusCode(200)
                .body("status", is("pending"))
                .body("attempts", is(0));
        deliverAll();

        assertThat(event(order, "billing.quote.requested", "status")).isEqualTo("DELIVERED");
        Api.asAdmin()
                .post("/api/v1/outbox-events/{id}/requeue", eventId)
                .then()
                .statusCode(409)
                .body("code", is("OUTBOX_EVENT_NOT_REQUEUEABLE"));
        Api.asAdmin()
                .post("/api/v1/outbox-events/{id}/requeue", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", is("OUTBOX_EVENT_NOT_FOUND"));
        Api.asAdmin()
                .queryParam("status", "lost")
                .get("/api/v1/outbox-events")
                .then()
                .statusCode(400);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ?::uuid AND action = 'requeue'",
                        eventId))
                .isEqualTo(1);
    }

    @Test
    void aHealthCheck_callsTheProviderWithItsStoredCredentials_andRecordsWhatItFound() {
        UUID pennylaneRow = providerRows.get(0);
        UUID pipedriveRow = providerRows.get(1);
        pennylane.stubFor(get(urlPathEqualTo(API + "/me"))
                .withHeader("Authorization", equalTo("Bearer " + PENNYLANE_TOKEN))
                .willReturn(okJson("{\"user\": {\"id\": 12345, \"email\": \"jdoe@acme.example\"}, "
                        + "\"company\": {\"id\": 123456, \"name\": \"Acme Storage SAS\", \"reg_no\": 123456789}}")));
        pipedrive.stubFor(get(urlPathEqualTo("/v1/users/me"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\": false, \"error\": \"unauthorized access\", \"errorCode\": 401}")));

        Api.asAdmin()
                .post("/api/v1/providers/{id}/health-check", pennylaneRow)
                .then()
                .statusCode(200)
                .body("provider.health_status", is("healthy"))
                .body("provider.health_check_error", is((Object) null))
                .body("account.company", is("Acme Storage SAS"));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/health-check", pipedriveRow)
                .then()
                .statusCode(200)
                .body("provider.health_status", is("degraded"))
                .body(
                        "provider.health_check_error",
                        is("pipedrive GET /v1/users/me answered 401: unauthorized access"));

        pennylane.stop();
        try {
            Api.asAdmin()
                    .post("/api/v1/providers/{id}/health-check", pennylaneRow)
                    .then()
                    .statusCode(200)
                    .body("provider.health_status", is("offline"));
        } finally {
            // a new server on a new port: connections the shared client still holds to the stopped one are never reused
            pennylane = new WireMockServer(wireMockConfig().dynamicPort());
            pennylane.start();
        }
        Api.asAdmin()
                .get("/api/v1/providers/{id}", pennylaneRow)
                .then()
                .statusCode(200)
                .body("health_status", is("offline"))
                .body("last_health_check", org.hamcrest.Matchers.notNullValue());
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        Api.as(restricted)
                .post("/api/v1/providers/{id}/health-check", pennylaneRow)
                .then()
                .statusCode(403);
        Api.asAdmin()
                .post("/api/v1/providers/{id}/health-check", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void
            thePartnersPennylaneCustomer_isCreatedOnce_storedOnThePartner_reusedByTheNextQuote_andCopiedOntoItsContracts() {
        pennylaneIssuesQuotes();
        pipedriveOpensDeals();
        UUID first = sentOrder();
        deliverAll();
        assertThat(event(first, "billing.quote.requested", "status")).isEqualTo("DELIVERED");
        assertThat(TestData.text(
                        ds,
                        "SELECT customer_id || ' ' || company_kind FROM billing_customers "
                                + "WHERE provider_name = 'pennylane' AND company_id = ?",
                        partner))
                .isEqualTo("275890907 partner");

        pennylane.resetRequests();
        UUID second = sentOrder();
        deliverAll();

        assertThat(event(second, "billing.quote.requested", "status")).isEqualTo("DELIVERED");
        pennylane.verify(0, WireMock.getRequestedFor(urlPathEqualTo(API + "/customers")));
        pennylane.verify(0, postRequestedFor(urlPathEqualTo(API + "/company_customers")));
        pennylane.verify(postRequestedFor(WireMock.urlEqualTo(API + "/quotes"))
                .withRequestBody(matchingJsonPath("$.external_reference", equalTo("prm-order-" + second)))
                .withRequestBody(matchingJsonPath("$.customer_id", equalTo("275890907"))));

        String fulfiller = TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null));
        Api.as(fulfiller)
                .body(Map.of("to", "in_fulfillment"))
                .post("/api/v1/orders/{id}/transitions", first)
                .then()
                .statusCode(200);
        Api.as(fulfiller)
                .body(Map.of("to", "fulfilled"))
                .post("/api/v1/orders/{id}/transitions", first)
                .then()
                .statusCode(200);
        String contract = Api.as(fulfiller)
                .body(Map.of())
                .post("/api/v1/orders/{id}/contract", first)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(TestData.text(ds, "SELECT billing_customer_id FROM contracts WHERE id = ?::uuid", contract))
                .isEqualTo("275890907");
    }
}
