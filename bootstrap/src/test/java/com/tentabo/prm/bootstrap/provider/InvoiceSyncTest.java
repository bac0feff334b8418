package com.tentabo.prm.bootstrap.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
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
 * {@code POST /providers/{id}/sync} of the active Pennylane provider (a WireMock server answering the documented
 * invoice list): the invoices of a quote land on the contract of its order, exact and audited once; a refused token
 * fails the run.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class InvoiceSyncTest {

    static final String TOKEN = "pl-token-invoices-5b2e";
    static final String API = TestPennylane.API;
    static final String EMPTY_PAGE = TestPennylane.EMPTY_PAGE;

    static WireMockServer pennylane;

    @Inject
    com.tentabo.prm.application.provider.port.in.SyncProviderUseCase syncs;

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    CredentialsCipher cipher;

    final List<UUID> providerRows = new ArrayList<>();
    String quoteId;
    String contractId;

    @BeforeAll
    static void startPennylane() {
        pennylane = TestPennylane.start();
    }

    @AfterAll
    static void stopPennylane() {
        pennylane.stop();
    }

    /** An ACTIVE contract of a fulfilled order whose quote Pennylane issued (set as the outbox would have). */
    @BeforeEach
    void activeContractOfAQuotedOrder() {
        pennylane.resetAll();
        UUID partner =
                TestData.partner(ds, "Invoiced " + UUID.randomUUID().toString().substring(0, 8));
        UUID partnerUser = TestData.user(ds, Role.PARTNER, partner, null);
        String partnerToken = TestData.tokenFor(tokens, partnerUser);
        String fulfiller = TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null));
        UUID order = TestOrders.created(ds, orders, partner, partnerUser, 12);
        Api.as(partnerToken)
                .body(Map.of("to", "sent"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        Api.as(fulfiller)
                .body(Map.of("to", "in_fulfillment"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        Api.as(fulfiller)
                .body(Map.of("to", "fulfilled"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        contractId = Api.as(fulfiller)
                .body(Map.of())
                .post("/api/v1/orders/{id}/contract", order)
                .then()
                .statusCode(201)
                .body("status", is("active"))
                .body("billing_invoices", hasSize(0))
                .extract()
                .path("id");
        quoteId =
                String.valueOf(4_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        TestData.exec(
                ds,
                "UPDATE orders SET billing_provider = 'pennylane', billing_quote_id = ? WHERE id = ?",
                quoteId,
                order);
        // any other contract billed through Pennylane in the shared database has no invoice
        pennylane.stubFor(
                get(urlPathEqualTo(API + "/customer_invoices")).atPriority(10).willReturn(okJson(EMPTY_PAGE)));
        providerRows.add(TestPennylane.activate(ds, cipher, pennylane, Map.of("api_token", TOKEN)));
    }

    @AfterEach
    void removeProvider() {
        TestProviders.delete(ds, providerRows);
        providerRows.clear();
    }

    UUID provider() {
        return providerRows.get(0);
    }

    long audits() {
        return TestData.count(
                ds,
                "SELECT count(*) FROM audit_logs WHERE entity_type = 'contract' AND entity_id = ?::uuid "
                        + "AND action = 'billing_invoices.synced'",
                contractId);
    }

    @Test
    void aSync_putsTheQuotesInvoicesOnTheContract_exactAndAuditedOnce_andALegacyValueReadsAsNone() {
        TestData.exec(
                ds,
                "UPDATE contracts SET billing_invoices = '{\"legacy\": \"inv_1\"}'::jsonb WHERE id = ?::uuid",
                contractId);
        Api.asAdmin()
                .get("/api/v1/contracts/{id}", contractId)
                .then()
                .statusCode(200)
                .body("billing_invoices", hasSize(0));
        pennylane.stubFor(get(urlPathEqualTo(API + "/customer_invoices"))
                .atPriority(1)
                .withQueryParam("filter", containing("\"value\":\"" + quoteId + "\""))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .willReturn(okJson("""
                        {"has_more": false, "next_cursor": null,
                         "items": [{"id": 42, "invoice_number": "F-2026-0042", "status": "upcoming", "draft": false,
                                    "paid": false, "date": "2026-03-05", "deadline": "2026-04-04", "currency": "EUR",
                                    "currency_amount": "9720.0", "currency_amount_before_tax": "8100.0",
                                    "currency_tax": "1620.0", "remaining_amount_with_tax": "9719.99",
                                    "quote": {"id": %s}, "customer": {"id": 275890907}}]}""".formatted(quoteId))));

        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", provider())
                .then()
                .statusCode(200)
                .body("status", is("success"))
                .body("entity_type", is("invoice"))
                .body("direction", is("pull"))
                .body("provider_name", is("pennylane"))
                .body("records_synced", is(1))
                .body("records_failed", is(0))
                .body("error_details", nullValue());

        Api.asAdmin()
                .get("/api/v1/contracts/{id}", contractId)
                .then()
                .statusCode(200)
                .body("billing_invoices", hasSize(1))
                .body("billing_invoices[0].id", is("42"))
                .body("billing_invoices[0].number", is("F-2026-0042"))
                .body("billing_invoices[0].status", is("upcoming"))
                .body("billing_invoices[0].paid", is(false))
                .body("billing_invoices[0].draft", is(false))
                .body("billing_invoices[0].amount", is("9720.0"))
                .body("billing_invoices[0].remaining", is("9719.99"))
                .body("billing_invoices[0].currency", is("EUR"))
                .body("billing_invoices[0].date", is("2026-03-05"))
                .body("billing_invoices[0].deadline", is("2026-04-04"))
                .body("billing_invoices[0].provider", is("pennylane"));
        Api.asAdmin()
                .get("/api/v1/contracts?limit=200")
                .then()
                .statusCode(200)
                .body("items.find { it.id == '" + contractId + "' }.billing_invoices[0].amount", is("9720.0"));
        assertThat(audits()).isEqualTo(1);
        assertThat(TestData.text(
                        ds,
                        "SELECT user_agent || ' ' || (changes->'billing_invoices')::text FROM audit_logs "
                                + "WHERE entity_id = ?::uuid AND action = 'billing_invoices.synced'",
                        contractId))
                .isEqualTo("provider-sync {\"after\": [\"42\"], \"before\": []}");
        pennylane.verify(getRequestedFor(urlPathEqualTo(API + "/customer_invoices"))
                .withQueryParam("limit", equalTo("100"))
                .withQueryParam(
                        "filter",
                        equalTo("[{\"field\":\"quote_id\",\"operator\":\"eq\",\"value\":\"" + quoteId + "\"}]")));

        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", provider())
                .then()
                .statusCode(200)
                .body("status", is("success"))
                .body("records_synced", is(0));
        assertThat(audits()).isEqualTo(1);

        // the daily job's run: the active billing provider, no caller; unchanged invoices write nothing
        com.tentabo.prm.application.provider.SyncLogRecord scheduled = syncs.syncActive(
                        com.tentabo.prm.domain.provider.ProviderType.BILLING)
                .orElseThrow();
        assertThat(scheduled.providerName() + " " + scheduled.entityType() + " " + scheduled.status() + " "
                        + scheduled.recordsSynced())
                .isEqualTo("pennylane invoice success 0");
        assertThat(audits()).isEqualTo(1);

        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        Api.as(restricted)
                .post("/api/v1/providers/{id}/sync", provider())
                .then()
                .statusCode(403);
    }

    @Test
    void aRefusedToken_failsTheRun_andLeavesTheContractAsItWas() {
        pennylane.stubFor(get(urlPathEqualTo(API + "/customer_invoices"))
                .atPriority(1)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Invalid token " + TOKEN + "\", \"status\": 401}")));

        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", provider())
                .then()
                .statusCode(200)
                .body("status", is("failed"))
                .body("entity_type", is("invoice"))
                .body("records_synced", is(0))
                .body(
                        "error_details.error",
                        is("pennylane GET " + API + "/customer_invoices answered 401: " + "Invalid token [redacted]"))
                .body("error_details.error", org.hamcrest.Matchers.not(containsString(TOKEN)));

        Api.asAdmin()
                .get("/api/v1/contracts/{id}", contractId)
                .then()
                .statusCode(200)
                .body("billing_invoices", hasSize(0));
        assertThat(audits()).isZero();
    }
}
