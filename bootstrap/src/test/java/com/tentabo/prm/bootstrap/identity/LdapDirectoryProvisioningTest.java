package com.tentabo.prm.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestLdap;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.tentabo.prm.domain.access.Role;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Directory search and pre-provisioning through the API, against an in-memory LDAP directory of the active provider.
 * Every test removes its provider row: other tests expect no active provider.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class LdapDirectoryProvisioningTest {

    static final String BASE_DN = "dc=ldap-provision,dc=example";
    static final String PROVIDER = "corp_ldap";
    static InMemoryDirectoryServer directory;

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    UUID providerRow;

    @BeforeAll
    static void startDirectory() throws Exception {
        directory = TestLdap.directory(BASE_DN);
        directory.add("dn: ou=people," + BASE_DN, "objectClass: top", "objectClass: organizationalUnit", "ou: people");
        directory.add(
                "dn: cn=prm," + BASE_DN,
                "objectClass: person",
                "cn: prm",
                "sn: Service",
                "userPassword: service-secret");
        for (int i = 1; i <= 30; i++) {
            String uid = String.format("seller%02d", i);
            directory.add(
                    "dn: uid=" + uid + ",ou=people," + BASE_DN,
                    "objectClass: inetOrgPerson",
                    "uid: " + uid,
                    "cn: Seller " + i,
                    "sn: Seller",
                    "mail: " + uid + "@provision.example",
                    "userPassword: " + uid + "-password");
        }
        directory.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @AfterEach
    void removeProvider() {
        if (providerRow != null) {
            TestProviders.delete(ds, java.util.List.of(providerRow));
            providerRow = null;
        }
    }

    void activateLdap(int port) {
        providerRow = TestLdap.activate(
                ds,
                PROVIDER,
                "ldap://127.0.0.1:" + port,
                BASE_DN,
                "{\"bind_dn\": \"cn=prm," + BASE_DN + "\", \"bind_password\": \"service-secret\"}");
    }

    static String uuidOf(String uid) throws Exception {
        return directory
                .getEntry("uid=" + uid + ",ou=people," + BASE_DN, "entryUUID")
                .getAttributeValue("entryUUID");
    }

    @Test
    void search_showsAtMost25_saysTruncated_andEscapesHostileText() {
        activateLdap(directory.getListenPort());

        Api.asAdmin()
                .get("/api/v1/users/directory?q=seller")
                .then()
                .statusCode(200)
                .body("provider", is(PROVIDER))
                .body("items", hasSize(25))
                .body("truncated", is(true))
                .body("items.username", everyItem(startsWith("seller")));
        Api.asAdmin()
                .get("/api/v1/users/directory?q=Seller 7")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].email", is("seller07@provision.example"))
                .body("truncated", is(false));
        Api.asAdmin()
                .queryParam("q", "*)(uid=*")
                .get("/api/v1/users/directory")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        Api.asAdmin()
                .get("/api/v1/users/directory?q=s")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("q"));
        Api.asAdmin()
                .queryParam("q", "x".repeat(101))
                .get("/api/v1/users/directory")
                .then()
                .statusCode(400);
    }

    @Test
    void provisionedPerson_signsInAtOnce_approved_withTheRoleAndCompanyGiven() throws Exception {
        activateLdap(directory.getListenPort());
        UUID partner = TestData.partner(ds, "Ldap provisioned " + UUID.randomUUID());
        String uuid = uuidOf("seller11");

        String userId = Api.asAdmin()
                .body(Map.of(
                        "provider_id",
                        uuid,
                        "role",
                        "partner",
                        "partner_id",
                        partner.toString(),
                        "distributor_id",
                        UUID.randomUUID().toString()))
                .post("/api/v1/users/provision")
                .then()
                .statusCode(201)
                .body("provider", is(PROVIDER))
                .body("username", is("seller11"))
                .body("email", is("seller11@provision.example"))
                .body("full_name", is("Seller 11"))
                .body("role", is("partner"))
                .body("partner_id", is(partner.toString()))
                .body("distributor_id", nullValue())
                .body("status", is("enabled"))
                .extract()
                .path("id");

        Api.asAdmin()
                .get("/api/v1/users/directory?q=seller11")
                .then()
                .statusCode(200)
                .body("items[0].user_id", is(userId));
        assertThat(TestData.text(
                        ds,
                        "SELECT changes -> 'source' ->> 'after' FROM audit_logs WHERE entity_id = ?::uuid"
                                + " AND action = 'user.created'",
                        userId))
                .isEqualTo("directory");

        // the first sign-in finds the approved user: no pending approval
        Api.from(Api.freshAddress())
                .body(Map.of("username", "seller11", "password", "seller11-password"))
                .post("/api/v1/auth/login")
                .then()
                .statusCode(200);
        assertThat(TestData.count(ds, "SELECT count(*) FROM users WHERE provider_id = ?", uuid))
                .isEqualTo(1);

        Api.asAdmin()
                .body(Map.of("provider_id", uuid, "role", "fulfiller"))
                .post("/api/v1/users/provision")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("DUPLICATE_VALUE"));
    }

    @Test
    void restrictedAdmin_provisionsButNeverAnAdmin_andAnUnknownIdIs404() throws Exception {
        activateLdap(directory.getListenPort());
        String token = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));

        Api.as(token)
                .body(Map.of("provider_id", uuidOf("seller12"), "role", "admin"))
                .post("/api/v1/users/provision")
                .then()
                .statusCode(403)
                .body("code", is("FORBIDDEN"));
        assertThat(TestData.count(ds, "SELECT count(*) FROM users WHERE provider_id = ?", uuidOf("seller12")))
                .isZero();
        Api.as(token)
                .body(Map.of("provider_id", uuidOf("seller12"), "role", "fulfiller"))
                .post("/api/v1/users/provision")
                .then()
                .statusCode(201)
                .body("role", is("fulfiller"))
                .body("id", notNullValue());
        Api.as(token)
                .body(Map.of("provider_id", "*", "role", "fulfiller"))
                .post("/api/v1/users/provision")
                .then()
                .statusCode(404)
                .body("code", is("DIRECTORY_ENTRY_NOT_FOUND"));
        // a partner user is refused before the directory is asked
        String partnerToken = TestData.tokenFor(
                tokens, TestData.user(ds, Role.PARTNER, TestData.partner(ds, "Ldap p " + UUID.randomUUID()), null));
        Api.as(partnerToken).get("/api/v1/users/directory?q=seller").then().statusCode(403);
    }

    @Test
    void unreachableDirectory_is503RetryLater_andNoLdapProviderIs409() throws Exception {
        Api.asAdmin()
                .get("/api/v1/users/directory?q=seller")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("DIRECTORY_NOT_CONFIGURED"));
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        activateLdap(closed);

        Api.asAdmin()
                .get("/api/v1/users/directory?q=seller")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", is("SERVICE_UNAVAILABLE"));
        Api.asAdmin()
                .body(Map.of("provider_id", "x", "role", "fulfiller"))
                .post("/api/v1/users/provision")
                .then()
                .statusCode(503)
                .body("code", is("SERVICE_UNAVAILABLE"));
    }
}
