package com.tentabo.prm.bootstrap.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/providers}: provider configurations with write-only, encrypted credentials. Every provider a test
 * creates is deleted afterwards: the other tests of this database expect no active provider of any type.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ProviderConfigApiTest {

    static final String SECRET = "sk_live_TopSecretValue_1234567890";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    CredentialsCipher cipher;

    final List<String> created = new ArrayList<>();

    @AfterEach
    void removeProviders() {
        created.forEach(id -> TestData.exec(ds, "DELETE FROM provider_configs WHERE id = ?::uuid", id));
        created.clear();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String create(Map<String, Object> body) {
        String id = Api.asAdmin()
                .body(body)
                .post("/api/v1/providers")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .header("ETag", notNullValue())
                .extract()
                .path("id");
        created.add(id);
        return id;
    }

    static Map<String, Object> body(
            String type, String name, Map<String, Object> configuration, Map<String, Object> credentials) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("provider_type", type);
        b.put("provider_name", name);
        if (configuration != null) {
            b.put("configuration", configuration);
        }
        if (credentials != null) {
            b.put("credentials", credentials);
        }
        return b;
    }

    Map<String, String> storedCredentials(String id) throws Exception {
        String json = TestData.text(ds, "SELECT credentials::text FROM provider_configs WHERE id = ?::uuid", id);
        Map<String, Object> stored =
                json == null ? null : JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        return cipher.decrypt(UUID.fromString(id), "test", stored);
    }

    @Test
    void givenAnAdmin_whenCreatingWithCredentials_thenTheyAreEncrypted_andNeverShownNorAudited() throws Exception {
        String name = unique("stripe");
        String id = create(body(
                "billing",
                name,
                Map.of(
                        "api_url",
                        "https://api.stripe.test",
                        "timeout_seconds",
                        30,
                        "rate",
                        new java.math.BigDecimal("1.25")),
                Map.of("api_key", SECRET, "account", "acct_1")));

        Response one = Api.asAdmin().get("/api/v1/providers/{id}", id);
        one.then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("provider_type", is("billing"))
                .body("provider_name", is(name))
                .body("is_active", is(false))
                .body("configuration.api_url", is("https://api.stripe.test"))
                .body("configuration.timeout_seconds", is(30))
                .body("credentials_set", is(List.of("account", "api_key")))
                .body("health_status", is("unknown"))
                .body("last_health_check", nullValue())
                .body("created_at", notNullValue());
        assertThat(one.asString())
                .doesNotContain(SECRET)
                .doesNotContain("acct_1")
                .contains("1.25");

        String column = TestData.text(ds, "SELECT credentials::text FROM provider_configs WHERE id = ?::uuid", id);
        assertThat(column)
                .startsWith("{\"encrypted\": \"v1:")
                .doesNotContain(SECRET)
                .doesNotContain("acct_1");
        assertThat(storedCredentials(id)).containsEntry("api_key", SECRET).containsEntry("account", "acct_1");

        String audit = TestData.text(
                ds,
                "SELECT changes::text FROM audit_logs WHERE entity_type = 'provider_config' "
                        + "AND entity_id = ?::uuid AND action = 'create'",
                id);
        assertThat(audit)
                .contains(name)
                .contains("\"credentials\": \"***\"")
                .doesNotContain(SECRET)
                .doesNotContain("acct_1");

        Api.asAdmin()
                .queryParam("provider_type", "BILLING")
                .queryParam("is_active", "false")
                .queryParam("limit", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        Api.asAdmin()
                .queryParam("provider_type", "crm")
                .queryParam("limit", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        String list = Api.asAdmin()
                .queryParam("limit", 200)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(list).doesNotContain(SECRET);

        Api.asAdmin()
                .body(body("billing", name, null, null))
                .post("/api/v1/providers")
                .then()
                .statusCode(409)
                .body("code", is("PROVIDER_EXISTS"));
    }

    @Test
    void givenAProvider_whenPatching_thenConfigurationIsReplaced_credentialsMerged_andIfMatchHonoured()
            throws Exception {
        String id = create(body(
                "crm",
                unique("pipedrive"),
                Map.of("domain", "acme", "old", true),
                Map.of("api_token", SECRET, "client_id", "cid-1", "client_key", "old-key")));
        String etag = Api.asAdmin()
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");

        Map<String, Object> credentials = new HashMap<>();
        credentials.put("client_key", "new-key");
        credentials.put("client_id", null);
        credentials.put("webhook_secret", "whs-1");
        Map<String, Object> patch = new HashMap<>();
        patch.put("configuration", Map.of("domain", "acme2"));
        patch.put("credentials", credentials);
        String newEtag = Api.asAdmin()
                .header("If-Match", etag)
                .body(patch)
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("configuration", is(Map.of("domain", "acme2")))
                .body("credentials_set", is(List.of("api_token", "client_key", "webhook_secret")))
                .extract()
                .header("ETag");
        assertThat(newEtag).isNotEqualTo(etag);
        assertThat(storedCredentials(id))
                .isEqualTo(Map.of("api_token", SECRET, "client_key", "new-key", "webhook_secret", "whs-1"));

        Api.asAdmin()
                .header("If-Match", etag)
                .body(Map.of("configuration", Map.of()))
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(412)
                .body("code", is("PRECONDITION_FAILED"));
        Api.asAdmin()
                .get("/api/v1/providers/{id}", id)
                .then()
                .body("configuration.domain", is("acme2"))
                .header("ETag", is(newEtag));

        String audit = TestData.text(
                ds,
                "SELECT string_agg(changes::text, ' ') FROM audit_logs "
                        + "WHERE entity_type = 'provider_config' AND entity_id = ?::uuid",
                id);
        assertThat(audit)
                .contains("acme2")
                .doesNotContain(SECRET)
                .doesNotContain("new-key")
                .doesNotContain("whs-1")
                .doesNotContain("old-key");

        Api.asAdmin()
                .body(Map.of("provider_name", "other"))
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors[0].field", is("provider_name"));
        Api.asAdmin()
                .body(Map.of("is_active", true))
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(400);
    }

    @Test
    void givenTwoProvidersOfAType_whenActivatingTheSecond_thenTheFirstIsDeactivated_andActiveOnesCannotBeDeleted()
            throws Exception {
        String a = create(body("crm", unique("crm-a"), null, Map.of("api_token", "token-a")));
        Map<String, Object> bBody = body("crm", unique("crm-b"), null, Map.of("api_token", "token-b"));
        String b = create(bBody);

        Api.asAdmin()
                .post("/api/v1/providers/{id}/activate", a)
                .then()
                .statusCode(200)
                .body("is_active", is(true));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/activate", a)
                .then()
                .statusCode(200)
                .body("is_active", is(true));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/activate", b)
                .then()
                .statusCode(200)
                .body("is_active", is(true));
        Api.asAdmin().get("/api/v1/providers/{id}", a).then().body("is_active", is(false));
        assertThat(TestData.count(
                        ds, "SELECT count(*) FROM provider_configs WHERE provider_type = 'CRM' AND is_active"))
                .isEqualTo(1);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_type = 'provider_config' "
                                + "AND entity_id = ?::uuid AND action = 'deactivate'",
                        a))
                .isEqualTo(1);

        Api.asAdmin().delete("/api/v1/providers/{id}", b).then().statusCode(409).body("code", is("PROVIDER_IN_USE"));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/deactivate", b)
                .then()
                .statusCode(200)
                .body("is_active", is(false));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/deactivate", b)
                .then()
                .statusCode(200)
                .body("is_active", is(false));
        assertThat(TestData.count(
                        ds, "SELECT count(*) FROM provider_configs WHERE provider_type = 'CRM' AND is_active"))
                .isZero();

        // a provider created active replaces the active one of its type
        Api.asAdmin().post("/api/v1/providers/{id}/activate", a).then().statusCode(200);
        Map<String, Object> cBody = body("crm", unique("crm-c"), null, null);
        cBody.put("is_active", true);
        String c = create(cBody);
        Api.asAdmin()
                .get("/api/v1/providers/{id}", c)
                .then()
                .body("is_active", is(true))
                .body("credentials_set", is(List.of()));
        Api.asAdmin().get("/api/v1/providers/{id}", a).then().body("is_active", is(false));
        Api.asAdmin().post("/api/v1/providers/{id}/deactivate", c).then().statusCode(200);

        // sync logs keep a provider
        TestData.exec(
                ds,
                "INSERT INTO provider_sync_logs (id, provider_id, sync_type, entity_type, direction, status, "
                        + "started_at) VALUES (?, ?::uuid, 'full', 'lead', 'inbound', 'completed', now())",
                UUID.randomUUID(),
                a);
        Api.asAdmin().delete("/api/v1/providers/{id}", a).then().statusCode(409).body("code", is("PROVIDER_IN_USE"));
        Api.asAdmin().delete("/api/v1/providers/{id}", b).then().statusCode(204);
        Api.asAdmin().get("/api/v1/providers/{id}", b).then().statusCode(404).body("code", is("PROVIDER_NOT_FOUND"));
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_type = 'provider_config' "
                                + "AND entity_id = ?::uuid AND action = 'delete'",
                        b))
                .isEqualTo(1);
    }

    @Test
    void givenALegacyPlainTextRow_thenNamesAreShown_secretNamedConfigurationIsMasked_andACredentialsChangeEncrypts()
            throws Exception {
        String id = UUID.randomUUID().toString();
        TestData.exec(
                ds,
                "INSERT INTO provider_configs (id, provider_type, provider_name, is_active, configuration, "
                        + "credentials) VALUES (?::uuid, 'CRM', ?, false, '{\"domain\": \"acme\", \"api_token\": \"legacy-tok\"}'::jsonb, "
                        + "'{\"api_token\": \"pd-secret\"}'::jsonb)",
                id,
                unique("Legacy Name"));
        created.add(id);
        String shown = Api.asAdmin()
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("credentials_set", is(List.of("api_token")))
                .body("configuration.api_token", is("***"))
                .body("configuration.domain", is("acme"))
                .extract()
                .asString();
        assertThat(shown).doesNotContain("pd-secret").doesNotContain("legacy-tok");

        Api.asAdmin()
                .body(Map.of("credentials", Map.of("client_id", "cid")))
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("credentials_set", is(List.of("api_token", "client_id")));
        assertThat(TestData.text(ds, "SELECT credentials::text FROM provider_configs WHERE id = ?::uuid", id))
                .startsWith("{\"encrypted\": \"v1:")
                .doesNotContain("pd-secret");
        assertThat(storedCredentials(id)).isEqualTo(Map.of("api_token", "pd-secret", "client_id", "cid"));
    }

    @Test
    void givenBadInput_then4xxProblems_never500() {
        String id = create(body("auth", unique("ldap"), null, null));
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(body("auth", "Upper Case", null, null));
        bad.add(body("auth", "x".repeat(51), null, null));
        bad.add(body("nope", unique("x"), null, null));
        bad.add(body(null, unique("x"), null, null));
        bad.add(body("auth", unique("x"), Map.of("client_secret", "s"), null));
        bad.add(body("auth", unique("x"), Map.of("nested", Map.of("password", "p")), null));
        bad.add(body("auth", unique("x"), Map.of("big", "y".repeat(17_000)), null));
        bad.add(body("auth", unique("x"), Map.of("nul", "a\u0000b"), null));
        bad.add(body("auth", unique("x"), null, Map.of("api_key", 42)));
        bad.add(body("auth", unique("x"), null, Map.of("api_key", "k".repeat(5000))));
        bad.add(body("auth", unique("x"), null, Map.of(" ", "v")));
        Map<String, Object> deep = Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", Map.of("f", 1))))));
        bad.add(body("auth", unique("x"), deep, null));
        Map<String, Object> arrayConfig = body("auth", unique("x"), null, null);
        arrayConfig.put("configuration", List.of(1, 2));
        bad.add(arrayConfig);
        Map<String, Object> arrayCredentials = body("auth", unique("x"), null, null);
        arrayCredentials.put("credentials", List.of("a"));
        bad.add(arrayCredentials);
        Map<String, Object> wrongActive = body("auth", unique("x"), null, null);
        wrongActive.put("is_active", List.of());
        bad.add(wrongActive);
        Map<String, Object> unknownField = body("auth", unique("x"), null, null);
        unknownField.put("colour", "red");
        bad.add(unknownField);
        for (Map<String, Object> b : bad) {
            Api.asAdmin()
                    .body(b)
                    .post("/api/v1/providers")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        Api.asAdmin()
                .body(body("auth", unique("x"), Map.of("client_secret", "s"), null))
                .post("/api/v1/providers")
                .then()
                .body("errors[0].field", is("configuration.client_secret"));
        Api.asAdmin().body("[1,2]").post("/api/v1/providers").then().statusCode(400);
        Api.asAdmin()
                .body("{\"provider_type\": \"auth\", \"provider_name\": \"a\u0000b\"}")
                .post("/api/v1/providers")
                .then()
                .statusCode(400);
        Api.asAdmin()
                .body("{\"configuration\": null}")
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(400);
        Api.asAdmin()
                .body("{\"credentials\": \"x\"}")
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(400);
        Api.asAdmin()
                .body("{\"credentials\": {\"a\": true}}")
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(400);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM provider_configs WHERE provider_name LIKE 'x-%' "
                                + "AND provider_type = 'AUTH' AND created_at > now() - interval '1 minute'"))
                .isZero();

        Api.asAdmin().get("/api/v1/providers/not-a-uuid").then().statusCode(400);
        Api.asAdmin()
                .get("/api/v1/providers/{id}", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", is("PROVIDER_NOT_FOUND"));
        Api.asAdmin()
                .post("/api/v1/providers/{id}/activate", UUID.randomUUID())
                .then()
                .statusCode(404);
        Api.asAdmin().delete("/api/v1/providers/{id}", UUID.randomUUID()).then().statusCode(404);
        Api.asAdmin()
                .queryParam("provider_type", "mail")
                .get("/api/v1/providers")
                .then()
                .statusCode(400);
        Api.asAdmin()
                .queryParam("is_active", "maybe")
                .get("/api/v1/providers")
                .then()
                .statusCode(400);
        Api.asAdmin()
                .queryParam("cursor", "nope!")
                .get("/api/v1/providers")
                .then()
                .statusCode(400);
    }

    @Test
    void givenOtherRoles_thenRestrictedAdminsOnlyRead_andPartnersAreRefused() {
        String id = create(body("billing", unique("ro"), Map.of("k", "v"), Map.of("api_key", SECRET)));
        String restricted = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        UUID partner = TestData.partner(ds, "P " + UUID.randomUUID());
        String partnerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));

        String shown = Api.as(restricted)
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("credentials_set", is(List.of("api_key")))
                .extract()
                .asString();
        assertThat(shown).doesNotContain(SECRET);
        Api.as(restricted).get("/api/v1/providers").then().statusCode(200);
        Api.as(restricted)
                .body(body("billing", unique("no"), null, null))
                .post("/api/v1/providers")
                .then()
                .statusCode(403);
        Api.as(restricted)
                .body(Map.of("configuration", Map.of()))
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(403);
        Api.as(restricted).post("/api/v1/providers/{id}/activate", id).then().statusCode(403);
        Api.as(restricted).post("/api/v1/providers/{id}/deactivate", id).then().statusCode(403);
        Api.as(restricted).delete("/api/v1/providers/{id}", id).then().statusCode(403);

        Api.as(partnerToken).get("/api/v1/providers").then().statusCode(403).body("code", is("FORBIDDEN"));
        Api.as(partnerToken).get("/api/v1/providers/{id}", id).then().statusCode(403);
        Api.as(partnerToken)
                .body(body("billing", unique("no"), null, null))
                .post("/api/v1/providers")
                .then()
                .statusCode(403);

        JsonPath page = Api.asAdmin()
                .queryParam("limit", 1)
                .get("/api/v1/providers")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items")).hasSize(1);
    }
}
