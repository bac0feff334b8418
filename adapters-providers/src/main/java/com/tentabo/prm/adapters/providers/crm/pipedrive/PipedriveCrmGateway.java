package com.tentabo.prm.adapters.providers.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.adapters.providers.http.ProviderConfig;
import com.tentabo.prm.application.provider.CrmDealUpdate;
import com.tentabo.prm.application.provider.CrmLead;
import com.tentabo.prm.application.provider.CrmLeadListing;
import com.tentabo.prm.application.provider.CrmLeadPage;
import com.tentabo.prm.application.provider.CrmLeadUpdate;
import com.tentabo.prm.application.provider.DealReceipt;
import com.tentabo.prm.application.provider.DealRequest;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.CrmGateway;
import com.tentabo.prm.application.provider.port.out.ProviderHealthGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The {@code pipedrive} CRM provider (API v2). A deal is found again by its title, which carries the order's unique
 * number ({@code GET /api/v2/deals/search}, exact match on {@code title}), and its organization by name: each is
 * looked up before it is created, so asking twice for the same order gives the same deal. The deal is opened with the
 * order's value before tax, and the configured {@code pipeline_id}, {@code stage_id} and {@code owner_id} if any.
 */
@ApplicationScoped
public class PipedriveCrmGateway implements CrmGateway, ProviderHealthGateway {

    static final String NAME = "pipedrive";
    static final String DEFAULT_BASE_URL = "https://api.pipedrive.com";
    static final String API_TOKEN = "api_token";
    static final int LEAD_PAGE = 100;
    /** The leads of a page of a first full import: the most Pipedrive's listing gives at once. */
    static final int FULL_PAGE = 500;
    /** The most ids Pipedrive's v2 lists take in {@code ids}. */
    static final int IDS_PER_CALL = 100;
    /**
     * The most organization and person lists of import pages read at once, by all callers of this gateway together:
     * a page's eight lists take the time of two or three instead of eight, within Pipedrive's burst limits.
     */
    static final int LISTS_AT_ONCE = 4;

    private final JsonHttp http;
    private final PipedriveFollowUps followUps;
    private final PipedriveFields fields;
    private final ExecutorService lists;

    public PipedriveCrmGateway(Clock clock, HttpClient client) {
        this.http = new JsonHttp(client, new PipedriveDialect(clock));
        this.followUps = new PipedriveFollowUps(http);
        this.fields = new PipedriveFields(http, clock);
        this.lists = listReaders();
    }

    /** {@value #LISTS_AT_ONCE} daemon threads, which end when idle for 30 s. */
    private static ExecutorService listReaders() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                LISTS_AT_ONCE, LISTS_AT_ONCE, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
                    Thread thread = new Thread(work, "pipedrive-lists");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    @Override
    public String providerName() {
        return NAME;
    }

    @Override
    public DealReceipt requestDeal(ProviderSettings settings, DealRequest request) {
        JsonHttp.Endpoint endpoint = endpoint(settings);
        Optional<JsonNode> opened = search(
                endpoint,
                "/api/v2/deals/search",
                "title",
                request.title(),
                item -> request.title().equals(JsonHttp.text(item, "title")));
        if (opened.isPresent()) {
            JsonNode deal = opened.get();
            return receipt(
                    settings,
                    request,
                    http.id(deal, "a deal"),
                    id(deal.path("organization")),
                    JsonHttp.text(deal, "status"));
        }
        Long orgId = organizationId(endpoint, request.organizationName());
        PipedrivePayloads.Deal body = new PipedrivePayloads.Deal(
                request.title(),
                request.value(),
                request.currency(),
                orgId,
                "open",
                ProviderConfig.optionalId(settings, "pipeline_id"),
                ProviderConfig.optionalId(settings, "stage_id"),
                ProviderConfig.optionalId(settings, "owner_id"));
        JsonNode deal = data(http.post(endpoint, "/api/v2/deals", body), "a deal");
        Long answeredOrgId = id(deal.path("org_id"));
        return receipt(
                settings,
                request,
                http.id(deal, "a deal"),
                answeredOrgId != null ? answeredOrgId : orgId,
                JsonHttp.text(deal, "status"));
    }

