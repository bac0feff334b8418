package com.tentabo.prm.adapters.providers.crm.pipedrive;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.application.provider.CrmLead;
import com.tentabo.prm.application.provider.DealReceipt;
import com.tentabo.prm.application.provider.DealRequest;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
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
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PipedriveCrmGatewayTest {

    @RegisterExtension
    static WireMockExtension pipedrive = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final String TOKEN = "pd-api-token-3f9a77c1";
    private static final String TITLE = "ORD-2026-0001 — Acme Partners";
    private static final String NO_RESULTS =
            "{\"success\": true, \"data\": {\"items\": []}, \"additional_data\": {\"next_cursor\": null}}";
    /** The data of POST /api/v2/deals as the v2 spec example shapes it (§1.9), for the order's deal. */
    private static final String CREATED_DEAL = """
            {"success": true,
             "data": {"id": 746, "title": "%s", "owner_id": 3, "person_id": null, "org_id": 7, "pipeline_id": 1,
                      "stage_id": 2, "value": 8100.50, "currency": "EUR", "status": "open", "probability": null,
                      "expected_close_date": null, "is_deleted": false, "is_archived": false, "label_ids": [],
                      "origin": "API", "add_time": "2026-03-01T10:00:00Z", "update_time": "2026-03-01T10:00:00Z",
                      "custom_fields": {}}}
            """.formatted(TITLE);

    /** 2026-03-01 22:30 UTC: the daily budget resets in 1 h 30 min. */
    private final PipedriveCrmGateway gateway = new PipedriveCrmGateway(
            Clock.fixed(Instant.parse("2026-03-01T22:30:00Z"), ZoneOffset.UTC), JsonHttp.newClient());

    private static ProviderSettings settings(Map<String, Object> extra) {
        Map<String, Object> configuration = new HashMap<>(extra);
        configuration.putIfAbsent("base_url", pipedrive.baseUrl());
        return new ProviderSettings("pipedrive", ProviderType.CRM, configuration, Map.of("api_token", TOKEN));
    }

    private static DealRequest order(String organizationName, String leadId) {
        return new DealRequest(
                UUID.fromString("7f3c0d2a-1b4e-4c5f-9a8b-0c1d2e3f4a5b"),
                "ORD-2026-0001",
                TITLE,
                new BigDecimal("8100.50"),
                "EUR",
                organizationName,
                leadId);
    }

    private static MappingBuilder search(String path, String term, String field) {
        return get(urlPathEqualTo(path))
                .withQueryParam("term", equalTo(term))
                .withQueryParam("fields", equalTo(field))
                .withQueryParam("exact_match", equalTo("true"))
                .withQueryParam("api_token", absent())
                .withHeader("x-api-token", equalTo(TOKEN))
                .withHeader("Accept", equalTo("application/json"));
    }

    private static MappingBuilder dealSearch() {
        return search("/api/v2/deals/search", TITLE, "title");
    }

    private static String result(String item) {
        return "{\"result_score\": 1.0, \"item\": " + item + "}";
    }

    private static String results(String... items) {
        return "{\"success\": true, \"data\": {\"items\": [" + String.join(",", items) + "]},"
                + " \"additional_data\": {\"next_cursor\": null}}";
    }

    private ProviderFailure failureOf(DealRequest request) {
        return failure(() -> gateway.requestDeal(settings(Map.of()), request));
    }

    private static ProviderFailure failure(ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(ProviderFailure.class, call);
    }

    @Test
    void givenNoDealNorOrganization_requestDeal_createsTheOrganizationThenTheDealWithTheExactValue() {
        pipedrive.stubFor(dealSearch().willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(
                search("/api/v2/organizations/search", "Acme Partners", "name").willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(post("/api/v2/organizations")
                .willReturn(okJson(
                        "{\"success\": true, \"data\": {\"id\": 7, \"name\": \"Acme Partners\", \"owner_id\": 3}}")));
        pipedrive.stubFor(post("/api/v2/deals").willReturn(okJson(CREATED_DEAL)));

        DealReceipt receipt = gateway.requestDeal(
                settings(Map.of("pipeline_id", "1", "stage_id", 2, "owner_id", "3", "company_domain", "acme-reseller")),
                order("Acme Partners", "adf21080-0e10-11eb-879b-05d71fb426ec"));

        assertThat(receipt.dealId()).isEqualTo("746");
        assertThat(receipt.metadata())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "org_id",
                        7L,
                        "status",
                        "open",
                        "source_lead_id",
                        "adf21080-0e10-11eb-879b-05d71fb426ec",
                        "url",
                        "https://acme-reseller.pipedrive.com/deal/746"));
        pipedrive.verify(postRequestedFor(urlPathEqualTo("/api/v2/organizations"))
                .withHeader("x-api-token", equalTo(TOKEN))
                .withRequestBody(equalToJson("{\"name\": \"Acme Partners\"}")));
        pipedrive.verify(postRequestedFor(urlPathEqualTo("/api/v2/deals"))
                .withHeader("x-api-token", equalTo(TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"title": "%s", "value": 8100.50, "currency": "EUR", "org_id": 7, "status": "open",
                         "pipeline_id": 1, "stage_id": 2, "owner_id": 3}""".formatted(TITLE))));
        List<LoggedRequest> deals = pipedrive.findAll(postRequestedFor(urlPathEqualTo("/api/v2/deals")));
        assertThat(deals)
                .singleElement()
                .satisfies(deal -> assertThat(deal.getBodyAsString()).contains("\"value\":8100.50"));
    }

    @Test
    void givenAKnownOrganization_requestDeal_opensTheDealForItWithoutCreatingAnother() {
        pipedrive.stubFor(dealSearch().willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(search("/api/v2/organizations/search", "Acme Partners", "name")
                .willReturn(okJson(results(result(
                        "{\"id\": 9, \"type\": \"organization\", \"name\": \"ACME PARTNERS\", \"address\": null}")))));
        pipedrive.stubFor(
                post("/api/v2/deals").willReturn(okJson(CREATED_DEAL.replace("\"org_id\": 7", "\"org_id\": 9"))));

        DealReceipt receipt = gateway.requestDeal(settings(Map.of()), order("Acme Partners", null));

        assertThat(receipt.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("org_id", 9L, "status", "open"));
        pipedrive.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/organizations")));
        pipedrive.verify(postRequestedFor(urlPathEqualTo("/api/v2/deals"))
                .withRequestBody(equalToJson(
                        "{\"title\": \"%s\", \"value\": 8100.50, \"currency\": \"EUR\", \"org_id\": 9, \"status\": \"open\"}"
                                .formatted(TITLE))));
    }

    @Test
    void givenNoOrganizationName_requestDeal_opensADealWithoutOrganization() {
        pipedrive.stubFor(dealSearch().willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(
                post("/api/v2/deals").willReturn(okJson(CREATED_DEAL.replace("\"org_id\": 7", "\"org_id\": null"))));

        DealReceipt receipt = gateway.requestDeal(settings(Map.of()), order(null, null));

        assertThat(receipt.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("status", "open"));
        pipedrive.verify(0, getRequestedFor(urlPathEqualTo("/api/v2/organizations/search")));
        pipedrive.verify(postRequestedFor(urlPathEqualTo("/api/v2/deals"))
                .withRequestBody(equalToJson(
                        "{\"title\": \"%s\", \"value\": 8100.50, \"currency\": \"EUR\", \"status\": \"open\"}"
                                .formatted(TITLE))));
    }

    @Test
    void givenTheDealWasAlreadyOpened_requestDeal_answersItWithoutPostingAnything() {
        pipedrive.stubFor(dealSearch()
                .willReturn(okJson(results(
                        result("{\"id\": 745, \"type\": \"deal\", \"title\": \"%s\", \"status\": \"open\"}"
                                .formatted(TITLE.toLowerCase(java.util.Locale.ROOT))),
                        result(
                                "{\"id\": 746, \"type\": \"deal\", \"title\": \"%s\", \"value\": 8100.5, \"currency\": \"EUR\","
                                                .formatted(TITLE)
                                        + " \"status\": \"won\", \"visible_to\": 3, \"owner\": {\"id\": 3},"
                                        + " \"stage\": {\"id\": 2, \"name\": \"Won\"}, \"person\": null,"
                                        + " \"organization\": {\"id\": 7, \"name\": \"Acme Partners\", \"address\": null},"
                                        + " \"custom_fields\": [], \"notes\": []}")))));

        DealReceipt first = gateway.requestDeal(settings(Map.of()), order("Acme Partners", null));
        DealReceipt second = gateway.requestDeal(settings(Map.of()), order("Acme Partners", null));

        assertThat(second).isEqualTo(first);
        assertThat(first.dealId()).isEqualTo("746");
        assertThat(first.metadata()).containsExactlyInAnyOrderEntriesOf(Map.of("org_id", 7L, "status", "won"));
        pipedrive.verify(0, postRequestedFor(WireMock.anyUrl()));
    }

    @Test
    void givenTheBurstLimitIsHit_requestDeal_failsRetryableAfterTheResetSeconds() {
        pipedrive.stubFor(dealSearch()
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("x-ratelimit-limit", "40")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", "2")
                        .withHeader("x-daily-requests-left", "5120")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\": false, \"error\": \"Request over limit\", \"data\": null}")));

        ProviderFailure failure = failureOf(order("Acme Partners", null));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(failure.getMessage())
                .isEqualTo("pipedrive GET /api/v2/deals/search answered 429: Request over limit");
    }

    @Test
    void givenTheDailyBudgetIsSpent_requestDeal_failsRetryableOnlyAfterTheNextMidnightUtc() {
        pipedrive.stubFor(dealSearch()
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("x-ratelimit-reset", "2")
                        .withHeader("x-daily-ratelimit-token-remaining", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\": false, \"error\": \"Request over limit\", \"data\": null}")));

        ProviderFailure failure = failureOf(order("Acme Partners", null));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofMinutes(90));
        assertThat(failure.getMessage()).contains("429").contains("daily");
    }

    @Test
    void givenA429WithoutRateLimitHeaders_requestDeal_failsRetryableWithoutHint() {
        pipedrive.stubFor(dealSearch().willReturn(aResponse().withStatus(429)));

        ProviderFailure failure = failureOf(order("Acme Partners", null));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).isEmpty();
    }

    @Test
    void givenAServerError_requestDeal_failsRetryable() {
        pipedrive.stubFor(dealSearch().willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(
                search("/api/v2/organizations/search", "Acme Partners", "name").willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(post("/api/v2/organizations")
                .willReturn(aResponse().withStatus(500).withBody("<html><body>Internal Server Error</body></html>")));

        ProviderFailure failure = failureOf(order("Acme Partners", null));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage()).isEqualTo("pipedrive POST /api/v2/organizations answered 500");
        pipedrive.verify(0, postRequestedFor(urlPathEqualTo("/api/v2/deals")));
    }

    @Test
    void givenARefusedToken_requestDeal_failsPermanentlyWithPipedrivesErrorButNoTokenNorQuery() {
        pipedrive.stubFor(dealSearch()
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\": false, \"error\": \"unauthorized access\", \"errorCode\": 401}")));

        ProviderFailure failure = failureOf(order("Acme Partners", null));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage())
                .isEqualTo("pipedrive GET /api/v2/deals/search answered 401: unauthorized access")
                .doesNotContain(TOKEN);
    }

    @Test
    void givenPipedriveRejectsTheDeal_requestDeal_failsPermanentlyWithErrorAndErrorInfo() {
        pipedrive.stubFor(dealSearch().willReturn(okJson(NO_RESULTS)));
        pipedrive.stubFor(post("/api/v2/deals")
                .willReturn(aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                "{\"success\": false, \"error\": \"Entity was not found\", \"error_info\": \"Object was not found.\","
                                        + " \"data\": null, \"additional_data\": null}")));

        ProviderFailure failure =
                failure(() -> gateway.requestDeal(settings(Map.of("stage_id", "99")), order(null, null)));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage())
                .isEqualTo("pipedrive POST /api/v2/deals answered 404: Entity was not found (Object was not found.)");
    }

    @Test
    void givenNothingListens_requestDeal_failsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        ProviderFailure failure = failure(() ->
                gateway.requestDeal(settings(Map.of("base_url", "http://localhost:" + closedPort)), order(null, null)));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("pipedrive GET /api/v2/deals/search failed");
    }

    @Test
    void givenNoApiToken_requestDeal_failsPermanentlyBeforeAnyCall() {
        ProviderSettings noToken = new ProviderSettings(
                "pipedrive", ProviderType.CRM, Map.of("base_url", pipedrive.baseUrl()), Map.of("api_token", " "));

        ProviderFailure failure = failure(() -> gateway.requestDeal(noToken, order(null, null)));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("api_token");
        assertThat(pipedrive.getAllServeEvents()).isEmpty();
    }

    @Test
    void givenAStageIdThatIsNotANumber_requestDeal_failsPermanentlyNamingTheKey() {
        pipedrive.stubFor(dealSearch().willReturn(okJson(NO_RESULTS)));

        ProviderFailure failure =
                failure(() -> gateway.requestDeal(settings(Map.of("stage_id", "won")), order(null, null)));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("stage_id");
        pipedrive.verify(0, postRequestedFor(WireMock.anyUrl()));
    }

    // ---- lead(settings, leadId): GET /v1/leads/{id}, then its organization and person (API v2) -----------------

    private static final String LEAD_ID = "adf21080-0e10-11eb-879b-05d71fb426ec";
    private static final String LEAD_PATH = "/v1/leads/" + LEAD_ID;
    private static final String ORGANIZATION_PATH = "/api/v2/organizations/7";
    private static final String PERSON_PATH = "/api/v2/persons/1092";
    private static final String NOT_FOUND = "{\"success\": false, \"error\": \"Entity was not found\","
            + " \"error_info\": \"Object was not found.\", \"data\": null, \"additional_data\": null}";
    private static final String ORGANIZATION = """
            {"success": true, "data": {"id": 7, "name": "Acme Partners", "owner_id": 3, "address": null}}""";
    /** A v2 person whose primary e-mail and phone are not the first ones listed. */
    private static final String PERSON = """
            {"success": true,
             "data": {"id": 1092, "name": "Jane Doe", "owner_id": 3, "org_id": 7,
                      "emails": [{"value": "jane.private@example.org", "primary": false, "label": "home"},
                                 {"value": "jane.doe@acme.example", "primary": true, "label": "work"}],
                      "phones": [{"value": "+33 6 12 34 56 78", "primary": false, "label": "mobile"},
                                 {"value": "+33 1 23 45 67 89", "primary": true, "label": "work"}]}}""";

    /** The data of GET /v1/leads/{id} shaped as the v1 spec example (§1.9). */
    private static String lead(String organizationId, String personId, String value, String updateTime) {
        return """
                {"success": true,
                 "data": {"id": "%s", "title": "Acme renewal lead", "owner_id": 3, "person_id": %s,
                          "organization_id": %s, "label_ids": ["f08b42a0-4e75-11ea-9643-03698ef1cfd6"],
                          "value": %s, "expected_close_date": "2026-12-31", "is_archived": false,
                          "was_seen": true, "source_name": "API", "add_time": "2026-02-14T11:30:36.551Z",
                          "update_time": "%s"}}""".formatted(LEAD_ID, personId, organizationId, value, updateTime);
    }

    private static String fullLead() {
        return lead("7", "1092", "{\"amount\": 1200.50, \"currency\": \"EUR\"}", "2026-02-20T09:15:00.250Z");
    }

    /** A GET that only matches with the token in {@code x-api-token} (an unmatched call answers WireMock's 404). */
    private static MappingBuilder authorizedGet(String path) {
        return get(urlPathEqualTo(path))
                .withQueryParam("api_token", absent())
                .withHeader("x-api-token", equalTo(TOKEN))
                .withHeader("Accept", equalTo("application/json"));
    }

    private static void stubRelated(String organization, String person) {
        pipedrive.stubFor(authorizedGet(ORGANIZATION_PATH).willReturn(okJson(organization)));
        pipedrive.stubFor(authorizedGet(PERSON_PATH).willReturn(okJson(person)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Test
    void givenAFullLead_lead_readsItWithItsOrganizationAndPersonsPrimaryContact() {
        pipedrive.stubFor(authorizedGet(LEAD_PATH).willReturn(okJson(fullLead())));
        stubRelated(ORGANIZATION, PERSON);

        Optional<CrmLead> lead = gateway.lead(settings(Map.of()), LEAD_ID);

        assertThat(lead)
                .contains(new CrmLead(
                        LEAD_ID,
                        "Acme renewal lead",
                        "Acme Partners",
                        "Jane Doe",
                        "jane.doe@acme.example",
                        "+33 1 23 45 67 89",
                        new BigDecimal("1200.50"),
                        "EUR",
                        LocalDate.of(2026, 12, 31),
                        Instant.parse("2026-02-20T09:15:00.250Z"),
                        Map.of(
                                "owner_id",
                                "3",
                                "organization_id",
                                "7",
                                "person_id",
                                "1092",
                                "source_name",
                                "API",
                                "is_archived",
                                false)));
        assertThat(lead.orElseThrow().value().toPlainString()).isEqualTo("1200.50");
        assertThat(lead.orElseThrow().metadata())
                .containsOnlyKeys("owner_id", "organization_id", "person_id", "source_name", "is_archived");
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("x-api-token", equalTo(TOKEN)));
        pipedrive.verify(
                1, getRequestedFor(urlPathEqualTo(ORGANIZATION_PATH)).withHeader("x-api-token", equalTo(TOKEN)));
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo(PERSON_PATH)).withHeader("x-api-token", equalTo(TOKEN)));
        assertThat(pipedrive.getAllServeEvents()).hasSize(3);
    }

    @Test
    void givenAnArchivedLeadWithABigValue_lead_keepsEveryDigitAndTheArchivedFlag() {
        pipedrive.stubFor(authorizedGet(LEAD_PATH)
                .willReturn(okJson(lead(
                                "7",
                                "1092",
                                "{\"amount\": 12345678901234.10, \"currency\": \"USD\"}",
                                "2026-02-20T09:15:00Z")
                        .replace("\"is_archived\": false", "\"is_archived\": true"))));
        stubRelated(ORGANIZATION, PERSON);

        CrmLead lead = gateway.lead(settings(Map.of()), LEAD_ID).orElseThrow();

        assertThat(lead.value().toPlainString()).isEqualTo("12345678901234.10");
        assertThat(lead.currency()).isEqualTo("USD");
        assertThat(lead.metadata()).containsEntry("is_archived", true);
    }

    @ParameterizedTest
    @CsvSource({
        "2020-10-14T11:30:36.551Z,  2020-10-14T11:30:36.551Z",
        "2026-02-20T10:15:00+01:00, 2026-02-20T09:15:00Z",
        "2019-12-09 13:59:21,       2019-12-09T13:59:21Z",
    })
    void eachUpdateTimeForm_isReadAsTheSameInstant(String written, String expected) {
        pipedrive.stubFor(authorizedGet(LEAD_PATH)
                .willReturn(okJson(lead("7", "1092", "{\"amount\": 1200.50, \"currency\": \"EUR\"}", written))));
        stubRelated(ORGANIZATION, PERSON);

        CrmLead lead = gateway.lead(settings(Map.of()), LEAD_ID).orElseThrow();

        assertThat(lead.updatedAt()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void givenAPersonWithoutPrimaryContact_lead_takesTheFirstEmailAndPhone() {
        pipedrive.stubFor(authorizedGet(LEAD_PATH).willReturn(okJson(fullLead())));
        stubRelated(ORGANIZATION, """
                {"success": true,
                 "data": {"id": 1092, "name": "Jane Doe",
                          "emails": [{"value": "jane.doe@acme.example", "primary": false, "label": "work"},
                                     {"value": "jane.private@example.org", "primary": false, "label": "home"}],
                          "phones": [{"value": "+33 6 12 34 56 78", "label": "mobile"},
                                     {"value": "+33 1 23 45 67 89", "label": "work"}]}}""");

        CrmLead lead = gateway.lead(settings(Map.of()), LEAD_ID).orElseThrow();

        assertThat(lead.contactEmail()).isEqualTo("jane.doe@acme.example");
        assertThat(lead.contactPhone()).isEqualTo("+33 6 12 34 56 78");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410})
    void givenALeadPipedriveDoesNotHave_lead_isEmptyAndNothingElseIsAsked(int status) {
        pipedrive.stubFor(authorizedGet(LEAD_PATH).willReturn(json(status, NOT_FOUND)));

        Optional<CrmLead> lead = gateway.lead(settings(Map.of()), LEAD_ID);

        assertThat(lead).isEmpty();
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo(LEAD_PATH)));
        assertThat(pipedrive.getAllServeEvents()).hasSize(1);
    }

    @Test
    void givenTheOrganizationIsGone_lead_isStillReturnedWithoutOrganizationName() {
        pipedrive.stubFor(authorizedGet(LEAD_PATH).willReturn(okJson(fullLead())));
        pipedrive.stubFor(authorizedGet(ORGANIZATION_PATH).willReturn(json(404, NOT_FOUND)));
        pipedrive.stubFor(authorizedGet(PERSON_PATH).willReturn(okJson(PERSON)));

        CrmLead lead = gateway.lead(settings(Map.of()), LEAD_ID).orElseThrow();

        assertThat(lead.organization()).isNull();
        assertThat(lead.title()).isEqualTo("Acme renewal lead");
        assertThat(lead.contactName()).isEqualTo("Jane Doe");
        assertThat(lead.contactEmail()).isEqualTo("jane.doe@acme.example");
        assertThat(lead.metadata()).containsEntry("organization_id", "7");
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo(ORGANIZATION_PATH)));
    }

    @Test
    void givenALeadWithoutOrganizationPersonNorValue_lead_asksForNeitherAndLeavesThemNull() {
        pipedrive.stubFor(authorizedGet(LEAD_PATH)
                .willReturn(okJson(lead("null", "null", "null", "2026-02-20T09:15:00Z")
                        .replace("\"expected_close_date\": \"2026-12-31\"", "\"expected_close_date\": null"))));

        CrmLead lead = gateway.lead(settings(Map.of()), LEAD_ID).orElseThrow();

        assertThat(lead)
                .isEqualTo(new CrmLead(
                        LEAD_ID,
                        "Acme renewal lead",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Instant.parse("2026-02-20T09:15:00Z"),
                        Map.of("owner_id", "3", "source_name", "API", "is_archived", false)));
        pipedrive.verify(0, getRequestedFor(urlPathMatching("/api/v2/(organizations|persons)/.*")));
        assertThat(pipedrive.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "../users/me",
                "a b",
                "adf21080/../../v1/users/me",
                "lead?id=1",
                "%2e%2e",
                "a123456789b123456789c123456789d123456789e123456789f123456789g1234"
            })
    void givenALeadIdThatIsNotAPipedriveId_lead_failsPermanentlyWithoutAnyRequest(String leadId) {
        pipedrive.stubFor(get(WireMock.anyUrl()).willReturn(okJson(fullLead())));

        ProviderFailure failure = failure(() -> gateway.lead(settings(Map.of()), leadId));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("pipedrive lead id is not one: " + leadId);
        assertThat(pipedrive.getAllServeEvents()).isEmpty();
    }

    @Test
    void givenTheBurstLimitIsHitOnTheLead_lead_failsRetryableAfterTheResetSeconds() {
        pipedrive.stubFor(authorizedGet(LEAD_PATH)
                .willReturn(json(429, "{\"success\": false, \"error\": \"Request over limit\", \"data\": null}")
                        .withHeader("x-ratelimit-limit", "40")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", "2")
                        .withHeader("x-daily-requests-left", "5120")));

        ProviderFailure failure = failure(() -> gateway.lead(settings(Map.of()), LEAD_ID));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(failure.getMessage()).isEqualTo("pipedrive GET " + LEAD_PATH + " answered 429: Request over limit");
        assertThat(pipedrive.getAllServeEvents()).hasSize(1);
    }

    @Test
    void givenARefusedToken_lead_failsPermanentlyWithoutTheToken() {
        pipedrive.stubFor(authorizedGet(LEAD_PATH)
                .willReturn(json(
                        401,
                        "{\"success\": false,"
                                + " \"error\": \"unauthorized access\", \"error_info\": \"token " + TOKEN
                                + " is not valid\","
                                + " \"errorCode\": 401}")));

        ProviderFailure failure = failure(() -> gateway.lead(settings(Map.of()), LEAD_ID));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.retryAfter()).isEmpty();
        assertThat(failure.getMessage())
                .isEqualTo("pipedrive GET " + LEAD_PATH
                        + " answered 401: unauthorized access (token [redacted] is not valid)")
                .doesNotContain(TOKEN);
    }

    // ---- check(settings): GET /v1/users/me ---------------------------------------------------------------------

    @Test
    void givenAValidToken_check_answersTheCompanyItsDomainAndTheUser() {
        pipedrive.stubFor(authorizedGet("/v1/users/me").willReturn(okJson("""
                {"success": true,
                 "data": {"id": 12, "name": "Jane Admin", "email": "jane.admin@acme.example", "lang": 1,
                          "locale": "fr_FR", "timezone_name": "Europe/Paris", "company_id": 456,
                          "company_name": "Acme Reseller", "company_domain": "acme-reseller", "is_admin": 1,
                          "active_flag": true}}""")));

        Map<String, Object> account = gateway.check(settings(Map.of()));

        assertThat(account)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "company",
                        "Acme Reseller",
                        "company_domain",
                        "acme-reseller",
                        "user",
                        "jane.admin@acme.example"));
        assertThat(account.keySet()).containsExactly("company", "company_domain", "user");
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo("/v1/users/me")).withHeader("x-api-token", equalTo(TOKEN)));
    }

    @Test
    void givenARefusedToken_check_failsPermanently() {
        pipedrive.stubFor(authorizedGet("/v1/users/me")
                .willReturn(json(401, "{\"success\": false, \"error\": \"unauthorized access\", \"errorCode\": 401}")));

        ProviderFailure failure = failure(() -> gateway.check(settings(Map.of())));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage())
                .isEqualTo("pipedrive GET /v1/users/me answered 401: unauthorized access")
                .doesNotContain(TOKEN);
    }

    @Test
    void givenPipedriveIsUnavailable_check_failsRetryable() {
        pipedrive.stubFor(authorizedGet("/v1/users/me")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("retry-after", "30")
                        .withBody("<html><body>Service Unavailable</body></html>")));

        ProviderFailure failure = failure(() -> gateway.check(settings(Map.of())));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(30));
        assertThat(failure.getMessage()).isEqualTo("pipedrive GET /v1/users/me answered 503");
    }

    // ---- leadsChangedSince: the pages a sync lists -------------------------------------------------------------

    @Test
    void leadsChangedSince_listsOldestChangeFirst_fromTheGivenOffset_andGivesTheNextOffsetWhilePipedriveHasMore() {
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withHeader("x-api-token", equalTo(TOKEN))
                .withQueryParam("start", equalTo("100"))
                .withQueryParam("limit", equalTo("100"))
                .withQueryParam("sort", equalTo("update_time ASC"))
                .withQueryParam("archived_status", equalTo("all"))
                .withQueryParam("updated_since", equalTo("2026-11-20T09:00:01Z"))
                .willReturn(okJson("""
                        {"success": true, "data": [
                          {"id": "adf21080-0e10-11eb-879b-05d71fb426ec", "update_time": "2026-11-20T10:00:00.000Z"},
                          {"id": "bdf21080-0e10-11eb-879b-05d71fb426ec", "update_time": "2026-11-21 08:30:00"}],
                         "additional_data": {"start": 100, "limit": 100, "more_items_in_collection": true}}""")));

        com.tentabo.prm.application.provider.CrmLeadPage page =
                gateway.leadsChangedSince(settings(Map.of()), Instant.parse("2026-11-20T09:00:01.750Z"), "100");

        assertThat(page.leads())
                .containsExactly(
                        new com.tentabo.prm.application.provider.CrmLeadPage.Change(
                                "adf21080-0e10-11eb-879b-05d71fb426ec", Instant.parse("2026-11-20T10:00:00Z")),
                        new com.tentabo.prm.application.provider.CrmLeadPage.Change(
                                "bdf21080-0e10-11eb-879b-05d71fb426ec", Instant.parse("2026-11-21T08:30:00Z")));
        assertThat(page.next()).isEqualTo("102");
    }

    @Test
    void leadsChangedSince_endsOnTheLastPage_listsEverythingWithoutASince_andRefusesACursorItDidNotGive() {
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("0"))
                .withQueryParam("updated_since", absent())
                .willReturn(
                        okJson("{\"success\": true, \"data\": [{\"id\": \"adf21080-0e10-11eb-879b-05d71fb426ec\"}], "
                                + "\"additional_data\": {\"more_items_in_collection\": false}}")));

        com.tentabo.prm.application.provider.CrmLeadPage page =
                gateway.leadsChangedSince(settings(Map.of()), null, null);

        assertThat(page.leads()).hasSize(1);
        assertThat(page.next()).isNull();
        assertThat(failure(() -> gateway.leadsChangedSince(settings(Map.of()), null, "abc"))
                        .isRetryable())
                .isFalse();
    }

    // ---- writing back -------------------------------------------------------------------------------------------

    @Test
    void anOwnerPipedriveDoesNotKnow_isLeftOut_andAnUpdateWithNothingLeftSendsNothing() {
        pipedrive.stubFor(
                get(urlPathEqualTo("/v1/users/find"))
                        .willReturn(
                                okJson(
                                        "{\"success\": true, \"data\": [{\"id\": 9, \"email\": \"owner@other.example\", \"active_flag\": true}]}")));

        Instant written = gateway.updateLead(
                settings(Map.of()),
                new com.tentabo.prm.application.provider.CrmLeadUpdate(
                        "adf21080-0e10-11eb-879b-05d71fb426ec", null, null, null, "owner@acme.example"));

        assertThat(written).isNull();
        pipedrive.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void aLeadPipedriveDeleted_failsTheWritePermanently_andADealIdThatIsNoNumberIsNeverSent() {
        pipedrive.stubFor(com.github.tomakehurst.wiremock.client.WireMock.patch(
                        urlPathEqualTo("/v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withStatus(404)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\": false, \"error\": \"Lead not found\", \"error_info\": null}")));

        ProviderFailure gone = failure(() -> gateway.updateLead(
                settings(Map.of()),
                new com.tentabo.prm.application.provider.CrmLeadUpdate(
                        "adf21080-0e10-11eb-879b-05d71fb426ec", true, null, null, null)));
        ProviderFailure notAnId = failure(() -> gateway.updateDeal(
                settings(Map.of()), new com.tentabo.prm.application.provider.CrmDealUpdate("../users/1", "won", null)));

        assertThat(gone.isRetryable()).isFalse();
        assertThat(gone.getMessage())
                .isEqualTo(
                        "pipedrive PATCH /v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec answered 404: Lead not found");
        assertThat(notAnId.getMessage()).isEqualTo("pipedrive deal id is not one: ../users/1");
    }

    @Test
    void aFirstImportPage_readsItsLeadsWhole_andTheirPersonsAndOrganizations100IdsACall() {
        stubImportPageOf150Leads();
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons"))
                .withQueryParam("ids", equalTo(ids(101, 150)))
                .withQueryParam("limit", equalTo("100"))
                .willReturn(okJson(persons(101, 149))));

        com.tentabo.prm.application.provider.CrmLeadListing page =
                gateway.leadsWithDetailsSince(settings(Map.of()), null, null);

        assertThat(page.leads()).hasSize(150);
        assertThat(page.next()).isEqualTo("150");
        CrmLead lead120 = page.leads().get(119);
        assertThat(lead120.title()).isEqualTo("Lead 120");
        assertThat(lead120.organization()).isEqualTo("Acme SAS");
        assertThat(lead120.contactName()).isEqualTo("Person 120");
        assertThat(lead120.contactEmail()).isEqualTo("p120@acme.example");
        assertThat(lead120.value()).isEqualByComparingTo("100.5");
        assertThat(lead120.expectedCloseDate()).isEqualTo(LocalDate.parse("2026-06-30"));
        assertThat(lead120.metadata()).containsEntry("person_id", "120");
        assertThat(page.leads().get(149).contactName()).isNull();
        assertThat(page.leads().get(0).contactName()).isEqualTo("Person 1");
        assertThat(page.changes().get(0).updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:01Z"));
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/organizations")));
        pipedrive.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/persons")));
        pipedrive.verify(0, getRequestedFor(urlPathMatching("/api/v2/persons/.*")));
    }

    @Test
    void givenOneOfAPagesListsMeetsTheDailyBudget_thePageFailsRateLimited_asASingleCallWould() {
        stubImportPageOf150Leads();
        // the lists of a page are read at once: the one that meets the limit fails the whole page
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons"))
                .withQueryParam("ids", equalTo(ids(101, 150)))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("x-ratelimit-reset", "2")
                        .withHeader("x-daily-ratelimit-token-remaining", "0")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"success\": false, \"error\": \"Request over limit\", \"data\": null}")));

        ProviderFailure failure = failure(() -> gateway.leadsWithDetailsSince(settings(Map.of()), null, null));

        assertThat(failure.isRateLimited()).isTrue();
        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage())
                .contains("/api/v2/persons")
                .contains("429")
                .contains("daily");
    }

    /** A first import's page of 150 leads of organization 7 and persons 1 to 150; persons 101 to 150 not stubbed. */
    private void stubImportPageOf150Leads() {
        StringBuilder leads = new StringBuilder();
        for (int i = 1; i <= 150; i++) {
            leads.append(i == 1 ? "" : ",").append("""
                    {"id": "00000000-0000-4000-8000-%012d", "title": "Lead %d", "owner_id": 1, "person_id": %d,
                     "organization_id": 7, "value": {"amount": 100.5, "currency": "EUR"}, "is_archived": false,
                     "expected_close_date": "2026-06-30", "update_time": "2026-03-01T10:00:%02dZ"}""".formatted(i, i, i, i % 60));
        }
        pipedrive.stubFor(
                get(urlPathEqualTo("/v1/leads"))
                        .withQueryParam("start", equalTo("0"))
                        .withQueryParam("limit", equalTo("500"))
                        .withQueryParam("sort", equalTo("update_time ASC"))
                        .withQueryParam("archived_status", equalTo("all"))
                        .withHeader("x-api-token", equalTo(TOKEN))
                        .willReturn(
                                okJson(
                                        "{\"success\": true, \"data\": [" + leads
                                                + "], \"additional_data\": {\"start\": 0, \"limit\": 500, \"more_items_in_collection\": true}}")));
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/organizations"))
                .withQueryParam("ids", equalTo("7"))
                .withQueryParam("limit", equalTo("100"))
                .willReturn(okJson("{\"success\": true, \"data\": [{\"id\": 7, \"name\": \"Acme SAS\"}], "
                        + "\"additional_data\": {\"next_cursor\": null}}")));
        // Pipedrive takes at most 100 ids a call: 150 persons are two calls; person 150 is gone (left out)
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/persons"))
                .withQueryParam("ids", equalTo(ids(1, 100)))
                .withQueryParam("limit", equalTo("100"))
                .willReturn(okJson(persons(1, 100))));
    }

    private static String ids(int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to)
                .mapToObj(String::valueOf)
                .collect(java.util.stream.Collectors.joining(","));
    }

    private static String persons(int from, int to) {
        return "{\"success\": true, \"data\": ["
                + java.util.stream.IntStream.rangeClosed(from, to)
                        .mapToObj(
                                i -> "{\"id\": " + i + ", \"name\": \"Person " + i + "\", \"emails\": [{\"value\": \"p"
                                        + i + "@acme.example\", \"primary\": true}], \"phones\": []}")
                        .collect(java.util.stream.Collectors.joining(","))
                + "], \"additional_data\": {\"next_cursor\": null}}";
    }
}
