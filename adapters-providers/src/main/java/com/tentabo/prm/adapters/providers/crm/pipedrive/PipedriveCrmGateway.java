package com.tentabo.prm.adapters.providers.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.adapters.providers.http.ProviderConfig;
import com.tentabo.prm.application.provider.DealReceipt;
import com.tentabo.prm.application.provider.DealRequest;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.port.out.CrmGateway;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code pipedrive} CRM provider (API v2). A deal is found again by its title, which carries the order's unique
 * number ({@code GET /api/v2/deals/search}, exact match on {@code title}), and its organization by name: each is
 * looked up before it is created, so asking twice for the same order gives the same deal. The deal is opened with the
 * order's value before tax, and the configured {@code pipeline_id}, {@code stage_id} and {@code owner_id} if any.
 */
@ApplicationScoped
public class PipedriveCrmGateway implements CrmGateway {

    static final String NAME = "pipedrive";
    static final String DEFAULT_BASE_URL = "https://api.pipedrive.com";
    static final String API_TOKEN = "api_token";

    private final JsonHttp http;

    public PipedriveCrmGateway(Clock clock, HttpClient client) {
        this.http = new JsonHttp(client, new PipedriveDialect(clock));
    }

    @Override
    public String providerName() {
        return NAME;
    }

    @Override
    public DealReceipt requestDeal(ProviderSettings settings, DealRequest request) {
        JsonHttp.Endpoint endpoint = endpoint(settings);
        Optional<JsonNode> opened = search(endpoint, "/api/v2/deals/search", "title", request.title(),
                item -> request.title().equals(JsonHttp.text(item, "title")));
        if (opened.isPresent()) {
            JsonNode deal = opened.get();
            return receipt(settings, request, http.id(deal, "a deal"), id(deal.path("organization")),
                    JsonHttp.text(deal, "status"));
        }
        Long orgId = organizationId(endpoint, request.organizationName());
        PipedrivePayloads.Deal body = new PipedrivePayloads.Deal(request.title(), request.value(), request.currency(),
                orgId, "open", ProviderConfig.optionalId(settings, "pipeline_id"),
                ProviderConfig.optionalId(settings, "stage_id"), ProviderConfig.optionalId(settings, "owner_id"));
        JsonNode deal = data(http.post(endpoint, "/api/v2/deals", body), "a deal");
        Long answeredOrgId = id(deal.path("org_id"));
        return receipt(settings, request, http.id(deal, "a deal"), answeredOrgId != null ? answeredOrgId : orgId,
                JsonHttp.text(deal, "status"));
    }

    private static JsonHttp.Endpoint endpoint(ProviderSettings settings) {
        String token = settings.credential(API_TOKEN);
        return new JsonHttp.Endpoint(ProviderConfig.baseUrl(settings, DEFAULT_BASE_URL), Map.of("x-api-token", token),
                ProviderConfig.requestTimeout(settings), token);
    }

    /** The organization named so, found by exact name (Pipedrive matches case-insensitively) or created. */
    private Long organizationId(JsonHttp.Endpoint endpoint, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String wanted = name.strip();
        Optional<JsonNode> known = search(endpoint, "/api/v2/organizations/search", "name", wanted,
                item -> wanted.equalsIgnoreCase(JsonHttp.text(item, "name")));
        JsonNode organization = known.isPresent() ? known.get()
                : data(http.post(endpoint, "/api/v2/organizations", new PipedrivePayloads.Organization(wanted)),
                "an organization");
        return numericId(organization, "an organization");
    }

    /**
     * The first search result whose item passes {@code exact}: {@code exact_match} already asks Pipedrive for the
     * whole term, but case-insensitively, so the caller says what equal means.
     */
    private Optional<JsonNode> search(JsonHttp.Endpoint endpoint, String path, String field, String term,
                                      Predicate<JsonNode> exact) {
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

    private static DealReceipt receipt(ProviderSettings settings, DealRequest request, String dealId, Long orgId,
                                       String status) {
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