    /**
     * {@code GET /v1/leads/{id}} (leads exist in API v1 only), then its organization's and person's names and the
     * person's primary e-mail and phone ({@code GET /api/v2/organizations/{id}}, {@code /api/v2/persons/{id}}).
     * A lead, organization or person Pipedrive no longer has (404) is absent.
     */
    @Override
    public Optional<CrmLead> lead(ProviderSettings settings, String leadId) {
        JsonHttp.Endpoint endpoint = endpoint(settings);
        Optional<JsonNode> found = http.getIfFound(endpoint, "/v1/leads/" + pathSegment(leadId))
                .map(answer -> answer.path("data"))
                .filter(JsonNode::isObject);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JsonNode lead = found.get();
        return Optional.of(crmLead(
                endpoint,
                lead,
                related(endpoint, "/api/v2/organizations/", lead.path("organization_id")),
                related(endpoint, "/api/v2/persons/", lead.path("person_id"))));
    }

    /** A v1 lead with its organization and person (empty objects when it has none) as the PRM takes it. */
    private CrmLead crmLead(JsonHttp.Endpoint endpoint, JsonNode lead, JsonNode organization, JsonNode person) {
        JsonNode value = lead.path("value");
        Map<String, Object> metadata = new LinkedHashMap<>();
        putIfPresent(metadata, "owner_id", JsonHttp.text(lead, "owner_id"));
        putIfPresent(metadata, "organization_id", JsonHttp.text(lead, "organization_id"));
        putIfPresent(metadata, "person_id", JsonHttp.text(lead, "person_id"));
        putIfPresent(metadata, "source_name", JsonHttp.text(lead, "source_name"));
        if (lead.path("is_archived").isBoolean()) {
            metadata.put("is_archived", lead.path("is_archived").asBoolean());
        }
        Map<String, Object> custom = fields.named(endpoint, lead);
        if (!custom.isEmpty()) {
            metadata.put("custom_fields", custom);
        }
        return new CrmLead(
                http.id(lead, "a lead"),
                JsonHttp.text(lead, "title"),
                JsonHttp.text(organization, "name"),
                JsonHttp.text(person, "name"),
                primary(person.path("emails")),
                primary(person.path("phones")),
                value.isObject() ? http.money(value, "amount") : null,
                value.isObject() ? JsonHttp.text(value, "currency") : null,
                date(JsonHttp.text(lead, "expected_close_date")),
                instant(JsonHttp.text(lead, "update_time")),
                metadata);
    }

    /**
     * {@code GET /v1/leads?start=&limit=100&sort=update_time ASC[&updated_since=]} (offset pages; the cursor is the
     * next {@code start}), archived leads included ({@code archived_status=all}).
     */
    @Override
    public CrmLeadPage leadsChangedSince(ProviderSettings settings, java.time.Instant since, String cursor) {
        Listing listing = listing(endpoint(settings), since, cursor, LEAD_PAGE);
        List<CrmLeadPage.Change> changes = new ArrayList<>();
        for (JsonNode lead : listing.leads()) {
            changes.add(new CrmLeadPage.Change(http.id(lead, "a lead"), instant(JsonHttp.text(lead, "update_time"))));
        }
        return new CrmLeadPage(changes, listing.next());
    }

    /**
     * The same listing by pages of {@value #FULL_PAGE} (the v1 leads list carries every field a lead's import reads),
     * the page's organizations and persons read {@value #IDS_PER_CALL} at a time
     * ({@code GET /api/v2/organizations?ids=} and {@code /api/v2/persons?ids=}: Pipedrive leaves out the ones it no
     * longer has, which the lead then lacks, as {@link #lead} does): eight calls for 500 leads instead of 1,000, read
     * {@value #LISTS_AT_ONCE} at a time.
     */
    @Override
    public CrmLeadListing leadsWithDetailsSince(ProviderSettings settings, java.time.Instant since, String cursor) {
        JsonHttp.Endpoint endpoint = endpoint(settings);
        Listing listing = listing(endpoint, since, cursor, FULL_PAGE);
        List<Future<Map<Long, JsonNode>>> organizationLists =
                byIds(endpoint, "/api/v2/organizations", listing.leads(), "organization_id");
        List<Future<Map<Long, JsonNode>>> personLists =
                byIds(endpoint, "/api/v2/persons", listing.leads(), "person_id");
        Map<Long, JsonNode> organizations = gathered(organizationLists, personLists);
        Map<Long, JsonNode> persons = gathered(personLists, organizationLists);
        JsonNode none = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        List<CrmLead> leads = new ArrayList<>();
        for (JsonNode lead : listing.leads()) {
            leads.add(crmLead(
                    endpoint,
                    lead,
                    organizations.getOrDefault(id(lead.path("organization_id")), none),
                    persons.getOrDefault(id(lead.path("person_id")), none)));
        }
        return new CrmLeadListing(leads, listing.next());
    }

