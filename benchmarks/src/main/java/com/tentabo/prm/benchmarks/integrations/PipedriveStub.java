package com.tentabo.prm.benchmarks.integrations;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Pipedrive account of {@code leads} generated leads on the loopback interface, answering the calls the service's
 * Pipedrive adapter makes, with Pipedrive's documented payloads: {@code GET /v1/leads} (offset pages,
 * {@code start}/{@code limit} up to 500, {@code sort=update_time ASC}, {@code updated_since}, the page's
 * {@code additional_data.more_items_in_collection}), {@code GET /v1/leads/{id}}, {@code GET /api/v2/organizations/{id}},
 * {@code GET /api/v2/persons/{id}}, the lists {@code GET /api/v2/organizations?ids=} and
 * {@code GET /api/v2/persons?ids=} (up to 100 comma-separated ids, the missing ones left out), a lead's {@code GET /api/v2/activities?lead_id=} (cursor pages) and
 * {@code GET /v1/notes?lead_id=} (offset pages), {@code GET /v1/dealFields} and {@code GET /v1/users/me}. Any other
 * call answers Pipedrive's 404 body.
 *
 * <p>Nothing is stored: lead {@code i} (0 ≤ i < leads) is computed from {@code i} on each call — id
 * {@code 00000000-0000-4000-8000-<i in hex>}, updated at {@link #FIRST_UPDATE} + i seconds, organization {@code 1 + i/2}
 * (two leads each), person {@code 1 + i}, one custom field (an option of {@link #SECTOR_FIELD}) — so the stub's memory
 * does not grow with the account, and a page is generated as it is asked for. It counts the calls of each kind, and
 * the single-lead reads per lead (the webhook driver checks that no event was processed twice).
 */
public final class PipedriveStub implements AutoCloseable {

    public static final Instant FIRST_UPDATE = Instant.parse("2026-01-01T00:00:00Z");
    /** A custom field's 40-character key, as Pipedrive names them. */
    static final String SECTOR_FIELD = "5e1c6a0b8f2d4e3a9c7b1d0e2f4a6b8c0d2e4f6a";

    private static final String NOT_FOUND = "{\"success\": false, \"error\": \"Not found\", \"error_info\": "
            + "\"Please check developers.pipedrive.com\", \"data\": null}";

    /** Pipedrive's answer to a list asked for more than 100 ids (sent as a 400). */
    static final String BAD_REQUEST = "{\"success\": false, \"error\": \"ids: must contain at most 100 items\", "
            + "\"code\": \"ERR_SCHEMA_VALIDATION_FAILED\", \"data\": null}";

    private final HttpServer server;
    private final ExecutorService threads;
    private final int leads;
    private final AtomicIntegerArray leadReads;
    private final Map<String, AtomicLong> calls = new java.util.concurrent.ConcurrentHashMap<>();

    public PipedriveStub(int leads) throws IOException {
        this.leads = leads;
        this.leadReads = new AtomicIntegerArray(leads);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        this.threads = Executors.newFixedThreadPool(4);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The id of generated lead {@code i}. */
    public static String leadId(int i) {
        return String.format(Locale.ROOT, "00000000-0000-4000-8000-%012x", i);
    }

    /** How many calls of this kind were answered ({@code leads.list}, {@code lead}, {@code organization}, …). */
    public long calls(String kind) {
        AtomicLong count = calls.get(kind);
        return count == null ? 0 : count.get();
    }

    /** How many times lead {@code i} was read alone ({@code GET /v1/leads/{id}}). */
    public int leadReads(int i) {
        return leadReads.get(i);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String body = answer(path, query);
            byte[] bytes = (body == null ? NOT_FOUND : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : body.equals(BAD_REQUEST) ? 400 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private String answer(String path, Map<String, String> query) {
        if (path.equals("/v1/leads")) {
            count("leads.list");
            return leadPage(query);
        }
        if (path.startsWith("/v1/leads/")) {
            count("lead");
            int i = index(path.substring("/v1/leads/".length()));
            if (i < 0) {
                return null;
            }
            leadReads.incrementAndGet(i);
            return "{\"success\": true, \"data\": " + lead(i) + "}";
        }
        if (path.startsWith("/api/v2/organizations/")) {
            count("organization");
            String organization = organization(number(path.substring("/api/v2/organizations/".length())));
            return organization == null ? null : "{\"success\": true, \"data\": " + organization + "}";
        }
        if (path.startsWith("/api/v2/persons/")) {
            count("person");
            String person = person(number(path.substring("/api/v2/persons/".length())));
            return person == null ? null : "{\"success\": true, \"data\": " + person + "}";
        }
        if (path.equals("/api/v2/organizations")) {
            count("organizations.list");
            return byIds(query, this::organization);
        }
        if (path.equals("/api/v2/persons")) {
            count("persons.list");
            return byIds(query, this::person);
        }
        if (path.equals("/api/v2/activities")) {
            count("activities");
            return "{\"success\": true, \"data\": [], \"additional_data\": {\"next_cursor\": null}}";
        }
        if (path.equals("/v1/notes")) {
            count("notes");
            return "{\"success\": true, \"data\": [], \"additional_data\": {\"pagination\": {\"start\": 0, \"limit\": 500, "
                    + "\"more_items_in_collection\": false}}}";
        }
        if (path.equals("/v1/dealFields")) {
            count("dealFields");
            return "{\"success\": true, \"data\": [{\"id\": 12, \"key\": \"title\", \"name\": \"Title\", \"field_type\": "
                    + "\"varchar\"}, {\"id\": 41, \"key\": \"" + SECTOR_FIELD
                    + "\", \"name\": \"Sector\", \"field_type\": "
                    + "\"enum\", \"options\": [{\"id\": 12, \"label\": \"Retail\"}, {\"id\": 13, \"label\": \"Logistics\"}]}], "
                    + "\"additional_data\": {\"pagination\": {\"start\": 0, \"limit\": 500, \"more_items_in_collection\": false}}}";
        }
        if (path.equals("/v1/users/me")) {
            count("users.me");
            return "{\"success\": true, \"data\": {\"id\": 1, \"email\": \"owner@bench.example\", \"company_name\": "
                    + "\"Benchmark\", \"company_domain\": \"benchmark\"}}";
        }
        count("other");
        return null;
    }

    private String organization(long id) {
        return id < 1 || id > (leads + 1) / 2
                ? null
                : "{\"id\": " + id + ", \"name\": \"Organization " + id
                        + " SAS\", \"owner_id\": 1, \"add_time\": \"2025-12-01T08:00:00Z\"}";
    }

    private String person(long id) {
        return id < 1 || id > leads
                ? null
                : "{\"id\": " + id + ", \"name\": \"Person " + id + "\", \"org_id\": " + (1 + (id - 1) / 2)
                        + ", \"emails\": [{\"value\": \"person" + id
                        + "@customer.example\", \"primary\": true, \"label\": \"work\"}], \"phones\": [{\"value\": \"+3314"
                        + String.format(Locale.ROOT, "%07d", id) + "\", \"primary\": true, \"label\": \"work\"}]}";
    }

    /**
     * A v2 list asked for {@code ids} (comma-separated, at most 100, Pipedrive's documented cap: more is a 400): the
     * ones that exist, in one cursor page ({@code limit} up to 500, default 100), the others left out as Pipedrive
     * does.
     */
    private static String byIds(Map<String, String> query, java.util.function.LongFunction<String> item) {
        String[] ids = query.getOrDefault("ids", "").split(",");
        if (ids.length > 100) {
            return BAD_REQUEST;
        }
        StringBuilder page = new StringBuilder(ids.length * 300).append("{\"success\": true, \"data\": [");
        boolean first = true;
        for (String id : ids) {
            String found = id.isBlank() ? null : item.apply(number(id.strip()));
            if (found != null) {
                page.append(first ? "" : ",").append(found);
                first = false;
            }
        }
        return page.append("], \"additional_data\": {\"next_cursor\": null}}").toString();
    }

    /** One offset page of {@code GET /v1/leads}, oldest change first, from {@code updated_since} if given. */
    private String leadPage(Map<String, String> query) {
        int start = (int) Math.max(0, number(query.getOrDefault("start", "0")));
        int limit = (int) Math.min(500, Math.max(1, number(query.getOrDefault("limit", "100"))));
        int first = 0;
        String since = query.get("updated_since");
        if (since != null) {
            long seconds = Instant.parse(since).getEpochSecond() - FIRST_UPDATE.getEpochSecond();
            first = (int) Math.max(0, Math.min(leads, seconds));
        }
        int from = first + start;
        int to = Math.min(leads, from + limit);
        StringBuilder page =
                new StringBuilder(to > from ? (to - from) * 520 : 64).append("{\"success\": true, \"data\": [");
        for (int i = from; i < to; i++) {
            page.append(i == from ? "" : ",").append(lead(i));
        }
        return page.append("], \"additional_data\": {\"start\": ")
                .append(start)
                .append(", \"limit\": ")
                .append(limit)
                .append(", \"more_items_in_collection\": ")
                .append(to < leads)
                .append("}}")
                .toString();
    }

    private static String lead(int i) {
        String time = FIRST_UPDATE.plusSeconds(i).toString();
        return "{\"id\": \"" + leadId(i) + "\", \"title\": \"Benchmark lead " + i + "\", \"owner_id\": 1, "
                + "\"creator_id\": 1, \"label_ids\": [], \"person_id\": " + (1 + i) + ", \"organization_id\": "
                + (1 + i / 2) + ", \"source_name\": \"API\", \"origin\": \"API\", \"is_archived\": false, "
                + "\"was_seen\": true, \"value\": {\"amount\": " + (1000 + i % 9000) + ".50, \"currency\": \"EUR\"}, "
                + "\"expected_close_date\": \"2026-06-30\", \"next_activity_id\": null, \"add_time\": \"" + time
                + "\", \"update_time\": \"" + time + "\", \"visible_to\": \"3\", \"cc_email\": \"bench+" + i
                + "@pipedrivemail.com\", \"" + SECTOR_FIELD + "\": " + (12 + i % 2) + "}";
    }

    private int index(String id) {
        if (!id.matches("00000000-0000-4000-8000-[0-9a-f]{12}")) {
            return -1;
        }
        long i = Long.parseLong(id.substring(24), 16);
        return i < leads ? (int) i : -1;
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    private void count(String kind) {
        calls.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
