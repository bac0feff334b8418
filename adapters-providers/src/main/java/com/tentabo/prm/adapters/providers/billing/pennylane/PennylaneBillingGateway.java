package com.tentabo.prm.adapters.providers.billing.pennylane;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.adapters.providers.http.ProviderConfig;
import com.tentabo.prm.application.provider.BillingCustomer;
import com.tentabo.prm.application.provider.BillingCustomerEntry;
import com.tentabo.prm.application.provider.BillingInvoice;
import com.tentabo.prm.application.provider.BillingInvoiceEntry;
import com.tentabo.prm.application.provider.BillingListPage;
import com.tentabo.prm.application.provider.BillingListQuery;
import com.tentabo.prm.application.provider.BillingQuote;
import com.tentabo.prm.application.provider.BillingQuoteEntry;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.QuoteChangePage;
import com.tentabo.prm.application.provider.QuoteReceipt;
import com.tentabo.prm.application.provider.QuoteRequest;
import com.tentabo.prm.application.provider.port.out.BillingGateway;
import com.tentabo.prm.application.provider.port.out.ProviderHealthGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code pennylane} billing provider (API v2). A quote is found again by its {@code external_reference}
 * {@code prm-order-<orderId>}, and its customer by {@code prm-company-<companyId>}: each is looked up before it is
 * created, so asking twice for the same order gives the same quote. The quote is dated today (UTC), valid for
 * {@code quote_validity_days} (30), one line per order line with the order's VAT rate as Pennylane's code.
 */
@ApplicationScoped
public class PennylaneBillingGateway implements BillingGateway, ProviderHealthGateway {

    static final String NAME = "pennylane";
    static final String DEFAULT_BASE_URL = "https://app.pennylane.com/api/external/v2";
    static final String API_TOKEN = "api_token";
    /** A quote with more invoices than this many pages of 100 is cut (with a permanent failure), never looped on. */
    static final int MAX_INVOICE_PAGES = 10;
    /** Changes asked for per page of a changelog (Pennylane's maximum). */
    static final int CHANGELOG_LIMIT = 1000;
    /** Records asked for per page of a list (Pennylane's maximum). */
    static final int MAX_LIST_LIMIT = 100;

    /** The French VAT rates (percent) and Pennylane's codes for them; {@code vat_rate_code} overrides. */
    private static final Map<BigDecimal, String> VAT_CODES = Map.of(
            new BigDecimal("20"),
            "FR_200",
            new BigDecimal("10"),
            "FR_100",
            new BigDecimal("8.5"),
            "FR_85",
            new BigDecimal("5.5"),
            "FR_55",
            new BigDecimal("2.1"),
            "FR_21",
            BigDecimal.ZERO,
            "exempt");

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final Clock clock;
    private final JsonHttp http;

    public PennylaneBillingGateway(Clock clock, HttpClient client, PennylaneRateLimit rateLimit) {
        this.clock = clock;
        this.http = new JsonHttp(client, new PennylaneDialect(), rateLimit);
    }

    @Override
    public String providerName() {
        return NAME;
    }

    @Override
    public QuoteReceipt requestQuote(ProviderSettings settings, QuoteRequest request) {
        JsonHttp.Endpoint endpoint = endpoint(settings);
        String reference = "prm-order-" + request.orderId();
        Optional<JsonNode> issued = findOne(endpoint, "/quotes", reference);
        if (issued.isPresent()) {
            return receipt(issued.get(), request);
        }
        String vatRate = vatRate(settings, request.taxRate());
        List<PennylanePayloads.Line> lines =
                request.lines().stream().map(line -> line(line, vatRate)).toList();
        long customerId = customerId(endpoint, request.customer());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        int validityDays = ProviderConfig.positiveInt(settings, "quote_validity_days", 30);
        PennylanePayloads.Quote quote = new PennylanePayloads.Quote(
                customerId,
                today.toString(),
                today.plusDays(validityDays).toString(),
                request.currency(),
                settings.setting("language", "fr_FR"),
                reference,
                request.orderNumber(),
                lines);
        QuoteReceipt receipt = receipt(http.post(endpoint, "/quotes", quote), request);
        return receipt.customerId() != null
                ? receipt
                : new QuoteReceipt(
                        receipt.quoteId(), receipt.quoteNumber(), receipt.metadata(), Long.toString(customerId));
    }