    /** One page of the leads listing and the cursor of the next one (null on the last). */
    private record Listing(List<JsonNode> leads, String next) {}

    /**
     * {@code GET /v1/leads?start=&limit=&sort=update_time ASC[&updated_since=]} (offset pages; the cursor is the next
     * {@code start}), archived leads included ({@code archived_status=all}).
     */
    private Listing listing(JsonHttp.Endpoint endpoint, java.time.Instant since, String cursor, int limit) {
        int start;
        try {
            start = cursor == null ? 0 : Integer.parseInt(cursor);
        } catch (NumberFormatException notOurs) {
            throw ProviderFailure.permanent(NAME + " lead page cursor is not a number: " + cursor);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("start", String.valueOf(start));
        query.put("limit", String.valueOf(limit));
        query.put("sort", "update_time ASC");
        query.put("archived_status", "all");
        if (since != null) {
            query.put(
                    "updated_since",
                    since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        JsonNode answer = http.get(endpoint, "/v1/leads", query);
        List<JsonNode> leads = new ArrayList<>();
        answer.path("data").forEach(leads::add);
        // the leads listing answers its offset page flat in additional_data; the other v1 lists under pagination
        JsonNode paging = answer.path("additional_data");
        boolean more = (paging.path("more_items_in_collection").asBoolean(false)
                        || paging.path("pagination")
                                .path("more_items_in_collection")
                                .asBoolean(false))
                && !leads.isEmpty();
        return new Listing(leads, more ? String.valueOf(start + leads.size()) : null);
    }

    /**
     * The organizations or persons the leads name under {@code field}, by id: {@code GET path?ids=…&limit=100}, at
     * most {@value #IDS_PER_CALL} ids a call (Pipedrive's documented cap), every cursor page of an answer read; each
     * call submitted to the list readers.
     */
    private List<Future<Map<Long, JsonNode>>> byIds(
            JsonHttp.Endpoint endpoint, String path, List<JsonNode> leads, String field) {
        List<Long> ids = leads.stream()
                .map(lead -> id(lead.path(field)))
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        List<Future<Map<Long, JsonNode>>> calls = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
            String wanted = ids.subList(from, Math.min(ids.size(), from + IDS_PER_CALL)).stream()
                    .map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(","));
            calls.add(lists.submit(() -> byIds(endpoint, path, wanted)));
        }
        return calls;
    }

    /** One call of {@link #byIds(JsonHttp.Endpoint, String, List, String)}: the items found for these ids. */
    private Map<Long, JsonNode> byIds(JsonHttp.Endpoint endpoint, String path, String wanted) {
        Map<Long, JsonNode> found = new HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("ids", wanted);
            query.put("limit", String.valueOf(IDS_PER_CALL));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode answer = http.get(endpoint, path, query);
            for (JsonNode item : answer.path("data")) {
                Long id = id(item);
                if (id != null) {
                    found.put(id, item);
                }
            }
            cursor = JsonHttp.text(answer.path("additional_data"), "next_cursor");
        } while (cursor != null && ++pages < IDS_PER_CALL); // 100 ids fit one page: a longer chain is no answer to them
        return found;
    }

