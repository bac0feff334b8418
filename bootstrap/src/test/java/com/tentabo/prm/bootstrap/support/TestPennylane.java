package com.tentabo.prm.bootstrap.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A WireMock Pennylane for the tests of the billing provider: the server, the active provider row pointing at it,
 * the ids Pennylane hands out, a company's customer id as the PRM records it, and an invoice as its v2 API lists it.
 */
public final class TestPennylane {

    /** Where Pennylane's external API v2 lives under the server's base URL. */
    public static final String API = "/api/external/v2";
    /** A list page without items, as Pennylane answers it. */
    public static final String EMPTY_PAGE = "{\"has_more\": false, \"next_cursor\": null, \"items\": []}";

    private TestPennylane() {}

    /** A started server on a free port; stop it after the class. */
    public static WireMockServer start() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return server;
    }

    /** The active BILLING provider "pennylane" calling {@code server} with these credentials (sealed as stored). */
    public static UUID activate(
            DataSource ds, CredentialsCipher cipher, WireMockServer server, Map<String, String> credentials) {
        return TestProviders.active(
                ds, cipher, "BILLING", "pennylane", Map.of("base_url", server.baseUrl() + API), credentials);
    }

    /** A fresh numeric id above {@code base}, as Pennylane's ids are. */
    public static String someId(long base) {
        return String.valueOf(base + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
    }

    /** Records {@code customerId} as the Pennylane customer of the company ({@code partner} or {@code distributor}). */
    public static void rememberCustomer(DataSource ds, UUID company, String kind, String customerId) {
        TestData.exec(
                ds,
                "INSERT INTO billing_customers (provider_name, company_id, company_kind, customer_id) "
                        + "VALUES ('pennylane', ?, ?, ?)",
                company,
                kind,
                customerId);
    }

    /** An invoice of the customer (9720.00 EUR dated 2026-03-05, 9719.99 remaining), from {@code quote} or none. */
    public static String invoice(String id, String customer, String quote) {
        return """
                {"id": %s, "invoice_number": "F-%s", "status": "upcoming", "draft": false, "paid": false,
                 "date": "2026-03-05", "deadline": "2026-04-04", "currency": "EUR", "currency_amount": "9720.0",
                 "currency_amount_before_tax": "8100.0", "currency_tax": "1620.0", "remaining_amount_with_tax": "9719.99",
                 "quote": %s, "customer": {"id": %s, "url": "https://app.pennylane.com/api/external/v2/customers/%s"}}""".formatted(id, id, quote == null ? "null" : "{\"id\": " + quote + "}", customer, customer);
    }
}
