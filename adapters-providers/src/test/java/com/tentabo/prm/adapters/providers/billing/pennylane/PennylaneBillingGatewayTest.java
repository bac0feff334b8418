package com.tentabo.prm.adapters.providers.billing.pennylane;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.application.provider.BillingCustomer;
import com.tentabo.prm.application.provider.BillingInvoice;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.QuoteReceipt;
import com.tentabo.prm.application.provider.QuoteRequest;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.provider.ProviderType;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PennylaneBillingGatewayTest {

    @RegisterExtension
    static WireMockExtension pennylane = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String TOKEN = "pl-company-token-7d1e9c";
    private static final String API = "/api/external/v2";
    private static final OrderId ORDER_ID = new OrderId(UUID.fromString("7f3c0d2a-1b4e-4c5f-9a8b-0c1d2e3f4a5b"));
    private static final UUID COMPANY_ID = UUID.fromString("19a2b3c4-d5e6-4f70-8192-a3b4c5d6e7f8");
    private static final String ORDER_REF = "prm-order-" + ORDER_ID;
    private static final String COMPANY_REF = "prm-company-" + COMPANY_ID;
    private static final String EMPTY_LIST = "{\"has_more\": false, \"next_cursor\": null, \"items\": []}";
    /** The 201 of POST /quotes from the research notes (§2.8): 60 seats × 150 € less 10 %, VAT 20 %. */
    private static final String QUOTE = """
            {"id": 4807770486, "quote_number": "DEV-2026-001", "status": "pending", "date": "2026-03-01",
             "deadline": "2026-03-31", "currency": "EUR", "amount": "9720.0", "currency_amount": "9720.0",
             "currency_amount_before_tax": "8100.0", "currency_tax": "1620.0", "tax": "1620.0", "exchange_rate": "1.0",
             "discount": {"type": "absolute", "value": "0"}, "external_reference": "%s",
             "customer": {"id": 275890907, "url": "https://app.pennylane.com/api/external/v2/customers/275890907"},
             "invoice_lines": {"url": "https://app.pennylane.com/api/external/v2/quotes/4807770486/invoice_lines"},
             "linked_invoices": {"url": "https://app.pennylane.com/api/external/v2/quotes/4807770486/linked_invoices"},
             "created_at": "2026-03-01T10:00:00Z", "updated_at": "2026-03-01T10:00:00Z"}
            """.formatted(ORDER_REF);

    private static final String CUSTOMER = """
            {"id": 275890907, "name": "Acme Partners SAS", "external_reference": "%s",
             "billing_address": {"address": "12 rue de la Paix, Bâtiment B", "postal_code": "75002", "city": "Paris",
                                 "country_alpha2": "FR"}}
            """.formatted(COMPANY_REF);

    private final PennylaneBillingGateway gateway = new PennylaneBillingGateway(
            Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC),
            JsonHttp.newClient(),
            new PennylaneRateLimit());

    private static ProviderSettings settings(Map<String, Object> extra) {
        Map<String, Object> configuration = new HashMap<>(extra);
        configuration.putIfAbsent("base_url", pennylane.baseUrl() + API);
        return new ProviderSettings("pennylane", ProviderType.BILLING, configuration, Map.of("api_token", TOKEN));
    }

    private static BillingCustomer acme(String city, String postalCode, String country) {
        return new BillingCustomer(
                new PartnerId(COMPANY_ID),
                "Acme",
                "Acme Partners SAS",
                "85234567800017",
                "billing@acme.example",
                "12 rue de la Paix",
                "Bâtiment B",
                city,
                postalCode,
                country);
    }

    /** The only place a line is built; gross is quantity × unit price, as the PRM prices it. */
    private static QuoteRequest.Line line(
            String label, String unit, int quantity, String unitPrice, String discount, String net) {
        BigDecimal price = new BigDecimal(unitPrice);
        return new QuoteRequest.Line(
                new ProductId(UUID.nameUUIDFromBytes(label.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                label,
                unit,
                quantity,
                price,
                new BigDecimal(discount),
                price.multiply(BigDecimal.valueOf(quantity)).setScale(2, java.math.RoundingMode.HALF_UP),
                new BigDecimal(net));
    }

    private static QuoteRequest order(BigDecimal taxRate, BillingCustomer customer) {
        QuoteRequest.Line seats = line("Partner Portal seats — 12 months", "seat", 60, "150.00", "10.00", "8100.00");
        return new QuoteRequest(
                ORDER_ID,
                "ORD-2026-0001",
                "EUR",
                taxRate,
                customer,
                List.of(seats),
                new BigDecimal("9000.00"),
                new BigDecimal("900.00"),
                new BigDecimal("1620.00"),
                new BigDecimal("9720.00"));
    }

    private static QuoteRequest order() {
        return order(new BigDecimal("20.00"), acme("Paris", "75002", "fr"));
    }

    private static MappingBuilder list(String path, String reference) {
        return get(urlPathEqualTo(API + path))
                .withQueryParam(
                        "filter",
                        equalToJson("[{\"field\":\"external_reference\",\"operator\":\"eq\",\"value\":\"" + reference
                                + "\"}]"))
                .withQueryParam("limit", equalTo("1"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-Use-2026-API-Changes", equalTo("true"))
                .withHeader("Accept", equalTo("application/json"));
    }

    private static void stubNothingIssued() {
        pennylane.stubFor(list("/quotes", ORDER_REF).willReturn(okJson(EMPTY_LIST)));
        pennylane.stubFor(list("/customers", COMPANY_REF).willReturn(okJson(EMPTY_LIST)));
    }

    private static ProviderFailure failure(ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(ProviderFailure.class, call);
    }

    @Test
    void givenNoQuoteNorCustomer_requestQuote_createsTheCustomerThenTheQuoteWithExactAmountsAndVatCode() {
        stubNothingIssued();
        pennylane.stubFor(post(API + "/company_customers")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CUSTOMER)));
        pennylane.stubFor(post(API + "/quotes")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(QUOTE)));

        QuoteReceipt receipt = gateway.requestQuote(settings(Map.of()), order());

        assertThat(receipt.quoteId()).isEqualTo("4807770486");
        assertThat(receipt.quoteNumber()).isEqualTo("DEV-2026-001");
        assertThat(receipt.metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "status",
                        "pending",
                        "quote_number",
                        "DEV-2026-001",
                        "amount_before_tax",
                        "8100.0",
                        "amount",
                        "9720.0",
                        "totals_match",
                        true));
        pennylane.verify(postRequestedFor(urlPathEqualTo(API + "/company_customers"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"name": "Acme Partners SAS",
                         "billing_address": {"address": "12 rue de la Paix, Bâtiment B", "postal_code": "75002",
                                             "city": "Paris", "country_alpha2": "FR"},
                         "reg_no": "85234567800017", "emails": ["billing@acme.example"],
                         "external_reference": "%s"}""".formatted(COMPANY_REF))));
        pennylane.verify(postRequestedFor(urlPathEqualTo(API + "/quotes"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-Use-2026-API-Changes", equalTo("true"))
                .withRequestBody(equalToJson("""
                        {"customer_id": 275890907, "date": "2026-03-01", "deadline": "2026-03-31", "currency": "EUR",
                         "language": "fr_FR", "external_reference": "%s", "pdf_invoice_subject": "ORD-2026-0001",
                         "invoice_lines": [{"label": "Partner Portal seats — 12 months", "quantity": 60, "unit": "seat",
                                            "raw_currency_unit_price": "150.00", "vat_rate": "FR_200",
                                            "discount": {"type": "relative", "value": "10.00"}}]}""".formatted(ORDER_REF))));
    }

    @Test
    void givenAKnownCustomer_requestQuote_quotesForItWithoutCreatingAnother_withConfiguredValidityAndLanguage() {
        pennylane.stubFor(list("/quotes", ORDER_REF).willReturn(okJson(EMPTY_LIST)));
        pennylane.stubFor(list("/customers", COMPANY_REF)
                .willReturn(okJson("{\"has_more\": false, \"next_cursor\": null, \"items\": [" + CUSTOMER + "]}")));
        pennylane.stubFor(post(API + "/quotes")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(QUOTE)));
        QuoteRequest.Line undiscounted = line("Onboarding", null, 1, "1E+3", "0", "1000");
        QuoteRequest request = new QuoteRequest(
                ORDER_ID,
                "ORD-2026-0001",
                "EUR",
                new BigDecimal("5.5"),
                acme(null, null, null),
                List.of(undiscounted),
                new BigDecimal("1000"),
                BigDecimal.ZERO,
                new BigDecimal("55"),
                new BigDecimal("1055"));

        QuoteReceipt receipt =
                gateway.requestQuote(settings(Map.of("quote_validity_days", 15, "language", "en_GB")), request);

        assertThat(receipt.quoteId()).isEqualTo("4807770486");
        assertThat(receipt.metadata())
                .containsEntry("totals_match", false)
                .containsEntry("prm_amount_before_tax", "1000");
        pennylane.verify(0, postRequestedFor(urlPathEqualTo(API + "/company_customers")));
        pennylane.verify(postRequestedFor(urlPathEqualTo(API + "/quotes"))
                .withRequestBody(equalToJson("""
                {"customer_id": 275890907, "date": "2026-03-01", "deadline": "2026-03-16", "currency": "EUR",
                 "language": "en_GB", "external_reference": "%s", "pdf_invoice_subject": "ORD-2026-0001",
                 "invoice_lines": [{"label": "Onboarding", "quantity": 1, "raw_currency_unit_price": "1000",
                                    "vat_rate": "FR_55"}]}""".formatted(ORDER_REF))));
    }

    @Test
    void givenTheQuoteWasAlreadyIssued_requestQuote_answersItWithoutPostingAnything() {
        pennylane.stubFor(list("/quotes", ORDER_REF)
                .willReturn(okJson("{\"has_more\": false, \"next_cursor\": null, \"items\": [" + QUOTE + "]}")));

        QuoteReceipt first = gateway.requestQuote(settings(Map.of()), order());
        QuoteReceipt second = gateway.requestQuote(settings(Map.of()), order());

        assertThat(second).isEqualTo(first);
        assertThat(first.quoteId()).isEqualTo("4807770486");
        assertThat(first.metadata()).containsEntry("totals_match", true).doesNotContainKey("prm_amount_before_tax");
        pennylane.verify(0, postRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void givenRateLimited_requestQuote_failsRetryableAfterPennylanesRetryAfter() {
        pennylane.stubFor(list("/quotes", ORDER_REF)
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("retry-after", "2")
                        .withHeader("ratelimit-limit", "25")
                        .withHeader("ratelimit-remaining", "0")
                        .withHeader("ratelimit-reset", "1770379510")
                        .withBody("Rate limit exceeded. Please retry in 2 seconds.")));

        ProviderFailure failure = failure(() -> gateway.requestQuote(settings(Map.of()), order()));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(failure.getMessage())
                .isEqualTo("pennylane GET " + API + "/quotes answered 429: "
                        + "Rate limit exceeded. Please retry in 2 seconds.");
    }

    @Test
    void givenAServerError_requestQuote_failsRetryableWithoutHint() {
        pennylane.stubFor(list("/quotes", ORDER_REF).willReturn(aResponse().withStatus(503)));

        ProviderFailure failure = failure(() -> gateway.requestQuote(settings(Map.of()), order()));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure.getMessage()).isEqualTo("pennylane GET " + API + "/quotes answered 503");
    }

    @Test
    void givenARefusedToken_requestQuote_failsPermanentlyWithPennylanesErrorAndNeverTheToken() {
        pennylane.stubFor(list("/quotes", ORDER_REF)
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Invalid token " + TOKEN + "\", \"status\": 401}")));

        ProviderFailure failure = failure(() -> gateway.requestQuote(settings(Map.of()), order()));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.isCredentialsRefused()).isTrue();
        assertThat(failure.getMessage())
                .isEqualTo("pennylane GET " + API + "/quotes answered 401: Invalid token [redacted]")
                .doesNotContain(TOKEN);
    }

    @Test
    void givenATokenWithoutTheQuotesScope_requestQuote_failsAsRefusedCredentials() {
        pennylane.stubFor(list("/quotes", ORDER_REF)
                .willReturn(aResponse()
                        .withStatus(403)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Forbidden: missing scope quotes:all\", \"status\": 403}")));

        ProviderFailure failure = failure(() -> gateway.requestQuote(settings(Map.of()), order()));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.isCredentialsRefused()).isTrue();
        assertThat(failure.getMessage()).endsWith("answered 403: Forbidden: missing scope quotes:all");
    }

    @Test
    void givenTheCustomerIdStoredFromAnEarlierQuote_requestQuote_reusesItWithoutLookingTheCustomerUp() {
        pennylane.stubFor(list("/quotes", ORDER_REF).willReturn(okJson(EMPTY_LIST)));
        pennylane.stubFor(post(API + "/quotes")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(QUOTE)));
        QuoteRequest plain = order();
        QuoteRequest known = new QuoteRequest(
                plain.orderId(),
                plain.orderNumber(),
                plain.currency(),
                plain.taxRate(),
                plain.customer().withBillingCustomerId("275890907"),
                plain.lines(),
                plain.subtotal(),
                plain.discountAmount(),
                plain.taxAmount(),
                plain.totalAmount());

        QuoteReceipt receipt = gateway.requestQuote(settings(Map.of()), known);

        assertThat(receipt.customerId()).isEqualTo("275890907");
        pennylane.verify(0, getRequestedFor(urlPathEqualTo(API + "/customers")));
        pennylane.verify(0, postRequestedFor(urlPathEqualTo(API + "/company_customers")));
        pennylane.verify(postRequestedFor(urlPathEqualTo(API + "/quotes"))
                .withRequestBody(WireMock.matchingJsonPath("$.customer_id", equalTo("275890907"))));
    }

    @Test
    void everyCallOfTheGateways_sharesOneLimitOf25CallsPer5Seconds_perToken() {
        long[] now = {0};
        List<Long> waits = new java.util.ArrayList<>();
        PennylaneRateLimit limit = new PennylaneRateLimit(new com.tentabo.prm.adapters.providers.http.RateLimiter(
                "pennylane", 25, Duration.ofSeconds(5), Duration.ofSeconds(5), () -> now[0], nanos -> {
                    waits.add(nanos);
                    now[0] += nanos;
                }));
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
        PennylaneBillingGateway outboxWorker = new PennylaneBillingGateway(clock, JsonHttp.newClient(), limit);
        PennylaneBillingGateway syncWorker = new PennylaneBillingGateway(clock, JsonHttp.newClient(), limit);
        pennylane.stubFor(get(urlPathEqualTo(API + "/customer_invoices")).willReturn(okJson(EMPTY_LIST)));
        pennylane.stubFor(get(urlPathEqualTo(API + "/me")).willReturn(okJson("{\"company\": {\"id\": 1}}")));

        for (int i = 0; i < 20; i++) {
            outboxWorker.invoicesForQuote(settings(Map.of()), "q" + i);
            now[0] += 10_000_000; // 10 ms between calls
        }
        for (int i = 0; i < 5; i++) {
            syncWorker.check(settings(Map.of()));
        }
        assertThat(waits).isEmpty();
        ProviderSettings otherToken = new ProviderSettings(
                "pennylane",
                ProviderType.BILLING,
                Map.of("base_url", pennylane.baseUrl() + API),
                Map.of("api_token", "another-company-token"));
        syncWorker.check(otherToken);
        assertThat(waits).as("another token has a window of its own").isEmpty();

        syncWorker.check(settings(Map.of()));

        // the 26th call of the token waits until the first leaves the 5 s window (taken at 0)
        assertThat(waits).containsExactly(Duration.ofSeconds(5).toNanos() - 200_000_000L);
        pennylane.verify(27, WireMock.anyRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void givenPennylaneRejectsTheQuote_requestQuote_failsPermanentlyNamingTheCall() {
        stubNothingIssued();
        pennylane.stubFor(post(API + "/company_customers")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CUSTOMER)));
        pennylane.stubFor(post(API + "/quotes")
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Deadline must be after date\", \"status\": 422}")));

        ProviderFailure failure = failure(() -> gateway.requestQuote(settings(Map.of()), order()));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage())
                .isEqualTo("pennylane POST " + API + "/quotes answered 422: Deadline must be after date");
    }

    @Test
    void givenNothingListens_requestQuote_failsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ProviderFailure failure = failure(() ->
                gateway.requestQuote(settings(Map.of("base_url", "http://localhost:" + closedPort + API)), order()));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("pennylane GET " + API + "/quotes failed");
    }

    @Test
    void givenNoApiToken_requestQuote_failsPermanentlyBeforeAnyCall() {
        ProviderSettings noToken = new ProviderSettings(
                "pennylane", ProviderType.BILLING, Map.of("base_url", pennylane.baseUrl() + API), Map.of());

        ProviderFailure failure = failure(() -> gateway.requestQuote(noToken, order()));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("api_token");
        assertThat(pennylane.getAllServeEvents()).isEmpty();
    }

    @Test
    void givenACustomerWithoutCityAndPostalCode_requestQuote_failsPermanentlyNamingThemAndCreatesNothing() {
        stubNothingIssued();

        ProviderFailure failure = failure(
                () -> gateway.requestQuote(settings(Map.of()), order(new BigDecimal("20"), acme(" ", null, "FR"))));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage())
                .isEqualTo("pennylane needs a billing address: company 'Acme' (" + COMPANY_ID
                        + ") has no postal_code, city");
        pennylane.verify(0, postRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void givenACountryThatIsNotAnIsoCode_requestQuote_failsPermanently() {
        stubNothingIssued();

        ProviderFailure failure = failure(() -> gateway.requestQuote(
                settings(Map.of()), order(new BigDecimal("20"), acme("Paris", "75002", "France"))));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("'France'").contains("Acme");
        pennylane.verify(0, postRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void givenARateWithoutPennylaneCode_requestQuote_failsPermanentlyNamingIt_unlessVatRateCodeIsConfigured() {
        stubNothingIssued();
        QuoteRequest swiss = order(new BigDecimal("7.7"), acme("Paris", "75002", "FR"));

        ProviderFailure failure = failure(() -> gateway.requestQuote(settings(Map.of()), swiss));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("7.7").contains("vat_rate_code");
        pennylane.verify(0, postRequestedFor(WireMock.anyUrl()));

        pennylane.stubFor(post(API + "/company_customers")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CUSTOMER)));
        pennylane.stubFor(post(API + "/quotes")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(QUOTE)));
        gateway.requestQuote(settings(Map.of("vat_rate_code", "crossborder")), swiss);
        pennylane.verify(postRequestedFor(urlPathEqualTo(API + "/quotes"))
                .withRequestBody(WireMock.matchingJsonPath("$.invoice_lines[0].vat_rate", equalTo("crossborder"))));
    }

    @ParameterizedTest
    @CsvSource({"20, FR_200", "20.00, FR_200", "10, FR_100", "8.5, FR_85", "5.50, FR_55", "2.1, FR_21", "0.00, exempt"})
    void eachFrenchRate_isSentAsPennylanesVatCode(String rate, String code) {
        stubNothingIssued();
        pennylane.stubFor(post(API + "/company_customers")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(CUSTOMER)));
        pennylane.stubFor(post(API + "/quotes")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody(QUOTE)));

        gateway.requestQuote(settings(Map.of()), order(new BigDecimal(rate), acme("Paris", "75002", "FR")));

        pennylane.verify(postRequestedFor(urlPathEqualTo(API + "/quotes"))
                .withRequestBody(WireMock.matchingJsonPath("$.invoice_lines[0].vat_rate", equalTo(code))));
    }

    // ---- check(settings): GET {base}/me ------------------------------------------------------------------------

    private static MappingBuilder me() {
        return get(urlPathEqualTo(API + "/me"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"));
    }

    @Test
    void givenAValidToken_check_answersTheCompanysNameAndId() {
        pennylane.stubFor(me().willReturn(okJson("""
                {"user": {"id": 8841, "first_name": "Jane", "last_name": "Admin", "email": "jane.admin@acme.example",
                          "locale": "fr"},
                 "company": {"id": 123456, "name": "Acme Partners SAS", "reg_no": "852345678"},
                 "scopes": ["quotes:all", "customers:all"]}""")));

        Map<String, Object> account = gateway.check(settings(Map.of()));

        assertThat(account)
                .containsExactlyInAnyOrderEntriesOf(Map.of("company", "Acme Partners SAS", "company_id", "123456"));
        assertThat(account.keySet()).containsExactly("company", "company_id");
        pennylane.verify(
                1,
                getRequestedFor(urlPathEqualTo(API + "/me")).withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        assertThat(pennylane.getAllServeEvents()).hasSize(1);
    }

    @Test
    void givenARefusedToken_check_failsPermanentlyWithoutTheToken() {
        pennylane.stubFor(me().willReturn(aResponse()
                .withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"Invalid token " + TOKEN + "\", \"status\": 401}")));

        ProviderFailure failure = failure(() -> gateway.check(settings(Map.of())));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage())
                .isEqualTo("pennylane GET " + API + "/me answered 401: Invalid token [redacted]")
                .doesNotContain(TOKEN);
    }

    @Test
    void givenPennylaneIsUnavailable_check_failsRetryable() {
        pennylane.stubFor(me().willReturn(aResponse()
                .withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"Service temporarily unavailable\", \"status\": 503}")));

        ProviderFailure failure = failure(() -> gateway.check(settings(Map.of())));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage())
                .isEqualTo("pennylane GET " + API + "/me answered 503: Service temporarily unavailable");
    }

    // ---- invoicesForQuote(settings, quoteId): GET {base}/customer_invoices?filter=quote_id ------------------------

    private static final String QUOTE_ID = "4807770486";
    /** The invoice of the research notes (§2.8): the whole quote, 9 720 € with tax, nothing paid yet. */
    private static final String INVOICE = """
            {"id": 42, "invoice_number": "F-2026-0042", "status": "upcoming", "draft": false, "paid": false,
             "date": "2026-03-05", "deadline": "2026-04-04", "currency": "EUR", "amount": "9720.0",
             "currency_amount": "9720.0", "currency_amount_before_tax": "8100.0", "currency_tax": "1620.0",
             "remaining_amount_with_tax": "9720.0", "quote": {"id": 4807770486},
             "external_reference": "prm-contract-19a2", "customer": {"id": 275890907, "url": "..."}}""";

    private static final String DRAFT = """
            {"id": 43, "invoice_number": null, "status": "draft", "draft": true, "paid": false,
             "date": "2026-04-05", "deadline": null, "currency": "EUR", "currency_amount": "0.10",
             "remaining_amount_with_tax": "0.10", "quote": {"id": 4807770486}}""";

    private static MappingBuilder invoices() {
        return get(urlPathEqualTo(API + "/customer_invoices"))
                .withQueryParam(
                        "filter",
                        equalToJson("[{\"field\":\"quote_id\",\"operator\":\"eq\",\"value\":\"" + QUOTE_ID + "\"}]"))
                .withQueryParam("limit", equalTo("100"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("X-Use-2026-API-Changes", equalTo("true"))
                .withHeader("Accept", equalTo("application/json"));
    }

    @Test
    void givenOneInvoice_invoicesForQuote_answersItWithExactAmounts() {
        pennylane.stubFor(invoices()
                .withQueryParam("cursor", WireMock.absent())
                .willReturn(okJson("{\"has_more\": false, \"next_cursor\": null, \"items\": [" + INVOICE + "]}")));

        List<BillingInvoice> invoices = gateway.invoicesForQuote(settings(Map.of()), QUOTE_ID);

        assertThat(invoices)
                .containsExactly(new BillingInvoice(
                        "42",
                        "F-2026-0042",
                        "upcoming",
                        false,
                        false,
                        new BigDecimal("9720.0"),
                        new BigDecimal("9720.0"),
                        "EUR",
                        LocalDate.parse("2026-03-05"),
                        LocalDate.parse("2026-04-04")));
        assertThat(invoices.get(0).amount().toPlainString()).isEqualTo("9720.0");
        assertThat(pennylane.getAllServeEvents()).hasSize(1);
    }

    @Test
    void givenTwoPages_invoicesForQuote_followsTheCursor() {
        pennylane.stubFor(invoices()
                .withQueryParam("cursor", WireMock.absent())
                .willReturn(okJson("{\"has_more\": true, \"next_cursor\": \"c-2\", \"items\": [" + INVOICE + "]}")));
        pennylane.stubFor(invoices()
                .withQueryParam("cursor", equalTo("c-2"))
                .willReturn(okJson("{\"has_more\": false, \"next_cursor\": null, \"items\": [" + DRAFT + "]}")));

        List<BillingInvoice> invoices = gateway.invoicesForQuote(settings(Map.of()), QUOTE_ID);

        assertThat(invoices).extracting(BillingInvoice::id).containsExactly("42", "43");
        BillingInvoice draft = invoices.get(1);
        assertThat(draft.number()).isNull();
        assertThat(draft.draft()).isTrue();
        assertThat(draft.deadline()).isNull();
        assertThat(draft.amount()).isEqualByComparingTo("0.10");
        assertThat(draft.remaining().toPlainString()).isEqualTo("0.10");
        pennylane.verify(2, getRequestedFor(urlPathEqualTo(API + "/customer_invoices")));
    }

    @Test
    void givenPagesWithoutEnd_invoicesForQuote_stopsAfterTenPagesWithAPermanentFailure() {
        pennylane.stubFor(invoices()
                .willReturn(okJson("{\"has_more\": true, \"next_cursor\": \"again\", \"items\": [" + INVOICE + "]}")));

        ProviderFailure failure = failure(() -> gateway.invoicesForQuote(settings(Map.of()), QUOTE_ID));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(pennylane.getAllServeEvents()).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void givenNoInvoiceYet_invoicesForQuote_answersNothing() {
        pennylane.stubFor(invoices().willReturn(okJson(EMPTY_LIST)));

        assertThat(gateway.invoicesForQuote(settings(Map.of()), QUOTE_ID)).isEmpty();
    }

    @Test
    void givenRateLimited_invoicesForQuote_failsRetryableAfterPennylanesRetryAfter() {
        pennylane.stubFor(invoices()
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("retry-after", "2")
                        .withBody("Rate limit exceeded. Please retry in 2 seconds.")));

        ProviderFailure failure = failure(() -> gateway.invoicesForQuote(settings(Map.of()), QUOTE_ID));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(failure.getMessage())
                .isEqualTo("pennylane GET " + API + "/customer_invoices answered 429: "
                        + "Rate limit exceeded. Please retry in 2 seconds.");
    }

    @Test
    void givenARefusedToken_invoicesForQuote_failsPermanentlyWithoutTheToken() {
        pennylane.stubFor(invoices()
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Invalid token " + TOKEN + "\", \"status\": 401}")));

        ProviderFailure failure = failure(() -> gateway.invoicesForQuote(settings(Map.of()), QUOTE_ID));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage())
                .isEqualTo("pennylane GET " + API + "/customer_invoices answered 401: Invalid token [redacted]")
                .doesNotContain(TOKEN);
    }

    @Test
    void quoteChanges_asksTheFirstPageFromADate_andTheNextOnesByCursorOnly() {
        pennylane.stubFor(get(urlPathEqualTo(API + "/changelogs/quotes"))
                .withQueryParam("start_date", equalTo("2026-02-20T08:00:00Z"))
                .withQueryParam("limit", equalTo("1000"))
                .willReturn(okJson("""
                        {"has_more": true, "next_cursor": "bmV4dA==",
                         "items": [{"id": 4807770486, "operation": "update", "processed_at": "2026-02-21T09:30:00.123Z",
                                    "updated_at": "2026-02-21T09:30:00.000Z", "created_at": "2026-02-01T10:00:00Z"},
                                   {"id": 4807770487, "operation": "delete", "processed_at": "2026-02-21T10:00:00Z"}]}""")));
        pennylane.stubFor(get(urlPathEqualTo(API + "/changelogs/quotes"))
                .withQueryParam("cursor", equalTo("bmV4dA=="))
                .willReturn(okJson("{\"has_more\": false, \"next_cursor\": null, \"items\": []}")));

        var first = gateway.quoteChanges(settings(Map.of()), Instant.parse("2026-02-20T08:00:00.700Z"), null);
        var last = gateway.quoteChanges(settings(Map.of()), null, first.next());

        assertThat(first.next()).isEqualTo("bmV4dA==");
        assertThat(first.changes())
                .extracting(c -> c.quoteId() + " " + c.operation() + " " + c.processedAt())
                .containsExactly(
                        "4807770486 update 2026-02-21T09:30:00.123Z", "4807770487 delete 2026-02-21T10:00:00Z");
        assertThat(first.changes().get(1).deleted()).isTrue();
        assertThat(last.changes()).isEmpty();
        assertThat(last.next()).isNull();
        pennylane.verify(getRequestedFor(urlPathEqualTo(API + "/changelogs/quotes"))
                .withQueryParam("cursor", equalTo("bmV4dA=="))
                .withQueryParam("start_date", WireMock.absent()));
    }

    @Test
    void givenAStartDateBeyondFourWeeks_quoteChanges_failsPermanentlyWithPennylanesError() {
        pennylane.stubFor(get(urlPathEqualTo(API + "/changelogs/quotes"))
                .willReturn(aResponse()
                        .withStatus(422)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"start_date must be within the last 4 weeks\", \"status\": 422}")));

        ProviderFailure failure =
                failure(() -> gateway.quoteChanges(settings(Map.of()), Instant.parse("2026-01-01T00:00:00Z"), null));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).endsWith("answered 422: start_date must be within the last 4 weeks");
    }

    @Test
    void quote_readsItsStatusAndExactTotals_andAnswersNothingForAQuoteGone() {
        pennylane.stubFor(get(urlPathEqualTo(API + "/quotes/4807770486"))
                .willReturn(okJson(QUOTE.replace("\"pending\"", "\"accepted\""))));
        pennylane.stubFor(get(urlPathEqualTo(API + "/quotes/4807770499"))
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"Not found\", \"status\": 404}")));

        var quote = gateway.quote(settings(Map.of()), "4807770486").orElseThrow();

        assertThat(quote.status()).isEqualTo("accepted");
        assertThat(quote.number()).isEqualTo("DEV-2026-001");
        assertThat(quote.amountBeforeTax()).isEqualByComparingTo("8100.0");
        assertThat(quote.amountBeforeTax().toPlainString()).isEqualTo("8100.0");
        assertThat(quote.updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(gateway.quote(settings(Map.of()), "4807770499")).isEmpty();
        assertThat(failure(() -> gateway.quote(settings(Map.of()), "../me")).isRetryable())
                .isFalse();
    }
}
