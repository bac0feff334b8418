package com.tentabo.prm.bootstrap.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestDirectoryGateway;
import com.tentabo.prm.bootstrap.support.TestLdap;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in through the LDAP provider configured in {@code provider_configs} (the old system's {@code oxiadmin_ldap}
 * row), against an in-memory directory. Every test removes its provider row: other tests expect no active provider.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class LdapLoginTest {

    static final String BASE_DN = "dc=ldap-login,dc=example";
    static final String PROVIDER = "oxiadmin_ldap";
    static InMemoryDirectoryServer directory;

    @Inject
    AgroalDataSource ds;

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
        for (String uid : new String[] {"carol", "dave"}) {
            directory.add(
                    "dn: uid=" + uid + ",ou=people," + BASE_DN,
                    "objectClass: inetOrgPerson",
                    "uid: " + uid,
                    "cn: " + uid.toUpperCase(Locale.ROOT) + " Ldap",
                    "sn: Ldap",
                    "mail: " + uid + "@ldap.example",
                    "userPassword: " + uid + "-ldap-password");
        }
        directory.startListening();
    }

    @AfterAll
    static void stopDirectory() {
        directory.shutDown(true);
    }

    @AfterEach
    void removeProvider() {
        // other tests expect no active provider of any type
        if (providerRow != null) {
            TestProviders.delete(ds, java.util.List.of(providerRow));
            providerRow = null;
        }
    }

    void activateLdap(String url) {
        // credentials as a plain JSON object: accepted as written by hand or by the old system
        providerRow = TestLdap.activate(
                ds,
                PROVIDER,
                url,
                BASE_DN,
                "{\"bind_dn\": \"cn=prm," + BASE_DN + "\", \"bind_password\": \"service-secret\"}");
    }

    static Response login(String address, String username, String password) {
        return Api.from(address)
                .body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/login");
    }

    @Test
    void firstLoginThroughLdap_createsThePendingUserUnderTheProvidersName_keyedByEntryUuid() throws Exception {
        activateLdap("ldap://127.0.0.1:" + directory.getListenPort());
        String entryUuid = directory
                .getEntry("uid=carol,ou=people," + BASE_DN, "entryUUID")
                .getAttributeValue("entryUUID");

        login(Api.freshAddress(), "carol", "carol-ldap-password")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", is("ACCOUNT_PENDING_APPROVAL"));

        assertThat(TestData.text(
                        ds,
                        "SELECT provider || ' ' || email || ' ' || full_name || ' ' || username || ' '"
                                + " || is_enabled FROM users WHERE provider_id = ?",
                        entryUuid))
                .isEqualTo(PROVIDER + " carol@ldap.example CAROL Ldap carol false");
    }

    @Test
    void wrongLdapPassword_isInvalidCredentials_andCreatesNoUser() {
        activateLdap("ldap://127.0.0.1:" + directory.getListenPort());

        login(Api.freshAddress(), "dave", "not-daves-password")
                .then()
                .statusCode(401)
                .body("code", is("INVALID_CREDENTIALS"));
        // an empty password stops at the REST layer; a blank one reaches the provider, which never binds with it
        login(Api.freshAddress(), "dave", "").then().statusCode(400);
        login(Api.freshAddress(), "dave", "   ").then().statusCode(401).body("code", is("INVALID_CREDENTIALS"));
        assertThat(TestData.count(ds, "SELECT count(*) FROM users WHERE email = 'dave@ldap.example'"))
                .isZero();
    }

    @Test
    void unreachableDirectory_answers503RetryLater_notCountedAsAFailure_whileOtherAccountsStillSignIn()
            throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        activateLdap("ldap://127.0.0.1:" + closed);

        String username = "erin-" + UUID.randomUUID().toString().substring(0, 8);
        login(Api.freshAddress(), username, "erin-ldap-password")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("code", is("SERVICE_UNAVAILABLE"))
                .header("Retry-After", "30");
        assertThat(TestData.count(ds, "SELECT count(*) FROM login_attempts WHERE username = ?", username))
                .isZero();
        login(Api.freshAddress(), Api.ADMIN_USERNAME, Api.ADMIN_PASSWORD).then().statusCode(200);
        // another provider that knows the user still answers: the down directory does not shadow it
        login(Api.freshAddress(), "directory-" + username, TestDirectoryGateway.PASSWORD)
                .then()
                .statusCode(403)
                .body("code", is("ACCOUNT_PENDING_APPROVAL"));
    }
}