    /**
     * {@code GET /customer_invoices} filtered on {@code quote_id}, 100 a page, following {@code next_cursor} while
     * {@code has_more} (at most {@value #MAX_INVOICE_PAGES} pages; a cursor seen twice or more pages fail
     * permanently). Amounts are {@code currency_amount} (with tax) and {@code remaining_amount_with_tax}, exact.
     */
    @Override
    public List<BillingInvoice> invoicesForQuote(ProviderSettings settings, String quoteId) {
        JsonHttp.Endpoint endpoint = endpoint(settings);
        String filter = JsonHttp.json(List.of(new PennylanePayloads.Filter("quote_id", "eq", quoteId)));
        List<BillingInvoice> invoices = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        for (int page = 1; ; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("filter", filter);
            query.put("limit", "100");
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode answer = http.get(endpoint, "/customer_invoices", query);
            for (JsonNode item : answer.path("items")) {
                invoices.add(invoice(item));
            }
            cursor = answer.path("has_more").asBoolean(false) ? JsonHttp.text(answer, "next_cursor") : null;
            if (cursor == null || cursor.isBlank()) {
                return List.copyOf(invoices);
            }
            if (page >= MAX_INVOICE_PAGES || !cursors.add(cursor)) {
                throw ProviderFailure.permanent(NAME + " kept answering pages of invoices for quote " + quoteId
                        + " (stopped after " + page + ")");
            }
        }
    }

    private BillingInvoice invoice(JsonNode item) {
        return new BillingInvoice(
                http.id(item, "an invoice"),
                JsonHttp.text(item, "invoice_number"),
                JsonHttp.text(item, "status"),
                flag(item, "paid"),
                flag(item, "draft"),
                http.money(item, "currency_amount"),
                http.money(item, "remaining_amount_with_tax"),
                JsonHttp.text(item, "currency"),
                date(item, "date"),
                date(item, "deadline"));
    }

    private static Boolean flag(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value != null && value.isBoolean() ? value.booleanValue() : null;
    }

    private static LocalDate date(JsonNode item, String field) {
        String text = JsonHttp.text(item, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw ProviderFailure.permanent(NAME + " answered an invoice " + field + " that is not a date: " + text);
        }
    }

    /**
     * {@code GET /changelogs/quotes}: the first page with {@code start_date} (RFC 3339; Pennylane keeps four weeks and
     * answers 422 for an older date), the next ones with {@code cursor} only (both together are a 400), 1000 changes
     * a page (the most it gives). Items are {@code {id, operation, processed_at}}, oldest first.
     */
    @Override
    public QuoteChangePage quoteChanges(ProviderSettings settings, Instant since, String cursor) {
        Map<String, String> query = new LinkedHashMap<>();
        if (cursor != null) {
            query.put("cursor", cursor);
        } else {
            query.put("start_date", since.truncatedTo(ChronoUnit.SECONDS).toString());
        }
        query.put("limit", Integer.toString(CHANGELOG_LIMIT));
        JsonNode answer = http.get(endpoint(settings), "/changelogs/quotes", query);
        List<QuoteChangePage.Change> changes = new ArrayList<>();
        for (JsonNode item : answer.path("items")) {
            changes.add(new QuoteChangePage.Change(
                    http.id(item, "a quote change"), JsonHttp.text(item, "operation"), instant(item, "processed_at")));
        }
        String next = answer.path("has_more").asBoolean(false) ? JsonHttp.text(answer, "next_cursor") : null;
        return new QuoteChangePage(changes, next == null || next.isBlank() ? null : next);
    }