    /**
     * The items the calls found, waiting for each; the first that failed (a 429, …) is thrown as it is, the calls
     * not yet done, and the {@code others} of the page, cancelled.
     */
    private static Map<Long, JsonNode> gathered(
            List<Future<Map<Long, JsonNode>>> calls, List<Future<Map<Long, JsonNode>>> others) {
        Map<Long, JsonNode> found = new HashMap<>();
        try {
            for (Future<Map<Long, JsonNode>> call : calls) {
                found.putAll(call.get());
            }
            return found;
        } catch (ExecutionException failed) {
            cancel(calls, others);
            if (failed.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            throw ProviderFailure.retryable(NAME + " list read failed: " + failed.getCause(), failed.getCause());
        } catch (InterruptedException interrupted) {
            cancel(calls, others);
            Thread.currentThread().interrupt();
            throw ProviderFailure.retryable(NAME + " list read was interrupted", interrupted);
        }
    }

    private static void cancel(List<Future<Map<Long, JsonNode>>> calls, List<Future<Map<Long, JsonNode>>> others) {
        calls.forEach(call -> call.cancel(true));
        others.forEach(call -> call.cancel(true));
    }

    /**
     * {@code PATCH /v1/leads/{id}} with what changed: {@code is_archived} (won or lost: archived; reopened: not),
     * {@code value {amount, currency}}, and {@code owner_id} = the Pipedrive user whose e-mail is the new owner's
     * ({@code GET /v1/users/find?search_by_email=true}; no such user: the owner is not sent).
     */
    @Override
    public java.time.Instant updateLead(ProviderSettings settings, CrmLeadUpdate update) {
        JsonHttp.Endpoint endpoint = endpoint(settings);
        Map<String, Object> body = new LinkedHashMap<>();
        if (update.archived() != null) {
            body.put("is_archived", update.archived());
        }
        if (update.value() != null) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("amount", update.value());
            value.put("currency", update.currency());
            body.put("value", value);
        }
        if (update.ownerEmail() != null) {
            userIdByEmail(endpoint, update.ownerEmail()).ifPresent(owner -> body.put("owner_id", owner));
        }
        if (body.isEmpty()) {
            return null;
        }
        JsonNode lead = data(http.patch(endpoint, "/v1/leads/" + pathSegment(update.leadId()), body), "a lead");
        return instant(JsonHttp.text(lead, "update_time"));
    }

