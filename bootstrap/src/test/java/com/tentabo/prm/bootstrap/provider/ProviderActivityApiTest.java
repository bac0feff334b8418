package com.tentabo.prm.bootstrap.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/sync-logs} and {@code /api/v1/webhook-events}: rows as the replaced system stored them, read by
 * admins, filtered and paged, with credentials and signatures never shown.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ProviderActivityApiTest {

    static final Instant T0 = Instant.parse("2032-02-01T08:00:00Z");

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    UUID provider(String name) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO provider_configs (id, provider_type, provider_name, is_active, configuration, "
                        + "credentials) VALUES (?, 'CRM', ?, false, '{}'::jsonb, '{\"api_token\": \"pd-secret\"}'::jsonb)",
                id,
                name);
        return id;
    }

    UUID syncLog(UUID provider, String entityType, String status, Instant startedAt, String errors) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO provider_sync_logs (id, provider_id, sync_type, entity_type, direction, "
                        + "records_synced, records_failed, error_details, status, started_at, completed_at) "
                        + "VALUES (?, ?, 'incremental', ?, 'inbound', 40, 2, ?::jsonb, ?, ?, ?)",
                id,
                provider,
                entityType,
                errors,
                status,
                Timestamp.from(startedAt),
                Timestamp.from(startedAt.plusSeconds(9)));
        return id;
    }

    UUID webhook(String provider, String eventType, String eventId, Instant at, String headers) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO webhook_events (id, provider_name, provider_type, event_type, event_id, payload, "
                        + "status, ip_address, headers, received_at) VALUES (?, ?, 'CRM', ?, ?, "
                        + "'{\"current\": {\"id\": 42, \"value\": 1500.50}, \"meta\": {\"webhook_token\": \"t\"}}'::jsonb, "
                        + "'processed', '185.166.142.1', ?::jsonb, ?)",
                id,
                provider,
                eventType,
                eventId,
                headers,
                Timestamp.from(at));
        return id;
    }

    @Test
    void givenSyncLogs_thenAdminsListThemNewestFirst_filteredAndPaged_withTheProviderName() {
        String name = "pipedrive-" + UUID.randomUUID().toString().substring(0, 8);
        UUID provider = provider(name);
        UUID older = syncLog(provider, "lead", "completed", T0, null);
        UUID failed = syncLog(
                provider,
                "lead",
                "failed",
                T0.plusSeconds(60),
                "{\"errors\": [{\"record\": 7, \"message\": \"rate limited\", \"password\": \"x\"}]}");
        syncLog(provider, "deal", "completed", T0.plusSeconds(120), null);

        JsonPath page = Api.asAdmin()
                .queryParam("provider_id", provider.toString())
                .queryParam("entity_type", "lead")
                .queryParam("limit", 1)
                .get("/api/v1/sync-logs")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .extract()
                .jsonPath();
        assertThat(page.getString("items[0].id")).isEqualTo(failed.toString());
        assertThat(page.getString("items[0].provider_name")).isEqualTo(name);
        assertThat(page.getInt("items[0].records_failed")).isEqualTo(2);
        assertThat(page.getString("items[0].error_details.errors[0].message")).isEqualTo("rate limited");
        assertThat(page.getString("items[0].error_details.errors[0].password")).isEqualTo("***");
        Api.asAdmin()
                .queryParam("provider_id", provider.toString())
                .queryParam("entity_type", "lead")
                .queryParam("limit", 1)
                .queryParam("cursor", page.getString("next_cursor"))
                .get("/api/v1/sync-logs")
                .then()
                .statusCode(200)
                .body("items[0].id", is(older.toString()))
                .body("next_cursor", nullValue());
        Api.asAdmin()
                .queryParam("provider_id", provider.toString())
                .queryParam("status", "failed")
                .get("/api/v1/sync-logs")
                .then()
                .statusCode(200)
                .body("items.size()", is(1));
        Api.asAdmin()
                .get("/api/v1/sync-logs/{id}", older)
                .then()
                .statusCode(200)
                .body("error_details", nullValue())
                .body("started_at", is("2032-02-01T08:00:00Z"));
        Api.asAdmin()
                .get("/api/v1/sync-logs/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", is("SYNC_LOG_NOT_FOUND"));
    }

    @Test
    void givenWebhookEvents_thenCredentialsAndSignaturesAreHidden_andTheRestIsShownAsStored() {
        String name = "pipedrive-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = webhook(
                name,
                "updated.deal",
                "evt-1",
                T0,
                "{\"Authorization\": \"Basic dXNlcjpwYXNz\", "
                        + "\"X-Pipedrive-Signature\": \"abc\", \"Content-Type\": \"application/json\", \"Cookie\": \"s=1\"}");
        webhook(name, "added.person", "evt-2", T0.plusSeconds(5), null);

        String body = Api.asAdmin()
                .get("/api/v1/webhook-events/{id}", first)
                .then()
                .statusCode(200)
                .body("headers.Authorization", is("***"))
                .body("headers.X-Pipedrive-Signature", is("***"))
                .body("headers.Cookie", is("***"))
                .body("headers.Content-Type", is("application/json"))
                .body("payload.current.id", is(42))
                .body("payload.meta.webhook_token", is("***"))
                .body("provider_type", is("crm"))
                .body("event_id", is("evt-1"))
                .extract()
                .asString();
        assertThat(body).contains("1500.50").doesNotContain("dXNlcjpwYXNz").doesNotContain("\"abc\"");

        Api.asAdmin()
                .queryParam("provider_name", name)
                .get("/api/v1/webhook-events")
                .then()
                .statusCode(200)
                .body("items.event_id", is(List.of("evt-2", "evt-1")));
        Api.asAdmin()
                .queryParam("provider_name", name)
                .queryParam("event_type", "updated.deal")
                .get("/api/v1/webhook-events")
                .then()
                .statusCode(200)
                .body("items.size()", is(1));
        Api.asAdmin()
                .queryParam("provider_name", name)
                .queryParam("until", T0.plusSeconds(5).toString())
                .get("/api/v1/webhook-events")
                .then()
                .statusCode(200)
                .body("items.event_id", is(List.of("evt-1")));
        Api.asAdmin()
                .get("/api/v1/webhook-events/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", is("WEBHOOK_EVENT_NOT_FOUND"));
    }

    @Test
    void givenEitherQueue_thenItsSharedRoutesAnswerJsonOnly_andAMissingItemIs404OfTheQueue() {
        Map<String, String> queues = Map.of(
                "/api/v1/outbox-events", "OUTBOX_EVENT_NOT_FOUND",
                "/api/v1/webhook-events", "WEBHOOK_EVENT_NOT_FOUND");
        queues.forEach((queue, notFound) -> {
            String item = queue + "/" + UUID.randomUUID();
            Api.asAdmin().accept("text/csv").get(item).then().statusCode(406);
            Api.asAdmin().accept("text/csv").post(item + "/requeue").then().statusCode(406);
            Api.asAdmin().get(item).then().statusCode(404).body("code", is(notFound));
            Api.asAdmin().post(item + "/requeue").then().statusCode(404).body("code", is(notFound));
        });
    }

    @Test
    void givenOtherRoles_then403_andBadFiltersAre400() {
        UUID partner = TestData.partner(ds, "P " + UUID.randomUUID());
        String partnerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        for (String path : List.of("/api/v1/sync-logs", "/api/v1/webhook-events")) {
            Api.as(partnerToken).get(path).then().statusCode(403);
            Api.as(restricted).get(path).then().statusCode(200);
            for (Map<String, String> bad : List.of(
                    Map.of("limit", "0"),
                    Map.of("since", "soon"),
                    Map.of("cursor", "nope!"),
                    Map.of("status", "s".repeat(21)),
                    Map.of("since", "2032-01-02", "until", "2032-01-01"))) {
                Api.asAdmin().queryParams(bad).get(path).then().statusCode(400).contentType("application/problem+json");
            }
            Api.asAdmin().get(path + "/not-a-uuid").then().statusCode(400);
        }
        Api.asAdmin()
                .queryParam("provider_id", "x")
                .get("/api/v1/sync-logs")
                .then()
                .statusCode(400);
    }
}