    /** {@code GET /quotes/{id}}: its status and totals; empty on 404. */
    @Override
    public Optional<BillingQuote> quote(ProviderSettings settings, String quoteId) {
        if (!quoteId.matches("[0-9]{1,18}")) {
            throw ProviderFailure.permanent(NAME + " quote ids are numbers, not '" + quoteId + "'");
        }
        return http.getIfFound(endpoint(settings), "/quotes/" + quoteId)
                .map(quote -> new BillingQuote(
                        http.id(quote, "a quote"),
                        JsonHttp.text(quote, "quote_number"),
                        JsonHttp.text(quote, "status"),
                        http.money(quote, "currency_amount_before_tax"),
                        http.money(quote, "currency_amount"),
                        JsonHttp.text(quote, "currency"),
                        instant(quote, "updated_at")));
    }

    private static Instant instant(JsonNode item, String field) {
        String text = JsonHttp.text(item, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProviderFailure.permanent(NAME + " answered a " + field + " that is not a time: " + text);
        }
    }

    /**
     * {@code GET /customers}: every customer, or those of {@code customerIds} ({@code id} filter, {@code eq} for one,
     * {@code in} with a list for several).
     */
    @Override
    public BillingListPage<BillingCustomerEntry> customers(ProviderSettings settings, BillingListQuery query) {
        List<Object> filters = new ArrayList<>();
        scope(filters, "id", query);
        return page(settings, "/customers", filters, query, item -> {
            List<String> emails = new ArrayList<>();
            item.path("emails").forEach(email -> emails.add(email.asText()));
            return new BillingCustomerEntry(
                    http.id(item, "a customer"),
                    JsonHttp.text(item, "name"),
                    JsonHttp.text(item, "customer_type"),
                    JsonHttp.text(item, "external_reference"),
                    emails);
        });
    }

    /**
     * {@code GET /customer_invoices}, newest first (Pennylane's default order): {@code customer_id} for the scope,
     * {@code draft} for the status ({@code draft} / {@code finalized}: Pennylane filters on nothing else of an
     * invoice's state), {@code date} {@code gteq} / {@code lteq}.
     */
    @Override
    public BillingListPage<BillingInvoiceEntry> invoices(ProviderSettings settings, BillingListQuery query) {
        List<Object> filters = new ArrayList<>();
        scope(filters, "customer_id", query);
        if (query.status() != null) {
            filters.add(new PennylanePayloads.Filter("draft", "eq", Boolean.toString("draft".equals(query.status()))));
        }
        dates(filters, query);
        return page(settings, "/customer_invoices", filters, query, this::invoiceEntry);
    }