    /** {@code PATCH /api/v2/deals/{id}} with {@code status} and, when lost, {@code lost_reason}. */
    @Override
    public java.time.Instant updateDeal(ProviderSettings settings, CrmDealUpdate update) {
        if (!update.dealId().matches("[0-9]{1,18}")) {
            throw ProviderFailure.permanent(NAME + " deal id is not one: " + update.dealId());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", update.status());
        if (update.lostReason() != null) {
            body.put("lost_reason", update.lostReason());
        }
        JsonNode deal = data(http.patch(endpoint(settings), "/api/v2/deals/" + update.dealId(), body), "a deal");
        return instant(JsonHttp.text(deal, "update_time"));
    }

    /** The active Pipedrive user with exactly this e-mail (ignoring case), if any. */
    private Optional<Long> userIdByEmail(JsonHttp.Endpoint endpoint, String email) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("term", email.strip());
        query.put("search_by_email", "true");
        for (JsonNode user : http.get(endpoint, "/v1/users/find", query).path("data")) {
            if (email.strip().equalsIgnoreCase(JsonHttp.text(user, "email"))
                    && user.path("active_flag").asBoolean(true)
                    && user.path("id").isIntegralNumber()) {
                return Optional.of(user.path("id").asLong());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<com.tentabo.prm.application.provider.CrmActivity> activity(
            ProviderSettings settings, String activityId) {
        return followUps.activity(endpoint(settings), activityId);
    }

    @Override
    public Optional<com.tentabo.prm.application.provider.CrmNote> note(ProviderSettings settings, String noteId) {
        return followUps.note(endpoint(settings), noteId);
    }

    @Override
    public java.util.List<com.tentabo.prm.application.provider.CrmActivity> activitiesOfLead(
            ProviderSettings settings, String leadId) {
        return followUps.activitiesOfLead(endpoint(settings), pathSegment(leadId));
    }

    @Override
    public java.util.List<com.tentabo.prm.application.provider.CrmNote> notesOfLead(
            ProviderSettings settings, String leadId) {
        return followUps.notesOfLead(endpoint(settings), pathSegment(leadId));
    }

    /** The organization or person with this id, or an empty object when there is none (or Pipedrive lost it). */
    private JsonNode related(JsonHttp.Endpoint endpoint, String path, JsonNode id) {
        if (!id.isIntegralNumber()) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        return http.getIfFound(endpoint, path + id.asLong())
                .map(answer -> answer.path("data"))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /** The primary value of Pipedrive's {@code [{value, primary}]} lists, else the first one. */
    private static String primary(JsonNode entries) {
        String first = null;
        for (JsonNode entry : entries) {
            String text = JsonHttp.text(entry, "value");
            if (text == null || text.isBlank()) {
                continue;
            }
            if (entry.path("primary").asBoolean(false)) {
                return text.strip();
            }
            first = first == null ? text.strip() : first;
        }
        return first;
    }

    private static java.time.LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(
                    text.strip().substring(0, Math.min(10, text.strip().length())));
        } catch (java.time.format.DateTimeParseException unreadable) {
            throw ProviderFailure.permanent(NAME + " answered an expected_close_date that is not a date: " + text);
        }
    }

    /** Pipedrive writes times as RFC 3339 ({@code 2020-10-14T11:30:36.551Z}) or {@code 2019-12-09 13:59:21} (UTC). */
    static java.time.Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text.strip()).toInstant();
        } catch (java.time.format.DateTimeParseException notRfc3339) {
            try {
                return java.time.LocalDateTime.parse(text.strip().replace(' ', 'T'))
                        .toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    /** A lead id is Pipedrive's UUID: anything else is refused rather than put in a URL path. */
    private static String pathSegment(String leadId) {
        if (leadId == null || !leadId.matches("[A-Za-z0-9-]{1,64}")) {
            throw ProviderFailure.permanent(NAME + " lead id is not one: " + leadId);
        }
        return leadId;
    }

    private static void putIfPresent(Map<String, Object> metadata, String key, String value) {
        if (value != null) {
            metadata.put(key, value);
        }
    }

    /** {@code GET /v1/users/me}: the token's user and company. */
    @Override
    public Map<String, Object> check(ProviderSettings settings) {
        JsonNode user = http.get(endpoint(settings), "/v1/users/me", Map.of()).path("data");
        Map<String, Object> account = new LinkedHashMap<>();
        putIfPresent(account, "company", JsonHttp.text(user, "company_name"));
        putIfPresent(account, "company_domain", JsonHttp.text(user, "company_domain"));
        putIfPresent(account, "user", JsonHttp.text(user, "email"));
        return account;
    }

    private static JsonHttp.Endpoint endpoint(ProviderSettings settings) {
        String token = settings.credential(API_TOKEN);
        return new JsonHttp.Endpoint(
                ProviderConfig.baseUrl(settings, DEFAULT_BASE_URL),
                Map.of("x-api-token", token),
                ProviderConfig.requestTimeout(settings),
                token);
    }

    /** The organization named so, found by exact name (Pipedrive matches case-insensitively) or created. */
    private Long organizationId(JsonHttp.Endpoint endpoint, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String wanted = name.strip();
        Optional<JsonNode> known = search(
                endpoint,
                "/api/v2/organizations/search",
                "name",
                wanted,
                item -> wanted.equalsIgnoreCase(JsonHttp.text(item, "name")));
        JsonNode organization = known.isPresent()
                ? known.get()
                : data(
                        http.post(endpoint, "/api/v2/organizations", new PipedrivePayloads.Organization(wanted)),
                        "an organization");
        return numericId(organization, "an organization");
    }

    /**
     * The first search result whose item passes {@code exact}: {@code exact_match} already asks Pipedrive for the
     * whole term, but case-insensitively, so the caller says what equal means.
     */
    private Optional<JsonNode> search(
            JsonHttp.Endpoint endpoint, String path, String field, String term, Predicate<JsonNode> exact) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("term", term);
        query.put("fields", field);
        query.put("exact_match", "true");
        for (JsonNode result : http.get(endpoint, path, query).path("data").path("items")) {
            JsonNode item = result.path("item");
            if (exact.test(item)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static JsonNode data(JsonNode answer, String what) {
        JsonNode data = answer.path("data");
        if (!data.isObject()) {
            throw ProviderFailure.permanent(NAME + " answered " + what + " without data");
        }
        return data;
    }

    private static DealReceipt receipt(
            ProviderSettings settings, DealRequest request, String dealId, Long orgId, String status) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (orgId != null) {
            metadata.put("org_id", orgId);
        }
        if (status != null) {
            metadata.put("status", status);
        }
        if (request.leadProviderId() != null) {
            metadata.put("source_lead_id", request.leadProviderId());
        }
        String domain = settings.setting("company_domain", null);
        if (domain != null) {
            metadata.put("url", "https://" + domain.strip() + ".pipedrive.com/deal/" + dealId);
        }
        return new DealReceipt(dealId, metadata);
    }

    /** An id given as a number, or as an object holding one ({@code "organization": {"id": 5}}); null when absent. */
    private static Long id(JsonNode node) {
        JsonNode id = node.isObject() ? node.path("id") : node;
        return id.isIntegralNumber() ? id.asLong() : null;
    }

    private long numericId(JsonNode node, String what) {
        String id = http.id(node, what);
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProviderFailure.permanent(NAME + " answered " + what + " with an id that is not a number: " + id);
        }
    }
}
