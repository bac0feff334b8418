package com.tentabo.prm.bootstrap.audit;

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
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/audit-logs}: who may read it, its filters, its keyset pages and what it never shows. */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class AuditLogApiTest {

    static final Instant T0 = Instant.parse("2031-05-01T10:00:00Z");

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    /** A stored row for {@code entity}, as the replaced system could have written it (any JSON in changes). */
    UUID row(String entityType, UUID entity, String action, Instant at, String changesJson) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO audit_logs (id, action, entity_type, entity_id, changes, ip_address, user_agent, "
                        + "created_at) VALUES (?, ?, ?, ?, ?::jsonb, '10.0.0.7', 'legacy-ui', ?)",
                id,
                action,
                entityType,
                entity,
                changesJson,
                Timestamp.from(at));
        return id;
    }

    @Test
    void givenAProductCreatedThroughTheApi_whenAnAdminReadsItsTrail_thenTheRowNamesTheAdminTheAddressAndTheChange() {
        String name = "Audited box " + UUID.randomUUID();
        String product = Api.asAdmin()
                .body(Map.of("name", name, "type", "appliance", "unit", "TB"))
                .header("X-Forwarded-For", "198.18.7.9")
                .post("/api/v1/products")
                .then()
                .statusCode(201)
                .extract()
                .path("id");

        JsonPath page = Api.asAdmin()
                .queryParam("entity_type", "product")
                .queryParam("entity_id", product)
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("next_cursor", nullValue())
                .extract()
                .jsonPath();
        assertThat(page.getString("items[0].action")).isEqualTo("create");
        assertThat(page.getString("items[0].admin_user_id")).isNotBlank();
        assertThat(page.getString("items[0].ip_address")).isEqualTo("198.18.7.9");
        assertThat(page.getString("items[0].changes.name.after")).isEqualTo(name);
        String id = page.getString("items[0].id");

        Api.asAdmin()
                .get("/api/v1/audit-logs/{id}", id)
                .then()
                .statusCode(200)
                .body("entity_id", is(product))
                .body("entity_type", is("product"))
                .body("changes.name.after", is(name));
    }

    @Test
    void givenRowsWithTiedTimes_whenWalkingPagesOfTwo_thenEveryRowComesOnceNewestFirst() {
        UUID entity = UUID.randomUUID();
        List<UUID> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) { // two pairs share a created_at: the id breaks the tie
            expected.add(row("order", entity, "update", T0.plusSeconds(i / 2), "{\"n\": " + i + "}"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request =
                    Api.asAdmin().queryParam("entity_id", entity.toString()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/audit-logs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("next_cursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(seen).doesNotHaveDuplicates().hasSize(5);
        List<Instant> times = seen.stream()
                .map(id -> Instant.parse(Api.asAdmin()
                        .get("/api/v1/audit-logs/{id}", id)
                        .then()
                        .statusCode(200)
                        .extract()
                        .<String>path("created_at")))
                .toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        expected.stream().map(UUID::toString).toList());
    }

    @Test
    void givenSinceAndUntil_thenSinceIsInclusiveAndUntilExclusive_andFiltersCombine() {
        UUID entity = UUID.randomUUID();
        row("contract", entity, "create", T0, "{}");
        UUID middle = row("contract", entity, "expire", T0.plusSeconds(60), "{}");
        row("contract", entity, "expire", T0.plusSeconds(120), "{}");

        Api.asAdmin()
                .queryParam("entity_id", entity.toString())
                .queryParam("since", T0.plusSeconds(60).toString())
                .queryParam("until", T0.plusSeconds(120).toString())
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].id", is(middle.toString()));
        Api.asAdmin()
                .queryParam("entity_id", entity.toString())
                .queryParam("action", "expire")
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200)
                .body("items.size()", is(2));
        Api.asAdmin()
                .queryParam("entity_id", entity.toString())
                .queryParam("entity_type", "order")
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        Api.asAdmin()
                .queryParam("entity_id", entity.toString())
                .queryParam("since", "2031-05-02")
                .get("/api/v1/audit-logs")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void givenLegacyRowsWithSecretsAndOddJson_thenSecretsAreHiddenAtAnyDepth_andTheRestIsShownAsStored() {
        UUID entity = UUID.randomUUID();
        UUID secretive = row(
                "provider_config",
                entity,
                "update",
                T0,
                "{\"credentials\": {\"before\": \"s3cr3t\", "
                        + "\"after\": \"n3w\"}, \"settings\": {\"after\": {\"api_token\": \"x\", \"Token\": \"y\", \"region\": \"eu\", "
                        + "\"nested\": [{\"password\": \"p\"}]}}, \"amount\": {\"after\": 12345678901234567890.123456789}}");
        UUID array = row("provider_config", entity, "legacy", T0.plusSeconds(1), "[1, \"two\", {\"secret\": 3}]");
        UUID none = row("provider_config", entity, "legacy", T0.plusSeconds(2), null);

        String body = Api.asAdmin()
                .get("/api/v1/audit-logs/{id}", secretive)
                .then()
                .statusCode(200)
                .body("changes.credentials", is("***"))
                .body("changes.settings.after.Token", is("***"))
                .body("changes.settings.after.api_token", is("***"))
                .body("changes.settings.after.region", is("eu"))
                .body("changes.settings.after.nested[0].password", is("***"))
                .extract()
                .asString();
        assertThat(body).doesNotContain("s3cr3t").doesNotContain("n3w").contains("12345678901234567890.123456789");
        Api.asAdmin()
                .get("/api/v1/audit-logs/{id}", array)
                .then()
                .statusCode(200)
                .body("changes[1]", is("two"))
                .body("changes[2].secret", is("***"));
        Api.asAdmin()
                .get("/api/v1/audit-logs/{id}", none)
                .then()
                .statusCode(200)
                .body("changes", nullValue());
    }

    @Test
    void givenRoles_thenOnlyAdminsReadTheTrail_andBadInputIsA4xxProblem() {
        UUID partner = TestData.partner(ds, "P " + UUID.randomUUID());
        UUID id = row("order", UUID.randomUUID(), "create", T0, "{}");
        Api.as(TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null)))
                .get("/api/v1/audit-logs/{id}", id)
                .then()
                .statusCode(200);
        for (String token : List.of(
                TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null)),
                TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null)))) {
            Api.as(token).get("/api/v1/audit-logs").then().statusCode(403);
            Api.as(token).get("/api/v1/audit-logs/{id}", id).then().statusCode(403);
        }
        RestAssured.given().get("/api/v1/audit-logs").then().statusCode(401);

        Api.asAdmin()
                .get("/api/v1/audit-logs/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", is("AUDIT_LOG_NOT_FOUND"));
        Api.asAdmin().get("/api/v1/audit-logs/not-a-uuid").then().statusCode(400);
        for (Map<String, String> bad : List.of(
                Map.of("since", "yesterday"),
                Map.of("limit", "0"),
                Map.of("limit", "many"),
                Map.of("cursor", "%%%"),
                Map.of("entity_id", "x"),
                Map.of("since", "2031-05-02", "until", "2031-05-01"),
                Map.of("entity_type", "t".repeat(51)))) {
            Api.asAdmin()
                    .queryParams(bad)
                    .get("/api/v1/audit-logs")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }
}