    /** {@code GET /customer_invoices/{id}}; empty on 404, and for an id that is not a Pennylane id (a number). */
    @Override
    public Optional<BillingInvoiceEntry> invoice(ProviderSettings settings, String invoiceId) {
        if (!invoiceId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return http.getIfFound(endpoint(settings), "/customer_invoices/" + invoiceId)
                .map(this::invoiceEntry);
    }

    /** {@code GET /quotes}, newest first: {@code customer_id}, {@code status} {@code eq}, {@code date} bounds. */
    @Override
    public BillingListPage<BillingQuoteEntry> quotes(ProviderSettings settings, BillingListQuery query) {
        List<Object> filters = new ArrayList<>();
        scope(filters, "customer_id", query);
        if (query.status() != null) {
            filters.add(new PennylanePayloads.Filter("status", "eq", query.status()));
        }
        dates(filters, query);
        return page(
                settings,
                "/quotes",
                filters,
                query,
                item -> new BillingQuoteEntry(
                        new BillingQuote(
                                http.id(item, "a quote"),
                                JsonHttp.text(item, "quote_number"),
                                JsonHttp.text(item, "status"),
                                http.money(item, "currency_amount_before_tax"),
                                http.money(item, "currency_amount"),
                                JsonHttp.text(item, "currency"),
                                instant(item, "updated_at")),
                        JsonHttp.text(item.path("customer"), "id"),
                        date(item, "date"),
                        date(item, "deadline")));
    }

    private BillingInvoiceEntry invoiceEntry(JsonNode item) {
        return new BillingInvoiceEntry(
                invoice(item), JsonHttp.text(item.path("customer"), "id"), JsonHttp.text(item.path("quote"), "id"));
    }

    private static void scope(List<Object> filters, String field, BillingListQuery query) {
        if (query.customerIds() == null) {
            return;
        }
        List<String> ids = query.customerIds().stream().sorted().toList();
        filters.add(
                ids.size() == 1
                        ? new PennylanePayloads.Filter(field, "eq", ids.get(0))
                        : new PennylanePayloads.FilterIn(field, "in", ids));
    }

    private static void dates(List<Object> filters, BillingListQuery query) {
        if (query.dateFrom() != null) {
            filters.add(new PennylanePayloads.Filter(
                    "date", "gteq", query.dateFrom().toString()));
        }
        if (query.dateTo() != null) {
            filters.add(
                    new PennylanePayloads.Filter("date", "lteq", query.dateTo().toString()));
        }
    }

    /** One page of a list: {@code filter} when there is one, {@code limit} (at most 100), {@code cursor}. */
    private <T> BillingListPage<T> page(
            ProviderSettings settings,
            String path,
            List<Object> filters,
            BillingListQuery query,
            Function<JsonNode, T> item) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!filters.isEmpty()) {
            params.put("filter", JsonHttp.json(filters));
        }
        params.put("limit", Integer.toString(Math.min(query.limit(), MAX_LIST_LIMIT)));
        if (query.cursor() != null) {
            params.put("cursor", query.cursor());
        }
        JsonNode answer = http.get(endpoint(settings), path, params);
        List<T> items = new ArrayList<>();
        for (JsonNode node : answer.path("items")) {
            items.add(item.apply(node));
        }
        String next = answer.path("has_more").asBoolean(false) ? JsonHttp.text(answer, "next_cursor") : null;
        return new BillingListPage<>(items, next == null || next.isBlank() ? null : next);
    }

    /** {@code GET /me}: answers for any valid token, whatever its scopes; the company's name and id. */
    @Override
    public Map<String, Object> check(ProviderSettings settings) {
        JsonNode company = http.get(endpoint(settings), "/me", Map.of()).path("company");
        Map<String, Object> account = new LinkedHashMap<>();
        putIfPresent(account, "company", JsonHttp.text(company, "name"));
        putIfPresent(account, "company_id", JsonHttp.text(company, "id"));
        return account;
    }

    private static JsonHttp.Endpoint endpoint(ProviderSettings settings) {
        String token = settings.credential(API_TOKEN);
        return new JsonHttp.Endpoint(
                ProviderConfig.baseUrl(settings, DEFAULT_BASE_URL),
                Map.of("Authorization", "Bearer " + token, "X-Use-2026-API-Changes", "true"),
                ProviderConfig.requestTimeout(settings),
                token);
    }

    /** The first item of a list filtered on {@code external_reference}. */
    private Optional<JsonNode> findOne(JsonHttp.Endpoint endpoint, String path, String reference) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filter", JsonHttp.json(PennylanePayloads.Filter.externalReference(reference)));
        query.put("limit", "1");
        JsonNode items = http.get(endpoint, path, query).path("items");
        return items.isArray() && !items.isEmpty() ? Optional.of(items.get(0)) : Optional.empty();
    }

    /**
     * The customer's id: the one stored from an earlier quote when there is one (no call), else found by its
     * {@code external_reference}, else created.
     */
    private long customerId(JsonHttp.Endpoint endpoint, BillingCustomer customer) {
        if (customer.billingCustomerId() != null
                && customer.billingCustomerId().strip().matches("[0-9]{1,18}")) {
            return Long.parseLong(customer.billingCustomerId().strip());
        }
        String reference = "prm-company-" + customer.companyId();
        Optional<JsonNode> known = findOne(endpoint, "/customers", reference);
        if (known.isPresent()) {
            return numericId(known.get(), "a customer");
        }
        String name = present(customer.legalName()) ? customer.legalName() : customer.name();
        PennylanePayloads.CompanyCustomer created = new PennylanePayloads.CompanyCustomer(
                name,
                address(customer),
                present(customer.registrationNumber()) ? customer.registrationNumber() : null,
                present(customer.email()) ? List.of(customer.email()) : null,
                reference);
        return numericId(http.post(endpoint, "/company_customers", created), "a new customer");
    }

    /** Pennylane requires street, postal code, city and a 2-letter country on a company customer. */
    private static PennylanePayloads.Address address(BillingCustomer customer) {
        List<String> missing = new ArrayList<>();
        if (!present(customer.addressLine1())) {
            missing.add("address_line1");
        }
        if (!present(customer.postalCode())) {
            missing.add("postal_code");
        }
        if (!present(customer.city())) {
            missing.add("city");
        }
        if (!present(customer.country())) {
            missing.add("country");
        }
        if (!missing.isEmpty()) {
            throw ProviderFailure.permanent(NAME + " needs a billing address: company " + company(customer) + " has no "
                    + String.join(", ", missing));
        }
        String country = customer.country().strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw ProviderFailure.permanent(NAME + " needs a 2-letter ISO country: company " + company(customer)
                    + " has '" + customer.country() + "'");
        }
        String street = present(customer.addressLine2())
                ? customer.addressLine1().strip() + ", "
                        + customer.addressLine2().strip()
                : customer.addressLine1().strip();
        return new PennylanePayloads.Address(
                street, customer.postalCode().strip(), customer.city().strip(), country);
    }

    private static String vatRate(ProviderSettings settings, BigDecimal taxRate) {
        String configured = settings.setting("vat_rate_code", null);
        if (configured != null) {
            return configured.strip();
        }
        return VAT_CODES.entrySet().stream()
                .filter(code -> code.getKey().compareTo(taxRate) == 0)
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> ProviderFailure.permanent(NAME + " has no VAT code for the rate "
                        + taxRate.toPlainString() + " %; set the configuration 'vat_rate_code'"));
    }

    private static PennylanePayloads.Line line(QuoteRequest.Line line, String vatRate) {
        PennylanePayloads.Discount discount = line.discountPercentage().signum() > 0
                ? new PennylanePayloads.Discount(
                        "relative", line.discountPercentage().toPlainString())
                : null;
        return new PennylanePayloads.Line(
                line.label(),
                line.quantity(),
                present(line.unit()) ? line.unit() : null,
                line.unitPrice().toPlainString(),
                vatRate,
                discount);
    }

    /**
     * The quote's id and number, its status and totals; {@code totals_match} says whether Pennylane's amount before
     * tax is the order's (subtotal less discount), and {@code prm_amount_before_tax} is the order's when it is not.
     */
    private QuoteReceipt receipt(JsonNode quote, QuoteRequest request) {
        String id = http.id(quote, "a quote");
        Map<String, Object> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, "status", JsonHttp.text(quote, "status"));
        String number = JsonHttp.text(quote, "quote_number");
        putIfPresent(metadata, "quote_number", number);
        BigDecimal beforeTax = http.money(quote, "currency_amount_before_tax");
        BigDecimal amount = http.money(quote, "currency_amount");
        putIfPresent(metadata, "amount_before_tax", beforeTax == null ? null : beforeTax.toPlainString());
        putIfPresent(metadata, "amount", amount == null ? null : amount.toPlainString());
        if (beforeTax != null && request.subtotal() != null) {
            BigDecimal discount = request.discountAmount() == null ? BigDecimal.ZERO : request.discountAmount();
            BigDecimal ours = request.subtotal().subtract(discount);
            boolean match = beforeTax.compareTo(ours) == 0;
            metadata.put("totals_match", match);
            if (!match) {
                metadata.put("prm_amount_before_tax", ours.toPlainString());
            }
        }
        return new QuoteReceipt(id, number, metadata, JsonHttp.text(quote.path("customer"), "id"));
    }

    private long numericId(JsonNode node, String what) {
        String id = http.id(node, what);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProviderFailure.permanent(NAME + " answered " + what + " with an id that is not a number: " + id);
        }
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    private static String company(BillingCustomer customer) {
        return "'" + customer.name() + "' (" + customer.companyId() + ")";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
