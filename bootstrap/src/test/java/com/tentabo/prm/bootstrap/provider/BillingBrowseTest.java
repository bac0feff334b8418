package com.tentabo.prm.bootstrap.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.order.port.out.OrderRepository;
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
 * {@code /api/v1/billing/...} read through a WireMock Pennylane answering its documented list payloads: each role sees
 * its scope (the customer ids of its companies in {@code billing_customers}), invoices and quotes carry their order
 * and contract, our cursor wraps Pennylane's, failures are clear problems; staff's manual link of an invoice
 * survives the invoice sync.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BillingBrowseTest {

    static final String TOKEN = "pl-token-browse-7c1d";
    static final String API = TestPennylane.API;
    static final String EMPTY_PAGE = TestPennylane.EMPTY_PAGE;

    static WireMockServer pennylane;

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    CredentialsCipher cipher;

    final List<UUID> providerRows = new ArrayList<>();
    UUID partnerA;
    UUID partnerB;
    String tokenA;
    String tokenB;
    String tokenD;
    String tokenFulfiller;
    String customerA;
    String customerB;
    String customerD;
    String quoteA;
    String contractA;
    String invoiceA;
    String invoiceB;

    @BeforeAll
    static void startPennylane() {
        pennylane = TestPennylane.start();
    }

    @AfterAll
    static void stopPennylane() {
        pennylane.stop();
    }

    static String someId() {
        return TestPennylane.someId(5_000_000_000L);
    }

    /** Partner A (assigned to distributor D) with a contract from quote {@code quoteA}; partner B; their customer ids. */
    @BeforeEach
    void world() {
        pennylane.resetAll();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        partnerA = TestData.partner(ds, "Billed A " + tag);
        partnerB = TestData.partner(ds, "Billed B " + tag);
        UUID distributor = TestData.distributor(ds, "Billing D " + tag);
        TestData.assign(ds, distributor, partnerA, true);
        UUID userA = TestData.user(ds, Role.PARTNER, partnerA, null);
        tokenA = TestData.tokenFor(tokens, userA);
        tokenB = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partnerB, null));
        tokenD = TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor));
        tokenFulfiller = TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null));
        customerA = someId();
        customerB = someId();
        customerD = someId();
        remember(partnerA, "partner", customerA);
        remember(partnerB, "partner", customerB);
        remember(distributor, "distributor", customerD);
        quoteA = someId();
        invoiceA = someId();
        invoiceB = someId();
        contractA = TestOrders.activeContract(ds, orders, partnerA, userA, tokenA, tokenFulfiller, quoteA);
        providerRows.add(TestPennylane.activate(ds, cipher, pennylane, Map.of("api_token", TOKEN)));
    }

    /** The provider goes; this class's orders stop being billed through Pennylane (other classes' syncs count). */
    @AfterEach
    void removeProvider() {
        TestProviders.delete(ds, providerRows);
        providerRows.clear();
        TestData.exec(
                ds,
                "UPDATE orders SET billing_provider = NULL, billing_quote_id = NULL WHERE partner_id = ?",
                partnerA);
    }

    void remember(UUID company, String kind, String customerId) {
        TestPennylane.rememberCustomer(ds, company, kind, customerId);
    }

    static String invoice(String id, String customer, String quote) {
        return TestPennylane.invoice(id, customer, quote);
    }

    static String filter(String... conditions) {
        return "[" + String.join(",", conditions) + "]";
    }

    static String eq(String field, String value) {
        return condition(field, "eq", value);
    }

    static String condition(String field, String operator, String value) {
        return "{\"field\":\"" + field + "\",\"operator\":\"" + operator + "\",\"value\":\"" + value + "\"}";
    }

    void invoicesOf(String filter, String body) {
        pennylane.stubFor(get(urlPathEqualTo(API + "/customer_invoices"))
                .withQueryParam("filter", equalTo(filter))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson(body)));
    }

    @Test
    void aPartner_seesItsCustomersInvoices_withTheirContract_pageByPage_andNeverAnothersInvoice() {
        invoicesOf(
                filter(eq("customer_id", customerA)),
                "{\"has_more\": true, \"next_cursor\": \"pl-next-2\", " + "\"items\": ["
                        + invoice(invoiceA, customerA, quoteA) + "]}");
        pennylane.stubFor(get(urlPathEqualTo(API + "/customer_invoices"))
                .withQueryParam("cursor", equalTo("pl-next-2"))
                .willReturn(okJson(EMPTY_PAGE)));

        String next = Api.as(tokenA)
                .get("/api/v1/billing/invoices?limit=10")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", is(invoiceA))
                .body("items[0].provider", is("pennylane"))
                .body("items[0].number", is("F-" + invoiceA))
                .body("items[0].amount", is("9720.0"))
                .body("items[0].remaining", is("9719.99"))
                .body("items[0].date", is("2026-03-05"))
                .body("items[0].customer_id", is(customerA))
                .body("items[0].quote_id", is(quoteA))
                .body("items[0].contract_id", is(contractA))
                .body("items[0].contract_link", is("quote"))
                .body("items[0].order_id", notNullValue())
                .body("next_cursor", notNullValue())
                .extract()
                .path("next_cursor");
        pennylane.verify(getRequestedFor(urlPathEqualTo(API + "/customer_invoices"))
                .withQueryParam("limit", equalTo("10"))
                .withQueryParam("cursor", absent()));
        assertThat(next).doesNotContain("pl-next-2").matches("[A-Za-z0-9_-]+");

        Api.as(tokenA)
                .get("/api/v1/billing/invoices?limit=10&cursor=" + next)
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("next_cursor", nullValue());
        pennylane.verify(getRequestedFor(urlPathEqualTo(API + "/customer_invoices"))
                .withQueryParam("cursor", equalTo("pl-next-2"))
                .withQueryParam("filter", equalTo(filter(eq("customer_id", customerA)))));
        // a cursor of another list is not one of this list
        Api.as(tokenA)
                .get("/api/v1/billing/quotes?cursor=" + next)
                .then()
                .statusCode(400)
                .body("code", is("INVALID_CURSOR"));

        // one invoice by id: its customer decides who sees it
        pennylane.stubFor(get(urlPathEqualTo(API + "/customer_invoices/" + invoiceA))
                .willReturn(okJson(invoice(invoiceA, customerA, quoteA))));
        Api.as(tokenA)
                .get("/api/v1/billing/invoices/" + invoiceA)
                .then()
                .statusCode(200)
                .body("contract_id", is(contractA));
        Api.as(tokenD).get("/api/v1/billing/invoices/" + invoiceA).then().statusCode(200);
        Api.as(tokenB)
                .get("/api/v1/billing/invoices/" + invoiceA)
                .then()
                .statusCode(404)
                .body("code", is("BILLING_INVOICE_NOT_FOUND"));
        Api.as(tokenFulfiller)
                .get("/api/v1/billing/invoices/" + invoiceA)
                .then()
                .statusCode(200);
        pennylane.stubFor(get(urlPathEqualTo(API + "/customer_invoices/" + invoiceB))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Not found\", \"status\": 404}")));
        Api.asAdmin()
                .get("/api/v1/billing/invoices/" + invoiceB)
                .then()
                .statusCode(404)
                .body("code", is("BILLING_INVOICE_NOT_FOUND"));
    }

    @Test
    void aDistributor_seesItsOwnAndItsPartnersCustomers_filteredByStatusAndDate_andStaffSeeEverything() {
        String scope = "{\"field\":\"customer_id\",\"operator\":\"in\",\"value\":[\""
                + (customerA.compareTo(customerD) < 0
                        ? customerA + "\",\"" + customerD
                        : customerD + "\",\"" + customerA)
                + "\"]}";
        invoicesOf(
                filter(
                        scope,
                        eq("draft", "true"),
                        condition("date", "gteq", "2026-03-01"),
                        condition("date", "lteq", "2026-03-31")),
                "{\"has_more\": false, \"next_cursor\": null, \"items\": [" + invoice(invoiceA, customerA, quoteA)
                        + "]}");
        Api.as(tokenD)
                .get("/api/v1/billing/invoices?status=draft&date_from=2026-03-01&date_to=2026-03-31")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].contract_id", is(contractA));
        Api.as(tokenD)
                .get("/api/v1/billing/invoices?date_from=2026-04-01&date_to=2026-03-01")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        Api.as(tokenD)
                .get("/api/v1/billing/invoices?date_from=yesterday")
                .then()
                .statusCode(400);
        Api.as(tokenD).get("/api/v1/billing/invoices?limit=500").then().statusCode(400);

        // staff: no customer filter; a limit above Pennylane's 100 asks for 100
        invoicesOf(
                filter(eq("draft", "false")),
                "{\"has_more\": false, \"next_cursor\": null, \"items\": [" + invoice(invoiceA, customerA, quoteA) + ","
                        + invoice(invoiceB, customerB, null) + "]}");
        Api.asAdmin()
                .get("/api/v1/billing/invoices?status=finalized&limit=200")
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("items[1].id", is(invoiceB))
                .body("items[1].contract_id", nullValue())
                .body("items[1].contract_link", nullValue());
        pennylane.verify(
                getRequestedFor(urlPathEqualTo(API + "/customer_invoices")).withQueryParam("limit", equalTo("100")));

        // quotes: status and the order / contract that issued them
        pennylane.stubFor(get(urlPathEqualTo(API + "/quotes"))
                .withQueryParam("filter", equalTo(filter(eq("customer_id", customerA), eq("status", "accepted"))))
                .willReturn(okJson("""
                        {"has_more": false, "next_cursor": null, "items": [{"id": %s, "quote_number": "DEV-1",
                         "status": "accepted", "date": "2026-03-01", "deadline": "2026-03-31", "currency": "EUR",
                         "amount": "9720.0", "currency_amount": "9720.0", "currency_amount_before_tax": "8100.0",
                         "customer": {"id": %s}, "updated_at": "2026-03-02T10:00:00Z"}]}""".formatted(quoteA, customerA))));
        Api.as(tokenA)
                .get("/api/v1/billing/quotes?status=ACCEPTED")
                .then()
                .statusCode(200)
                .body("items[0].id", is(quoteA))
                .body("items[0].status", is("accepted"))
                .body("items[0].amount_before_tax", is("8100.0"))
                .body("items[0].contract_id", is(contractA))
                .body("items[0].order_id", notNullValue())
                .body("items[0].deadline", is("2026-03-31"));
        Api.as(tokenA).get("/api/v1/billing/quotes?status=signed").then().statusCode(400);

        // customers: the company each stands for
        pennylane.stubFor(get(urlPathEqualTo(API + "/customers"))
                .withQueryParam("filter", equalTo(filter(eq("id", customerB))))
                .willReturn(okJson("""
                        {"has_more": false, "next_cursor": null, "items": [{"id": %s, "name": "B SAS",
                         "customer_type": "company", "external_reference": "prm-company-%s", "emails": ["b@example.com"]}]}""".formatted(customerB, partnerB))));
        Api.as(tokenB)
                .get("/api/v1/billing/customers")
                .then()
                .statusCode(200)
                .body("items[0].id", is(customerB))
                .body("items[0].company.id", is(partnerB.toString()))
                .body("items[0].company.kind", is("partner"))
                .body("items[0].emails[0]", is("b@example.com"));
    }

    @Test
    void aPartnerWithoutACustomer_getsAnEmptyPageWithoutACall_andFailuresAreClearProblems() {
        UUID stranger =
                TestData.partner(ds, "Unbilled " + UUID.randomUUID().toString().substring(0, 8));
        String strangerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, stranger, null));
        Api.as(strangerToken)
                .get("/api/v1/billing/invoices")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        assertThat(pennylane.getAllServeEvents()).isEmpty();

        pennylane.stubFor(get(anyUrl())
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Invalid token " + TOKEN + "\", \"status\": 401}")));
        Api.asAdmin()
                .get("/api/v1/billing/quotes")
                .then()
                .statusCode(503)
                .contentType(containsString("application/problem+json"))
                .body("code", is("BILLING_PROVIDER_FAILED"))
                .body("detail", containsString("401"))
                .body("detail", not(containsString(TOKEN)));
        assertThat(TestData.text(ds, "SELECT health_status FROM provider_configs WHERE id = ?", providerRows.get(0)))
                .isEqualTo("degraded");

        pennylane.stubFor(get(anyUrl())
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("retry-after", "2")
                        .withBody("Rate limit exceeded. Please retry in 2 seconds.")));
        Api.as(tokenA)
                .get("/api/v1/billing/customers")
                .then()
                .statusCode(503)
                .body("code", is("BILLING_PROVIDER_FAILED"));

        TestProviders.delete(ds, providerRows);
        providerRows.clear();
        Api.as(tokenA)
                .get("/api/v1/billing/invoices")
                .then()
                .statusCode(503)
                .body("code", is("BILLING_PROVIDER_NOT_ACTIVE"));
    }

    @Test
    void staffAttachAnInvoiceByHand_orMarkItNotContractRelated_andTheSyncKeepsTheirDecision() {
        UUID userA = UUID.fromString(TestData.text(ds, "SELECT id::text FROM users WHERE partner_id = ?", partnerA));
        String quoteOther = someId();
        String contractOther =
                TestOrders.activeContract(ds, orders, partnerA, userA, tokenA, tokenFulfiller, quoteOther);
        pennylane.stubFor(
                get(urlPathEqualTo(API + "/customer_invoices")).atPriority(10).willReturn(okJson(EMPTY_PAGE)));
        invoicesOf(
                filter(eq("quote_id", quoteA)),
                "{\"has_more\": false, \"next_cursor\": null, \"items\": [" + invoice(invoiceA, customerA, quoteA)
                        + "]}");
        pennylane.stubFor(get(urlPathEqualTo(API + "/customer_invoices/" + invoiceA))
                .willReturn(okJson(invoice(invoiceA, customerA, quoteA))));
        sync();
        Api.asAdmin().get("/api/v1/contracts/{id}", contractA).then().body("billing_invoices[0].id", is(invoiceA));

        // attached by hand to the other contract: it moves there, and the sync leaves it there
        Api.asAdmin()
                .body(Map.of("contract_id", contractOther))
                .put("/api/v1/billing/invoices/{id}/contract", invoiceA)
                .then()
                .statusCode(200)
                .body("contract_id", is(contractOther))
                .body("contract_link", is("manual"));
        Api.asAdmin().get("/api/v1/contracts/{id}", contractA).then().body("billing_invoices", hasSize(0));
        Api.asAdmin()
                .get("/api/v1/contracts/{id}", contractOther)
                .then()
                .body("billing_invoices", hasSize(1))
                .body("billing_invoices[0].id", is(invoiceA))
                .body("billing_invoices[0].manual", is(true))
                .body("billing_invoices[0].amount", is("9720.0"));
        sync();
        Api.asAdmin().get("/api/v1/contracts/{id}", contractA).then().body("billing_invoices", hasSize(0));
        Api.asAdmin().get("/api/v1/contracts/{id}", contractOther).then().body("billing_invoices[0].id", is(invoiceA));
        Api.as(tokenA).get("/api/v1/billing/invoices/" + invoiceA).then().body("contract_id", is(contractOther));
        assertThat(links("billing_invoice.linked")).isEqualTo(1);
        // the same decision again changes and audits nothing
        Api.asAdmin()
                .body(Map.of("contract_id", contractOther))
                .put("/api/v1/billing/invoices/{id}/contract", invoiceA)
                .then()
                .statusCode(200);
        assertThat(links("billing_invoice.linked")).isEqualTo(1);

        // not contract-related: on no contract, whatever the sync reads
        Api.asAdmin()
                .body(Map.of("not_contract_related", true))
                .put("/api/v1/billing/invoices/{id}/contract", invoiceA)
                .then()
                .statusCode(200)
                .body("contract_id", nullValue())
                .body("contract_link", is("not_contract_related"));
        sync();
        Api.asAdmin().get("/api/v1/contracts/{id}", contractA).then().body("billing_invoices", hasSize(0));
        Api.asAdmin().get("/api/v1/contracts/{id}", contractOther).then().body("billing_invoices", hasSize(0));
        assertThat(links("billing_invoice.linked")).isEqualTo(2);

        // bad requests and other roles
        Api.asAdmin()
                .body(Map.of("contract_id", contractOther, "not_contract_related", true))
                .put("/api/v1/billing/invoices/{id}/contract", invoiceA)
                .then()
                .statusCode(400);
        Api.asAdmin()
                .body(Map.of("contract_id", UUID.randomUUID()))
                .put("/api/v1/billing/invoices/{id}/contract", invoiceA)
                .then()
                .statusCode(404)
                .body("code", is("CONTRACT_NOT_FOUND"));
        Api.as(tokenA)
                .body(Map.of("contract_id", contractA))
                .put("/api/v1/billing/invoices/{id}/contract", invoiceA)
                .then()
                .statusCode(403);

        // forgotten: the invoice follows its quote again at the next sync
        Api.asAdmin()
                .delete("/api/v1/billing/invoices/{id}/contract", invoiceA)
                .then()
                .statusCode(204);
        assertThat(links("billing_invoice.unlinked")).isEqualTo(1);
        sync();
        Api.asAdmin()
                .get("/api/v1/contracts/{id}", contractA)
                .then()
                .body("billing_invoices[0].id", is(invoiceA))
                .body("billing_invoices[0].manual", nullValue());
        Api.asAdmin()
                .delete("/api/v1/billing/invoices/{id}/contract", invoiceA)
                .then()
                .statusCode(204);
        assertThat(links("billing_invoice.unlinked")).isEqualTo(1);
    }

    void sync() {
        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRows.get(0))
                .then()
                .statusCode(200)
                .body("status", is("success"));
    }

    long links(String action) {
        return TestData.count(
                ds,
                "SELECT count(*) FROM audit_logs WHERE action = ? AND entity_type = "
                        + "'billing_invoice_link' AND changes->>'invoice_id' = ?",
                action,
                invoiceA);
    }
}
