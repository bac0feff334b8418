package com.tentabo.prm.bootstrap.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.provider.port.in.ProcessWebhooksUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Leads arriving from Pipedrive: a webhook says a lead changed, the worker reads the lead as Pipedrive holds it now
 * (a WireMock server answering Pipedrive's documented payloads) and creates or refreshes the PRM lead.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class LeadImportFromPipedriveTest {

    static final String USER = "hook";
    static final String PASSWORD = "hook-secret-9";
    static WireMockServer pipedrive;

    @Inject
    AgroalDataSource ds;

    @Inject
    CredentialsCipher cipher;

    @Inject
    TokenService tokens;

    @Inject
    ProcessWebhooksUseCase webhooks;

    @Inject
    com.tentabo.prm.application.provider.port.in.SyncProviderUseCase syncs;

    UUID providerRow;
    UUID owner;
    UUID partner;
    String leadId;

    @BeforeAll
    static void start() {
        pipedrive = new WireMockServer(wireMockConfig().dynamicPort());
        pipedrive.start();
    }

    @AfterAll
    static void stop() {
        pipedrive.stop();
    }

    @BeforeEach
    void setUp() {
        pipedrive.resetAll();
        partner = TestData.partner(ds, "Pipedrive partner " + UUID.randomUUID());
        owner = TestData.user(ds, Role.ADMIN, null, null);
        leadId = UUID.randomUUID().toString();
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("base_url", pipedrive.baseUrl());
        configuration.put("lead_owner_user_id", owner.toString());
        configuration.put("lead_partner_id", partner.toString());
        provider(configuration);
        pipedrive.stubFor(get(urlEqualTo("/api/v2/organizations/71"))
                .willReturn(okJson("{\"success\": true, \"data\": {\"id\": 71, \"name\": \"Globex Corporation\"}}")));
        pipedrive.stubFor(get(urlEqualTo("/api/v2/persons/1092")).willReturn(okJson("""
                {"success": true, "data": {"id": 1092, "name": "Hank Scorpio", "org_id": 71,
                 "emails": [{"value": "hank@old.example", "primary": false}, {"value": "hank@globex.example", "primary": true}],
                 "phones": [{"value": "+1 555 0100", "primary": true}]}}""")));
        // a lead new to the PRM brings its activities and notes: none unless a test says otherwise
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/activities"))
                .willReturn(okJson("{\"success\": true, \"data\": [], \"additional_data\": {\"next_cursor\": null}}")));
        pipedrive.stubFor(
                get(urlPathEqualTo("/v1/notes"))
                        .willReturn(
                                okJson(
                                        "{\"success\": true, \"data\": [], "
                                                + "\"additional_data\": {\"pagination\": {\"start\": 0, \"limit\": 500, \"more_items_in_collection\": false}}}")));
    }

    @AfterEach
    void removeProvider() {
        TestProviders.delete(ds, List.of(providerRow));
        providerRow = null;
    }

    void provider(Map<String, Object> configuration) {
        if (providerRow != null) {
            TestProviders.delete(ds, List.of(providerRow));
        }
        providerRow = TestProviders.active(
                ds,
                cipher,
                "CRM",
                "pipedrive",
                configuration,
                Map.of("api_token", "pd-token", "webhook_username", USER, "webhook_password", PASSWORD));
    }

    void pipedriveHasLead(String title, String updateTime, String amount) {
        pipedrive.stubFor(get(urlEqualTo("/v1/leads/" + leadId))
                .willReturn(okJson("""
                {"success": true, "data": {"id": "%s", "title": "%s", "owner_id": 1, "person_id": 1092,
                 "organization_id": 71, "label_ids": [], "value": {"amount": %s, "currency": "EUR"},
                 "expected_close_date": "2026-12-31", "is_archived": false, "source_name": "API",
                 "add_time": "2026-11-20T09:00:00.000Z", "update_time": "%s"}}""".formatted(leadId, title, amount, updateTime))));
    }

    String deliver(String action) {
        String body = """
                {"meta": {"action": "%s", "entity": "lead", "entity_id": "%s", "id": "%s", "company_id": "123",
                          "version": "2.0", "change_source": "app", "attempt": 1},
                 "data": {"id": "%s"}, "previous": null}""".formatted(action, leadId, UUID.randomUUID(), leadId);
        return given().contentType("application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .body(body)
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    void processAll() {
        TestProviders.drain(() -> webhooks.processDue().total());
    }

    String lead(String column) {
        return TestData.text(
                ds, "SELECT " + column + " FROM leads WHERE provider_name = 'pipedrive' AND provider_id = ?", leadId);
    }

    String eventStatus(String eventId) {
        return TestData.text(
                ds,
                "SELECT status || coalesce(': ' || error_message, '') FROM webhook_events WHERE id = ?::uuid",
                eventId);
    }

    @Test
    void aNewPipedriveLead_becomesAPrmLead_inTheConfiguredPartner_withItsOrganizationAndPerson() {
        pipedriveHasLead("Globex firewall", "2026-11-20T09:00:00.000Z", "12500.5");

        String event = deliver("create");
        processAll();

        assertThat(eventStatus(event)).isEqualTo("processed");
        String id = lead("id");
        String partnerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        Api.as(partnerToken)
                .get("/api/v1/leads/{id}", id)
                .then()
                .statusCode(200)
                .body("title", is("Globex firewall"))
                .body("organization", is("Globex Corporation"))
                .body("contact_name", is("Hank Scorpio"))
                .body("contact_email", is("hank@globex.example"))
                .body("contact_phone", is("+1 555 0100"))
                .body("value", is("12500.50"))
                .body("currency", is("EUR"))
                .body("status", is("new"))
                .body("provider_name", is("pipedrive"))
                .body("owner_id", is(owner.toString()))
                .body("partner_id", is(partner.toString()));
        assertThat(lead("sync_status")).isEqualTo("synced");
        assertThat(lead("provider_metadata ->> 'update_time'")).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ?::uuid AND action = 'lead.imported' "
                                + "AND user_agent = 'webhook-worker'",
                        id))
                .isEqualTo(1);
        assertThat(TestData.text(ds, "SELECT reason FROM lead_status_history WHERE lead_id = ?::uuid", id))
                .isEqualTo("imported from pipedrive");
    }

    @Test
    void aChangedLead_isRefreshed_butAnOlderCopy_andThePrmsOwnStatus_areLeftAlone() {
        pipedriveHasLead("Globex firewall", "2026-11-20T09:00:00.000Z", "12500.5");
        deliver("create");
        processAll();
        String id = lead("id");
        Api.asAdmin()
                .body(Map.of("status", "contacted"))
                .post("/api/v1/leads/{id}/status", id)
                .then()
                .statusCode(200);

        pipedriveHasLead("Globex firewall + support", "2026-11-21T10:00:00.000Z", "14000");
        String change = deliver("change");
        processAll();

        assertThat(eventStatus(change)).isEqualTo("processed");
        assertThat(lead("title || ' ' || value || ' ' || status"))
                .isEqualTo("Globex firewall + support 14000.00 CONTACTED");
        assertThat(TestData.count(ds, "SELECT count(*) FROM leads WHERE provider_id = ?", leadId))
                .isEqualTo(1);

        pipedriveHasLead("An old copy", "2026-11-19T08:00:00.000Z", "1");
        deliver("change");
        processAll();

        assertThat(lead("title")).isEqualTo("Globex firewall + support");
    }

    @Test
    void aDeletedLead_staysInThePrm_markedDeletedInTheCrm() {
        pipedriveHasLead("Globex firewall", "2026-11-20T09:00:00.000Z", "12500.5");
        deliver("create");
        processAll();

        String delete = deliver("delete");
        processAll();

        assertThat(eventStatus(delete)).isEqualTo("processed");
        assertThat(lead("sync_status")).isEqualTo("deleted_in_crm");
        pipedrive.verify(1, getRequestedFor(urlEqualTo("/v1/leads/" + leadId)));
    }

    @Test
    void aLeadThePrmsRulesRefuse_orAMissingOwnerSetting_failTheEvent_withTheReason() {
        pipedrive.stubFor(
                get(urlEqualTo("/api/v2/persons/1092"))
                        .willReturn(
                                okJson(
                                        "{\"success\": true, \"data\": {\"id\": 1092, \"name\": \"Hank\", \"emails\": [{\"value\": \"not-an-address\", \"primary\": true}]}}")));
        pipedriveHasLead("Globex firewall", "2026-11-20T09:00:00.000Z", "12500.5");

        String refused = deliver("create");
        processAll();

        assertThat(eventStatus(refused))
                .startsWith("failed: the CRM's lead is refused")
                .contains("contact_email");
        assertThat(lead("id")).isNull();

        pipedrive.stubFor(get(urlEqualTo("/api/v2/persons/1092"))
                .willReturn(okJson("{\"success\": true, \"data\": {\"id\": 1092, \"name\": \"Hank\"}}")));
        provider(Map.of("base_url", pipedrive.baseUrl()));
        String unowned = deliver("create");
        processAll();

        assertThat(eventStatus(unowned))
                .isEqualTo(
                        "failed: pipedrive configuration lacks 'lead_owner_user_id' (the PRM user who owns leads imported from it)");

        UUID noPartner = UUID.randomUUID();
        provider(Map.of(
                "base_url",
                pipedrive.baseUrl(),
                "lead_owner_user_id",
                owner.toString(),
                "lead_partner_id",
                noPartner.toString()));
        String misplaced = deliver("create");
        processAll();

        assertThat(eventStatus(misplaced))
                .isEqualTo(
                        "failed: pipedrive configuration names lead_partner_id " + noPartner + ", which is no partner");

        UUID unassigned = TestData.distributor(ds, "Import D " + UUID.randomUUID());
        provider(Map.of(
                "base_url",
                pipedrive.baseUrl(),
                "lead_owner_user_id",
                owner.toString(),
                "lead_partner_id",
                partner.toString(),
                "lead_distributor_id",
                unassigned.toString()));
        String unlinked = deliver("create");
        processAll();
        assertThat(eventStatus(unlinked))
                .isEqualTo("failed: pipedrive configuration names lead_partner_id " + partner
                        + " and lead_distributor_id " + unassigned + ", which no active assignment links");

        provider(Map.of(
                "base_url",
                pipedrive.baseUrl(),
                "lead_owner_user_id",
                owner.toString(),
                "lead_partner_id",
                partner.toString()));
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        Api.as(restricted)
                .post("/api/v1/webhook-events/{id}/requeue", misplaced)
                .then()
                .statusCode(403);
        Api.asAdmin()
                .post("/api/v1/webhook-events/{id}/requeue", misplaced)
                .then()
                .statusCode(200)
                .body("status", is("pending"));
        processAll();

        assertThat(eventStatus(misplaced)).isEqualTo("processed");
        assertThat(lead("partner_id")).isEqualTo(partner.toString());
        Api.asAdmin()
                .post("/api/v1/webhook-events/{id}/requeue", misplaced)
                .then()
                .statusCode(409)
                .body("code", is("WEBHOOK_EVENT_NOT_REQUEUEABLE"));
        Api.asAdmin()
                .post("/api/v1/webhook-events/{id}/requeue", UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    @Test
    void pipedriveDown_retriesLater_andOtherEventsAreIgnored() {
        pipedrive.stubFor(
                get(urlEqualTo("/v1/leads/" + leadId)).willReturn(aResponse().withStatus(503)));

        String event = deliver("change");
        processAll();

        assertThat(eventStatus(event)).startsWith("pending: pipedrive GET /v1/leads/" + leadId + " answered 503");
        assertThat(TestData.text(
                        ds,
                        "SELECT attempts || ' ' || (next_attempt_at > now()) FROM webhook_events WHERE id = ?::uuid",
                        event))
                .isEqualTo("1 true");

        String dealBody = "{\"meta\": {\"action\": \"change\", \"entity\": \"deal\", \"entity_id\": \"746\", \"id\": \""
                + UUID.randomUUID() + "\"}, \"data\": {\"id\": 746}}";
        String deal = given().contentType("application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .body(dealBody)
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        int callsBefore = pipedrive.getAllServeEvents().size();
        processAll();
        assertThat(eventStatus(deal)).isEqualTo("ignored");
        // an ignored event costs no call to Pipedrive at all (the lead retry above is not due yet)
        assertThat(pipedrive.getAllServeEvents()).hasSize(callsBefore);
    }

    @Test
    void aFirstSync_importsEveryLeadPageByPage_thenQueuesOnlyWhatChangedSince_andRecordsEachRun() {
        String otherLead = UUID.randomUUID().toString();
        pipedriveHasLead("Globex firewall", "2026-11-20T09:00:00.000Z", "12500.5");
        pipedrive.stubFor(get(urlEqualTo("/v1/leads/" + otherLead)).willReturn(okJson("""
                {"success": true, "data": {"id": "%s", "title": "Initech storage", "person_id": 1092,
                 "organization_id": null, "value": null, "update_time": "2026-11-19T08:00:00.000Z"}}""".formatted(otherLead))));
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("0"))
                .withQueryParam("sort", equalTo("update_time ASC"))
                .willReturn(okJson("""
                {"success": true, "data": [{"id": "%s", "title": "Initech storage", "person_id": 1092,
                  "organization_id": null, "value": null, "update_time": "2026-11-19T08:00:00.000Z"}],
                 "additional_data": {"start": 0, "limit": 500, "more_items_in_collection": true}}""".formatted(otherLead))));
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("1"))
                .willReturn(okJson("""
                {"success": true, "data": [{"id": "%s", "title": "Globex firewall", "owner_id": 1, "person_id": 1092,
                  "organization_id": 71, "value": {"amount": 12500.5, "currency": "EUR"}, "is_archived": false,
                  "update_time": "2026-11-20T09:00:00.000Z"}],
                 "additional_data": {"start": 1, "limit": 500, "more_items_in_collection": false}}""".formatted(leadId))));
        byIds("/api/v2/persons", "1092", PERSON_1092);
        byIds("/api/v2/organizations", "71", "{\"id\": 71, \"name\": \"Globex Corporation\"}");

        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("status", is("success"))
                .body("sync_type", is("full"))
                .body("entity_type", is("lead"))
                .body("direction", is("pull"))
                .body("records_synced", is(2))
                .body("provider_name", is("pipedrive"));

        assertThat(lead("title")).isEqualTo("Globex firewall");
        assertThat(TestData.text(
                        ds, "SELECT organization || ' / ' || contact_name FROM leads WHERE provider_id = ?", otherLead))
                .isEqualTo("Hank Scorpio / Hank Scorpio");

        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("sync_type", is("incremental"))
                .body("records_synced", is(0));
        pipedrive.verify(getRequestedFor(urlPathEqualTo("/v1/leads"))
                .withQueryParam(
                        "updated_since",
                        com.github.tomakehurst.wiremock.client.WireMock.matching(
                                "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")));

        assertThat(syncs.syncActive(com.tentabo.prm.domain.provider.ProviderType.CRM)
                        .orElseThrow()
                        .syncType())
                .isEqualTo("incremental");
        assertThat(syncs.syncActive(com.tentabo.prm.domain.provider.ProviderType.BILLING))
                .isEmpty();

        pipedrive.stubFor(
                get(urlPathEqualTo("/v1/leads")).willReturn(aResponse().withStatus(500)));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("status", is("failed"))
                .body("error_details.error", is("pipedrive GET /v1/leads answered 500"))
                .body("error_details.queued", is(0));
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        Api.as(restricted)
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(403);
        TestData.exec(ds, "UPDATE provider_configs SET is_active = false WHERE id = ?", providerRow);
        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(422)
                .body("code", is("BUSINESS_RULE_VIOLATED"));
    }

    static final String PERSON_1092 = """
            {"id": 1092, "name": "Hank Scorpio", "org_id": 71,
             "emails": [{"value": "hank@old.example", "primary": false}, {"value": "hank@globex.example", "primary": true}],
             "phones": [{"value": "+1 555 0100", "primary": true}]}""";

    /** Pipedrive's v2 list asked for these ids ({@code ?ids=…&limit=100}): one cursor page holding the found ones. */
    void byIds(String path, String ids, String... found) {
        pipedrive.stubFor(get(urlPathEqualTo(path))
                .withQueryParam("ids", equalTo(ids))
                .withQueryParam("limit", equalTo("100"))
                .willReturn(okJson("{\"success\": true, \"data\": [" + String.join(", ", found)
                        + "], \"additional_data\": {\"next_cursor\": null}}")));
    }

    @Test
    void aSyncStoppedByTheDailyBudget_endsPartial_andTheNextRunResumesAfterTheLastLeadItImported() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        String listing = """
                {"success": true, "data": [%s],
                 "additional_data": {"pagination": {"start": %d, "limit": 100, "more_items_in_collection": %s, "next_start": %d}}}""";
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("0"))
                .withQueryParam("updated_since", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson(listing.formatted(
                        "{\"id\": \"" + first + "\", \"update_time\": \"2026-11-19T08:00:00.100Z\"}," + "{\"id\": \""
                                + second + "\", \"update_time\": \"2026-11-19T08:00:00.700Z\"}",
                        0,
                        true,
                        2))));
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("2"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-ratelimit-limit", "40")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", "2")
                        .withHeader("x-daily-requests-left", "0")
                        .withBody("{\"success\": false, \"error\": \"Request over limit\", \"errorCode\": 429}")));

        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("status", is("partial"))
                .body("sync_type", is("full"))
                .body("records_synced", is(2))
                .body("error_details.imported", is(2))
                .body(
                        "error_details.error",
                        is(
                                "pipedrive GET /v1/leads answered 429 (daily request budget spent until midnight UTC): Request over limit"));
        assertThat(TestData.text(
                        ds,
                        "SELECT cursor FROM provider_sync_logs WHERE provider_id = ? "
                                + "ORDER BY started_at DESC LIMIT 1",
                        providerRow))
                .isEqualTo("2026-11-19T08:00:00Z|2");
        assertThat(TestData.text(ds, "SELECT health_status FROM provider_configs WHERE id = ?", providerRow))
                .isNotEqualTo("degraded");

        // the next day: the listing from the last lead's second, past the two leads of that second already queued
        pipedrive.resetRequests();
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("2"))
                .withQueryParam("updated_since", equalTo("2026-11-19T08:00:00Z"))
                .willReturn(okJson(listing.formatted(
                        "{\"id\": \"" + third + "\", \"update_time\": \"2026-11-19T09:30:00.000Z\"}", 2, false, 3))));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("status", is("success"))
                .body("sync_type", is("full"))
                .body("records_synced", is(1));
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo("/v1/leads")));
        assertThat(TestData.text(
                        ds,
                        "SELECT count(*) FROM leads WHERE provider_name = 'pipedrive' AND provider_id IN (?, ?, ?)",
                        first,
                        second,
                        third))
                .isEqualTo("3");

        // a burst 429 (no daily budget spent) is partial too; having queued nothing, it leaves the cursor where it was
        String finished = TestData.text(
                ds,
                "SELECT cursor FROM provider_sync_logs WHERE provider_id = ? " + "ORDER BY started_at DESC LIMIT 1",
                providerRow);
        assertThat(finished).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\|0");
        pipedrive.resetAll();
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("x-ratelimit-reset", "2")
                        .withBody("{\"success\": false, \"error\": \"Request over limit\"}")));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("status", is("partial"))
                .body("records_synced", is(0));
        pipedrive.verify(getRequestedFor(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("0"))
                .withQueryParam("updated_since", equalTo(finished.substring(0, finished.indexOf('|')))));
        assertThat(TestData.text(
                        ds,
                        "SELECT cursor FROM provider_sync_logs WHERE provider_id = ? "
                                + "ORDER BY started_at DESC LIMIT 1",
                        providerRow))
                .isEqualTo(finished);
    }

    /** A lead of the v1 listing as Pipedrive answers it (the listing carries every field a lead's import reads). */
    static String listed(String id, String title, long person, long organization, String update, String custom) {
        return """
                {"id": "%s", "title": "%s", "owner_id": 1, "creator_id": 1, "label_ids": [], "person_id": %d,
                 "organization_id": %d, "source_name": "API", "origin": "API", "is_archived": false, "was_seen": true,
                 "value": {"amount": 3100.25, "currency": "EUR"}, "expected_close_date": "2026-12-31",
                 "next_activity_id": null, "add_time": "2026-11-01T08:00:00.000Z", "update_time": "%s",
                 "visible_to": "3", "cc_email": "company+1@pipedrivemail.com"%s}""".formatted(id, title, person, organization, update, custom);
    }

    @Test
    void
            aFirstFullSync_importsPagesWhole_withOrganizationsAndPersonsByIds_resumesAfterA429_andTheNextRunWritesNothing() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        // an account of its own (the field definitions are cached per account: the other tests' stay theirs)
        Map<String, Object> configuration = new LinkedHashMap<>();
        configuration.put("base_url", pipedrive.baseUrl().replace("localhost", "127.0.0.1"));
        configuration.put("lead_owner_user_id", owner.toString());
        configuration.put("lead_partner_id", partner.toString());
        provider(configuration);
        pipedrive.stubFor(get(urlPathEqualTo("/v1/dealFields")).willReturn(okJson("""
                {"success": true, "data": [
                  {"id": 41, "key": "%s", "name": "Sectors", "field_type": "set",
                   "options": [{"id": 12, "label": "Retail"}, {"id": 13, "label": "Logistics"}]}],
                 "additional_data": {"pagination": {"start": 0, "limit": 500, "more_items_in_collection": false}}}""".formatted(SECTOR_FIELD))));
        String page = """
                {"success": true, "data": [%s],
                 "additional_data": {"start": %d, "limit": 500, "more_items_in_collection": %s}}""";
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("0"))
                .withQueryParam("limit", equalTo("500"))
                .withQueryParam("sort", equalTo("update_time ASC"))
                .withQueryParam("updated_since", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .willReturn(okJson(page.formatted(
                        listed(
                                        first,
                                        "Globex firewall",
                                        1092,
                                        71,
                                        "2026-11-19T08:00:00.000Z",
                                        ", \"" + SECTOR_FIELD + "\": \"12,13\"")
                                + "," + listed(second, "Initech storage", 1093, 72, "2026-11-19T08:00:05.000Z", "")
                                + "," + listed(refused, "Umbrella lab", 1094, 71, "2026-11-19T08:00:05.000Z", ""),
                        0,
                        true))));
        byIds(
                "/api/v2/organizations",
                "71,72",
                "{\"id\": 71, \"name\": \"Globex Corporation\", \"owner_id\": 1}",
                "{\"id\": 72, \"name\": \"Initech\", \"owner_id\": 1}");
        // person 1093 is gone from Pipedrive (left out of the answer); 1094's e-mail is none the PRM accepts
        byIds(
                "/api/v2/persons",
                "1092,1093,1094",
                PERSON_1092,
                "{\"id\": 1094, \"name\": \"Alice\", \"emails\": [{\"value\": \"not-an-address\", \"primary\": true}]}");
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("3"))
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("Content-Type", "application/json")
                        .withHeader("x-ratelimit-remaining", "0")
                        .withHeader("x-ratelimit-reset", "2")
                        .withBody("{\"success\": false, \"error\": \"Request over limit\", \"errorCode\": 429}")));

        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("status", is("partial"))
                .body("sync_type", is("full"))
                .body("records_synced", is(2))
                .body("error_details.imported", is(2));
        assertThat(TestData.text(
                        ds,
                        "SELECT cursor FROM provider_sync_logs WHERE provider_id = ? ORDER BY started_at DESC LIMIT 1",
                        providerRow))
                .isEqualTo("2026-11-19T08:00:05Z|2");
        String imported = "SELECT title || ' / ' || organization || ' / ' || contact_name || ' / ' "
                + "|| coalesce(contact_email, '-') || ' / ' || value || ' ' || currency || ' / ' || status || ' / ' "
                + "|| partner_id || ' / ' || owner_id || ' / ' || sync_status FROM leads "
                + "WHERE provider_name = 'pipedrive' AND provider_id = ?";
        assertThat(TestData.text(ds, imported, first))
                .isEqualTo("Globex firewall / Globex Corporation / Hank Scorpio / hank@globex.example / 3100.25 EUR / "
                        + "NEW / " + partner + " / " + owner + " / synced");
        assertThat(TestData.text(ds, imported, second))
                .isEqualTo("Initech storage / Initech / Initech / - / 3100.25 EUR / NEW / " + partner + " / " + owner
                        + " / synced");
        assertThat(TestData.text(
                        ds,
                        "SELECT (provider_metadata -> 'custom_fields' ->> 'Sectors') || ' ' "
                                + "|| (provider_metadata ->> 'update_time') || ' ' || (provider_metadata ->> 'person_id') "
                                + "FROM leads WHERE provider_id = ?",
                        first))
                .isEqualTo("[\"Retail\", \"Logistics\"] 2026-11-19T08:00:00Z 1092");
        UUID prmLead = UUID.fromString(TestData.text(ds, "SELECT id FROM leads WHERE provider_id = ?", first));
        assertThat(TestData.text(
                        ds,
                        "SELECT string_agg(x, ', ') FROM (SELECT 'history ' || coalesce(old_status::text, '-') || '>' "
                                + "|| new_status || ' ' || reason AS x FROM lead_status_history WHERE lead_id = ? "
                                + "UNION ALL SELECT 'audit ' || action || ' ' || user_agent FROM audit_logs "
                                + "WHERE entity_id = ?) rows",
                        prmLead,
                        prmLead))
                .isEqualTo("history ->NEW imported from pipedrive, audit lead.imported provider-sync");
        // the lead the rules refuse went the one-lead way: its event fails with the reason, for staff to see
        assertThat(TestData.text(ds, "SELECT count(*) FROM leads WHERE provider_id = ?", refused))
                .isEqualTo("0");
        pipedrive.stubFor(get(urlEqualTo("/v1/leads/" + refused))
                .willReturn(okJson("{\"success\": true, \"data\": "
                        + listed(refused, "Umbrella lab", 1094, 71, "2026-11-19T08:00:05.000Z", "") + "}")));
        pipedrive.stubFor(get(urlEqualTo("/api/v2/persons/1094"))
                .willReturn(okJson("{\"success\": true, \"data\": {\"id\": 1094, \"name\": \"Alice\", "
                        + "\"emails\": [{\"value\": \"not-an-address\", \"primary\": true}]}}")));
        processAll();
        assertThat(TestData.text(
                        ds,
                        "SELECT status || ': ' || error_message FROM webhook_events WHERE provider_name = 'pipedrive' "
                                + "AND event_id = ?",
                        "sync:" + refused + ":2026-11-19T08:00:05Z"))
                .startsWith("failed: the CRM's lead is refused")
                .contains("contact_email");
        // three calls for the page: the listing, its organizations, its persons; no lead was read alone
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/organizations")));
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/persons")));
        pipedrive.verify(0, getRequestedFor(urlEqualTo("/v1/leads/" + first)));
        pipedrive.verify(0, getRequestedFor(urlEqualTo("/api/v2/persons/1092")));

        // the next run resumes the first import after the last lead of that second, and finishes it
        byIds("/api/v2/persons", "1092", PERSON_1092);
        byIds("/api/v2/organizations", "72", "{\"id\": 72, \"name\": \"Initech\", \"owner_id\": 1}");
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("2"))
                .withQueryParam("updated_since", equalTo("2026-11-19T08:00:05Z"))
                .willReturn(okJson(page.formatted(
                        listed(third, "Hooli cloud", 1092, 72, "2026-11-19T09:30:00.000Z", ""), 2, false))));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("status", is("success"))
                .body("sync_type", is("full"))
                .body("records_synced", is(1));
        assertThat(TestData.text(ds, imported, third))
                .isEqualTo("Hooli cloud / Initech / Hank Scorpio / hank@globex.example / 3100.25 EUR / NEW / " + partner
                        + " / " + owner + " / synced");

        // an import listed again with the same change times (a full re-run of the same page) writes nothing
        String writes = "SELECT (SELECT count(*) FROM audit_logs WHERE entity_id IN (SELECT id FROM leads "
                + "WHERE provider_id IN (?, ?, ?))) || ' ' || (SELECT string_agg(last_sync_at::text || updated_at, ',' "
                + "ORDER BY provider_id) FROM leads WHERE provider_id IN (?, ?, ?))";
        String before = TestData.text(ds, writes, first, second, third, first, second, third);
        TestData.exec(ds, "DELETE FROM provider_sync_logs WHERE provider_id = ?", providerRow);
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("start", equalTo("3"))
                .willReturn(okJson(page.formatted(
                        listed(third, "Hooli cloud", 1092, 72, "2026-11-19T09:30:00.000Z", ""), 3, false))));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("status", is("success"))
                .body("sync_type", is("full"))
                .body("records_synced", is(0));
        assertThat(TestData.text(ds, writes, first, second, third, first, second, third))
                .isEqualTo(before);

        // the next run asks only for what changed since the import started: nothing, and nothing is written
        pipedrive.stubFor(get(urlPathEqualTo("/v1/leads"))
                .withQueryParam("updated_since", com.github.tomakehurst.wiremock.client.WireMock.matching(".+"))
                .withQueryParam("start", equalTo("0"))
                .willReturn(okJson(page.formatted("", 0, false))));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/sync", providerRow)
                .then()
                .statusCode(200)
                .body("status", is("success"))
                .body("sync_type", is("incremental"))
                .body("records_synced", is(0));
        assertThat(TestData.text(ds, writes, first, second, third, first, second, third))
                .isEqualTo(before);
    }

    static final String BUDGET_FIELD = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    static final String SECTOR_FIELD = "ffeeddccbbaa99887766554433221100ffeeddcc";

    String activity(long id, String type, String subject, boolean done, String update) {
        return """
                {"id": %d, "subject": "%s", "type": "%s", "owner_id": 1, "is_deleted": false, "lead_id": "%s",
                 "deal_id": null, "person_id": 1092, "org_id": 71, "due_date": "2026-12-01", "due_time": "15:00:00",
                 "duration": "00:30:00", "busy": false, "done": %s, "marked_as_done_time": %s, "note": "Bring the quote",
                 "add_time": "2026-11-20T09:00:00Z", "update_time": "%s"}""".formatted(id, subject, type, leadId, done, done ? "\"2026-12-01T15:40:00Z\"" : "null", update);
    }

    String followUpEvent(String entity, String action, long id) {
        String body = """
                {"meta": {"action": "%s", "entity": "%s", "entity_id": "%d", "id": "%s", "company_id": "123",
                          "version": "2.0", "change_source": "app", "attempt": 1},
                 "data": {"id": %d}, "previous": null}""".formatted(action, entity, id, UUID.randomUUID(), id);
        return given().contentType("application/json")
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .body(body)
                .post("/api/v1/webhooks/pipedrive")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    @Test
    void aNewLead_bringsItsActivitiesNotesAndNamedCustomFields_whichTheirOwnWebhooksThenKeepInStep() {
        pipedrive.stubFor(get(urlEqualTo("/v1/leads/" + leadId))
                .willReturn(okJson("""
                {"success": true, "data": {"id": "%s", "title": "Globex firewall", "owner_id": 1, "person_id": 1092,
                 "organization_id": 71, "value": {"amount": 12500, "currency": "EUR"}, "is_archived": false,
                 "%s": 4200.50, "%s": "12,13", "update_time": "2026-11-20T09:00:00.000Z"}}""".formatted(leadId, BUDGET_FIELD, SECTOR_FIELD))));
        pipedrive.stubFor(
                get(urlPathEqualTo("/v1/dealFields")).willReturn(okJson("""
                {"success": true, "data": [
                  {"id": 12, "key": "title", "name": "Title", "field_type": "varchar"},
                  {"id": 40, "key": "%s", "name": "Budget", "field_type": "monetary"},
                  {"id": 41, "key": "%s", "name": "Sectors", "field_type": "set",
                   "options": [{"id": 12, "label": "Retail"}, {"id": 13, "label": "Logistics"}]}],
                 "additional_data": {"pagination": {"start": 0, "limit": 500, "more_items_in_collection": false}}}""".formatted(BUDGET_FIELD, SECTOR_FIELD))));
        pipedrive.stubFor(get(urlPathEqualTo("/api/v2/activities"))
                .withQueryParam("lead_id", equalTo(leadId))
                .withQueryParam("limit", equalTo("500"))
                .willReturn(okJson("{\"success\": true, \"data\": ["
                        + activity(501, "call", "Discovery call", true, "2026-11-20T09:05:00Z") + ","
                        + activity(502, "demo_visit", "On-site demo", false, "2026-11-20T09:06:00Z")
                        + "], \"additional_data\": {\"next_cursor\": null}}")));
        pipedrive.stubFor(get(urlPathEqualTo("/v1/notes"))
                .withQueryParam("lead_id", equalTo(leadId))
                .willReturn(okJson("""
                {"success": true, "data": [{"id": 801, "content": "Wants 60 TB", "lead_id": "%s", "deal_id": null,
                  "add_time": "2026-11-20 09:10:00", "update_time": "2026-11-20 09:10:00"}],
                 "additional_data": {"pagination": {"start": 0, "limit": 500, "more_items_in_collection": false}}}""".formatted(leadId))));

        deliver("create");
        processAll();

        UUID prmLead = UUID.fromString(lead("id"));
        assertThat(TestData.text(
                        ds,
                        "SELECT string_agg(provider_id || ':' || activity_type || ':' || subject || ':' "
                                + "|| done || ':' || to_char(due_date AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), ', ' ORDER BY provider_id) "
                                + "FROM lead_activities WHERE lead_id = ? AND provider_name = 'pipedrive'",
                        prmLead))
                .isEqualTo(
                        "501:call:Discovery call:true:2026-12-01 15:00, 502:other:On-site demo:false:2026-12-01 15:00");
        assertThat(TestData.text(
                        ds,
                        "SELECT provider_metadata ->> 'type' FROM lead_activities WHERE provider_id = '502' "
                                + "AND lead_id = ?",
                        prmLead))
                .isEqualTo("demo_visit");
        assertThat(TestData.text(
                        ds,
                        "SELECT provider_name || ':' || provider_id || ':' || content FROM lead_notes "
                                + "WHERE lead_id = ?",
                        prmLead))
                .isEqualTo("pipedrive:801:Wants 60 TB");
        assertThat(TestData.text(
                        ds,
                        "SELECT provider_metadata -> 'custom_fields' ->> 'Budget' FROM leads WHERE id = ?",
                        prmLead))
                .isEqualTo("4200.50");
        assertThat(TestData.text(
                        ds,
                        "SELECT provider_metadata -> 'custom_fields' ->> 'Sectors' FROM leads WHERE id = ?",
                        prmLead))
                .isEqualTo("[\"Retail\", \"Logistics\"]");

        // a changed activity, a deleted one, a changed note and a note of a lead the PRM does not follow
        pipedrive.stubFor(get(urlEqualTo("/api/v2/activities/501"))
                .willReturn(okJson("{\"success\": true, \"data\": "
                        + activity(501, "call", "Discovery call (rescheduled)", false, "2026-11-21T08:00:00Z") + "}")));
        pipedrive.stubFor(get(urlEqualTo("/v1/notes/801")).willReturn(okJson("""
                {"success": true, "data": {"id": 801, "content": "Wants 80 TB", "lead_id": "%s",
                 "add_time": "2026-11-20 09:10:00", "update_time": "2026-11-21 08:00:00"}}""".formatted(leadId))));
        pipedrive.stubFor(get(urlEqualTo("/v1/notes/802")).willReturn(okJson("""
                {"success": true, "data": {"id": 802, "content": "Someone else's", "lead_id": "%s",
                 "add_time": "2026-11-20 09:10:00", "update_time": "2026-11-21 08:00:00"}}""".formatted(UUID.randomUUID()))));
        String changed = followUpEvent("activity", "change", 501);
        String deleted = followUpEvent("activity", "delete", 502);
        String note = followUpEvent("note", "change", 801);
        String foreign = followUpEvent("note", "create", 802);
        processAll();

        assertThat(eventStatus(changed)).isEqualTo("processed");
        assertThat(eventStatus(deleted)).isEqualTo("processed");
        assertThat(eventStatus(note)).isEqualTo("processed");
        assertThat(eventStatus(foreign)).isEqualTo("ignored");
        assertThat(TestData.text(
                        ds,
                        "SELECT string_agg(provider_id || ':' || subject || ':' || done, ', ') "
                                + "FROM lead_activities WHERE lead_id = ?",
                        prmLead))
                .isEqualTo("501:Discovery call (rescheduled):false");
        assertThat(TestData.text(ds, "SELECT string_agg(content, ', ') FROM lead_notes WHERE lead_id = ?", prmLead))
                .isEqualTo("Wants 80 TB");
        assertThat(TestData.count(ds, "SELECT count(*) FROM lead_notes WHERE provider_id = '802'"))
                .isZero();

        // the note deleted in Pipedrive goes too; the field definitions were read once (cached)
        String noteGone = followUpEvent("note", "delete", 801);
        processAll();
        assertThat(eventStatus(noteGone)).isEqualTo("processed");
        assertThat(TestData.count(ds, "SELECT count(*) FROM lead_notes WHERE lead_id = ?", prmLead))
                .isZero();
        pipedrive.verify(1, getRequestedFor(urlPathEqualTo("/v1/dealFields")));
    }
}
