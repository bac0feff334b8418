package com.tentabo.prm.bootstrap.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The billing pages over a WireMock Pennylane answering its documented list payloads: a partner reads its own
 * customer's invoices (status and date filters passed to Pennylane, the link to its contract), another partner never
 * sees them (404 on the invoice's page); ADMIN attaches an invoice to a contract by hand, marks it not
 * contract-related and undoes it, the contract's page listing what is attached; other roles see no such form and
 * are refused when posting by hand; a provider missing or failing is a readable message, never a 500.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BillingPagesTest {

    static final String TOKEN = "pl-token-pages-41be";
    static WireMockServer pennylane;

    @Inject
    AgroalDataSource ds;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    CredentialsCipher cipher;

    final List<UUID> providerRows = new ArrayList<>();
    UUID partnerA;
    UUID partnerB;
    String customerA;
    String quoteA;
    String contractA;
    String contractOther;
    String invoiceA;

    @BeforeAll
    static void startPennylane() {
        pennylane = TestPennylane.start();
    }

    @AfterAll
    static void stopPennylane() {
        pennylane.stop();
    }

    /** Partner A with its Pennylane customer and two contracts (one from quote {@code quoteA}); partner B. */
    @BeforeEach
    void world() {
        pennylane.resetAll();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        partnerA = TestData.partner(ds, "Billed page A " + tag);
        partnerB = TestData.partner(ds, "Billed page B " + tag);
        UUID userA = TestData.user(ds, Role.PARTNER, partnerA, null);
        String tokenA = TestData.tokenFor(tokens, userA);
        String fulfiller = TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null));
        customerA = TestPennylane.someId(6_000_000_000L);
        TestPennylane.rememberCustomer(ds, partnerA, "partner", customerA);
        TestPennylane.rememberCustomer(ds, partnerB, "partner", TestPennylane.someId(6_000_000_000L));
        quoteA = TestPennylane.someId(6_000_000_000L);
        invoiceA = TestPennylane.someId(6_000_000_000L);
        contractA = TestOrders.activeContract(ds, orders, partnerA, userA, tokenA, fulfiller, quoteA);
        contractOther = TestOrders.activeContract(
                ds, orders, partnerA, userA, tokenA, fulfiller, TestPennylane.someId(6_000_000_000L));
        providerRows.add(TestPennylane.activate(ds, cipher, pennylane, Map.of("api_token", TOKEN)));
        pennylane.stubFor(get(urlPathEqualTo(TestPennylane.API + "/customer_invoices/" + invoiceA))
                .willReturn(okJson(TestPennylane.invoice(invoiceA, customerA, quoteA))));
    }

    @AfterEach
    void removeProvider() {
        TestProviders.delete(ds, providerRows);
        providerRows.clear();
        TestData.exec(
                ds,
                "UPDATE orders SET billing_provider = NULL, billing_quote_id = NULL WHERE partner_id = ?",
                partnerA);
    }

    private ConsoleBrowser browser(Role role, UUID partner) {
        return new ConsoleBrowser("en")
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(ds, hasher, role, partner, null), ConsoleUsers.PASSWORD);
    }

    private static String customerFilter(String customer, String... more) {
        StringBuilder filter = new StringBuilder("[{\"field\":\"customer_id\",\"operator\":\"eq\",\"value\":\"")
                .append(customer)
                .append("\"}");
        for (String condition : more) {
            filter.append(',').append(condition);
        }
        return filter.append(']').toString();
    }

    @Test
    void aPartnerReadsItsInvoicesWithTheirContract_filteredByStatusAndDate_andNeverAnothersInvoice() {
        String march = customerFilter(
                customerA,
                "{\"field\":\"draft\",\"operator\":\"eq\",\"value\":\"false\"}",
                "{\"field\":\"date\",\"operator\":\"gteq\",\"value\":\"2026-03-01\"}",
                "{\"field\":\"date\",\"operator\":\"lteq\",\"value\":\"2026-03-31\"}");
        pennylane.stubFor(get(urlPathEqualTo(TestPennylane.API + "/customer_invoices"))
                .withQueryParam("filter", equalTo(march))
                .willReturn(okJson("{\"has_more\": true, \"next_cursor\": " + "\"pl-page-2\", \"items\": ["
                        + TestPennylane.invoice(invoiceA, customerA, quoteA) + "]}")));
        ConsoleBrowser partner = browser(Role.PARTNER, partnerA);

        Document page =
                partner.page("/ui/billing?kind=invoices&status=finalized&date_from=2026-03-01&date_to=2026-03-31");
        assertThat(page.select("nav a[href=/ui/billing]")).hasSize(1);
        assertThat(page.select("#billing-results tbody tr")).hasSize(1);
        assertThat(page.select("#billing-results tbody a[href=/ui/billing/invoices/" + invoiceA + "]")
                        .text())
                .isEqualTo("F-" + invoiceA);
        assertThat(page.select("#billing-results tbody a[href=/ui/contracts/" + contractA + "]"))
                .hasSize(1);
        assertThat(page.select("#billing-results tbody").text())
                .contains("€9,720.00")
                .contains("€9,719.99");
        assertThat(page.select("#billing-status option[selected]").attr("value"))
                .isEqualTo("finalized");
        assertThat(page.select("#date_from").attr("value")).isEqualTo("2026-03-01");
        String next = page.select("a[rel=next]").attr("href");
        assertThat(next)
                .contains("status=finalized")
                .contains("date_from=2026-03-01")
                .contains("date_to=2026-03-31")
                .doesNotContain("pl-page-2");
        pennylane.verify(getRequestedFor(urlPathEqualTo(TestPennylane.API + "/customer_invoices"))
                .withQueryParam("filter", equalTo(march)));

        // one invoice: its page, without the staff's forms; another partner's console answers 404
        Document invoice = partner.page("/ui/billing/invoices/" + invoiceA);
        assertThat(invoice.select("#invoice-contract a[href=/ui/contracts/" + contractA + "]"))
                .hasSize(1);
        assertThat(invoice.select("#invoice-link, #attach-form, #unrelated-form, #forget-form"))
                .isEmpty();
        ConsoleBrowser stranger = browser(Role.PARTNER, partnerB);
        assertThat(stranger.get("/ui/billing/invoices/" + invoiceA).statusCode())
                .isEqualTo(404);

        // bad filters are readable refusals naming the field
        Response upsideDown = partner.get("/ui/billing?kind=invoices&date_from=2026-04-01&date_to=2026-03-01");
        assertThat(upsideDown.statusCode()).isEqualTo(400);
        assertThat(partner.parse(upsideDown).select("main").text()).contains("date_to");
        assertThat(partner.get("/ui/billing?kind=invoices&date_from=March").statusCode())
                .isEqualTo(400);
        assertThat(partner.get("/ui/billing?kind=invoices&status=signed").statusCode())
                .isEqualTo(400);
        assertThat(partner.get("/ui/billing?kind=receipts").statusCode()).isEqualTo(400);

        // quotes: the order and contract that issued them
        pennylane.stubFor(get(urlPathEqualTo(TestPennylane.API + "/quotes"))
                .withQueryParam("filter", equalTo(customerFilter(customerA)))
                .willReturn(okJson("""
                        {"has_more": false, "next_cursor": null, "items": [{"id": %s, "quote_number": "DEV-%s",
                         "status": "accepted", "date": "2026-03-01", "deadline": "2026-03-31", "currency": "EUR",
                         "amount": "9720.0", "currency_amount": "9720.0", "currency_amount_before_tax": "8100.0",
                         "customer": {"id": %s}, "updated_at": "2026-03-02T10:00:00Z"}]}""".formatted(quoteA, quoteA, customerA))));
        Document quotes = partner.page("/ui/billing?kind=quotes");
        assertThat(quotes.select("#billing-results tbody tr").text())
                .contains("DEV-" + quoteA)
                .contains("Accepted");
        assertThat(quotes.select("#billing-results tbody a[href=/ui/contracts/" + contractA + "]"))
                .hasSize(1);
        assertThat(quotes.select("#billing-results tbody a[href^=/ui/orders/]")).hasSize(1);
    }

    @Test
    void anAdminAttachesAnInvoiceToAContract_marksItNotContractRelated_andUndoesIt_whileOthersAreRefused() {
        ConsoleBrowser admin = browser(Role.ADMIN, null);
        Document invoice = admin.page("/ui/billing/invoices/" + invoiceA);
        assertThat(invoice.select("#attach-form, #unrelated-form")).hasSize(2);
        assertThat(invoice.select("#attach-form input[name=_csrf]").attr("value"))
                .isNotBlank();
        assertThat(invoice.select("#forget-form")).isEmpty();

        Response attached =
                admin.post("/ui/billing/invoices/" + invoiceA + "/contract", Map.of("contract", contractOther));
        assertThat(attached.statusCode()).isEqualTo(303);
        assertThat(attached.header("Location")).endsWith("/ui/billing/invoices/" + invoiceA + "?done=saved");
        Document after = admin.page("/ui/billing/invoices/" + invoiceA + "?done=saved");
        assertThat(after.select("[role=status]").text()).isNotBlank();
        assertThat(after.select("#invoice-contract a[href=/ui/contracts/" + contractOther + "]"))
                .hasSize(1);
        assertThat(after.select("#invoice-contract").text()).contains("attached by hand");
        assertThat(after.select("#forget-form")).hasSize(1);
        // the contract's page lists the invoice attached to it, linking to the invoice's page
        Document contract = admin.page("/ui/contracts/" + contractOther);
        assertThat(contract.select("a[href=/ui/billing/invoices/" + invoiceA + "]"))
                .hasSize(1);

        // roles that may read but not decide: no form, and a post by hand is exactly 403, changing nothing
        for (ConsoleBrowser someone : List.of(
                browser(Role.RESTRICTED_ADMIN, null), browser(Role.FULFILLER, null), browser(Role.PARTNER, partnerA))) {
            assertThat(someone.page("/ui/billing/invoices/" + invoiceA)
                            .select("#attach-form, #unrelated-form, #forget-form"))
                    .isEmpty();
            assertThat(someone.post("/ui/billing/invoices/" + invoiceA + "/contract", Map.of("contract", contractA))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(someone.post("/ui/billing/invoices/" + invoiceA + "/forget", Map.of())
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(TestData.text(
                        ds, "SELECT contract_id::text FROM billing_invoice_links WHERE invoice_id = ?", invoiceA))
                .isEqualTo(contractOther);

        // readable refusals: an unknown contract 404, a malformed id 400
        assertThat(admin.post(
                                "/ui/billing/invoices/" + invoiceA + "/contract",
                                Map.of("contract", UUID.randomUUID().toString()))
                        .statusCode())
                .isEqualTo(404);
        Response malformed = admin.post("/ui/billing/invoices/" + invoiceA + "/contract", Map.of("contract", "CTR-1"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(admin.parse(malformed).select("main").text()).contains("contract");

        Response unrelated =
                admin.post("/ui/billing/invoices/" + invoiceA + "/contract", Map.of("not_contract_related", "true"));
        assertThat(unrelated.statusCode()).isEqualTo(303);
        assertThat(admin.page("/ui/billing/invoices/" + invoiceA)
                        .select("#invoice-contract")
                        .text())
                .contains("Not contract-related");
        assertThat(admin.page("/ui/contracts/" + contractOther).select("a[href=/ui/billing/invoices/" + invoiceA + "]"))
                .isEmpty();

        assertThat(admin.post("/ui/billing/invoices/" + invoiceA + "/forget", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(TestData.count(ds, "SELECT count(*) FROM billing_invoice_links WHERE invoice_id = ?", invoiceA))
                .isZero();
        Document undone = admin.page("/ui/billing/invoices/" + invoiceA);
        assertThat(undone.select("#invoice-contract a[href=/ui/contracts/" + contractA + "]"))
                .hasSize(1);
        assertThat(undone.select("#forget-form")).isEmpty();
    }

    @Test
    void aProviderFailingOrMissing_isAReadableMessage_neverA500() {
        ConsoleBrowser admin = browser(Role.ADMIN, null);
        pennylane.stubFor(get(anyUrl())
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Invalid token " + TOKEN + "\", \"status\": 401}")));
        Response failing = admin.get("/ui/billing?kind=customers");
        assertThat(failing.statusCode()).isEqualTo(503);
        Document page = admin.parse(failing);
        assertThat(page.select("#billing-unavailable").text()).isNotBlank().doesNotContain(TOKEN);
        assertThat(page.select("nav a[href=\"/ui/billing?kind=invoices\"]")).hasSize(1);

        TestProviders.delete(ds, providerRows);
        providerRows.clear();
        for (String path : List.of("/ui/billing", "/ui/billing?kind=quotes", "/ui/billing/invoices/" + invoiceA)) {
            Response missing = admin.get(path);
            assertThat(missing.statusCode()).as(path).isEqualTo(503);
            assertThat(admin.parse(missing).select("#billing-unavailable").text())
                    .as(path)
                    .isNotBlank();
        }
    }
}
