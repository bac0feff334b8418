package com.tentabo.prm.bootstrap.provider;

import static com.tentabo.prm.bootstrap.provider.ProviderConfigApiTest.body;
import static com.tentabo.prm.bootstrap.provider.ProviderConfigApiTest.unique;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials never leave by the front door: changing where a provider's credentials are sent needs them again,
 * and endpoints without TLS are refused unless the configuration says it is a development one.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ProviderEndpointSafetyTest {

    @Inject
    AgroalDataSource ds;

    final List<String> created = new ArrayList<>();

    @AfterEach
    void removeProviders() {
        created.forEach(id -> TestData.exec(ds, "DELETE FROM provider_configs WHERE id = ?::uuid", id));
        created.clear();
    }

    private String create(Map<String, Object> body) {
        String id = Api.asAdmin()
                .body(body)
                .post("/api/v1/providers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        created.add(id);
        return id;
    }

    @Test
    void givenStoredCredentials_whenBaseUrlChangesWithoutThem_then422_andTheyAreNeverSentThere() {
        Map<String, Object> configuration =
                Map.of("base_url", "https://api.pipedrive.example", "company_domain", "acme");
        String id = create(body("crm", unique("crm"), configuration, Map.of("api_token", "the-stored-token")));

        Map<String, Object> redirected = new HashMap<>(configuration);
        redirected.put("base_url", "https://attacker.example");
        Api.asAdmin()
                .body(Map.of("configuration", redirected))
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", is("CREDENTIALS_REQUIRED"))
                .body("errors.field", hasItem("credentials.api_token"));
        Api.asAdmin()
                .get("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("configuration.base_url", is("https://api.pipedrive.example"));

        // whoever knows the credentials may send them elsewhere
        Api.asAdmin()
                .body(Map.of("configuration", redirected, "credentials", Map.of("api_token", "the-stored-token")))
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200)
                .body("configuration.base_url", is("https://attacker.example"));
        // other keys change freely
        Map<String, Object> renamed = new HashMap<>(redirected);
        renamed.put("company_domain", "acme2");
        Api.asAdmin()
                .body(Map.of("configuration", renamed))
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(200);
    }

    @Test
    void givenEndpointsWithoutTls_thenRefusedUnlessMarkedDevelopment() {
        Api.asAdmin()
                .body(body("crm", unique("crm"), Map.of("base_url", "http://api.pipedrive.example"), null))
                .post("/api/v1/providers")
                .then()
                .statusCode(422)
                .body("code", is("INSECURE_PROVIDER_ENDPOINT"))
                .body("errors.field", hasItem("configuration.base_url"));
        Api.asAdmin()
                .body(body(
                        "auth",
                        unique("corp_ldap"),
                        Map.of("url", "ldap://directory.example", "base_dn", "dc=example,dc=org"),
                        null))
                .post("/api/v1/providers")
                .then()
                .statusCode(422)
                .body("code", is("INSECURE_PROVIDER_ENDPOINT"))
                .body("errors.field", hasItem("configuration.url"));
        Api.asAdmin()
                .body(body(
                        "auth",
                        unique("corp_ldap"),
                        Map.of(
                                "url",
                                "ldaps://directory.example",
                                "base_dn",
                                "dc=example,dc=org",
                                "trust_all_certificates",
                                true),
                        null))
                .post("/api/v1/providers")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("configuration.trust_all_certificates"));
        Api.asAdmin()
                .body(body(
                        "auth",
                        unique("corp_oidc"),
                        Map.of("type", "oidc", "issuer", "http://idp.example", "client_id", "prm"),
                        null))
                .post("/api/v1/providers")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("configuration.issuer"));

        create(body(
                "auth",
                unique("corp_ldap"),
                Map.of("url", "ldap://directory.example", "start_tls", true, "base_dn", "dc=example,dc=org"),
                null));
        create(body("crm", unique("crm"), Map.of("base_url", "http://localhost:8089", "development", true), null));
        String id = create(body("crm", unique("crm"), Map.of("base_url", "https://api.pipedrive.example"), null));
        Api.asAdmin()
                .body(Map.of("configuration", Map.of("base_url", "http://api.pipedrive.example")))
                .patch("/api/v1/providers/{id}", id)
                .then()
                .statusCode(422)
                .body("code", is("INSECURE_PROVIDER_ENDPOINT"));
    }
}
