package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The directory page of the users (ADMIN and RESTRICTED_ADMIN) against an in-memory LDAP directory of the active
 * provider: search, the bounded list, pre-provisioning with a role and a company, the RESTRICTED_ADMIN's limits, the
 * other roles refused, a missing or down directory said on the page. Every test removes its provider row.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class DirectoryPagesTest {

    static final String BASE_DN = "dc=directory-pages,dc=example";
    static InMemoryDirectoryServer directory;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    UUID providerRow;

    @BeforeAll
    static void startDirectory() throws Exception {
        directory = TestLdap.directory(BASE_DN);
        for (int i = 1; i <= 27; i++) {
            String uid = String.format("clerk%02d", i);
            directory.add(
                    "dn: uid=" + uid + "," + BASE_DN,
                    "objectClass: inetOrgPerson",
                    "uid: " + uid,
                    "cn: Clerk Number " + i,
                    "sn: Clerk",
                    "mail: " + uid + "@pages.example");
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
            TestProviders.delete(dataSource, java.util.List.of(providerRow));
            providerRow = null;
        }
    }

    void activateLdap(int port) {
        providerRow = TestLdap.activate(dataSource, "pages_ldap", "ldap://127.0.0.1:" + port, BASE_DN, "{}");
    }

    private ConsoleBrowser browser(Role role) {
        return new ConsoleBrowser("en")
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(dataSource, hasher, role, null, null), ConsoleUsers.PASSWORD);
    }

    @Test
    void anAdminFindsPeople_seesTheLimitSaid_andProvisionsOneApprovedWithARoleAndCompany() {
        activateLdap(directory.getListenPort());
        UUID partner = TestData.partner(
                dataSource, "Directory partner " + UUID.randomUUID().toString().substring(0, 8));
        ConsoleBrowser admin = browser(Role.ADMIN);
        assertThat(admin.page("/ui/users").select("#directory-link")).hasSize(1);

        Document many = admin.page("/ui/users/directory?q=clerk");
        assertThat(many.select("#people tbody tr")).hasSize(25);
        assertThat(many.select("#truncated").text()).contains("25");
        assertThat(many.select("#people caption").text()).contains("pages_ldap");

        Document one = admin.page("/ui/users/directory?q=Number 21");
        assertThat(one.select("#truncated")).isEmpty();
        assertThat(one.select("#people tbody tr")).hasSize(1);
        assertThat(one.select("#role-0 option").eachAttr("value")).contains("admin", "partner");
        String providerId = one.select("#provision-0 input[name=provider_id]").attr("value");

        Response provisioned = admin.post(
                "/ui/users/directory/provision",
                Map.of(
                        "provider_id",
                        providerId,
                        "role",
                        "partner",
                        "partner_id",
                        partner.toString(),
                        "distributor_id",
                        "",
                        "q",
                        "Number 21"));
        assertThat(provisioned.statusCode()).isEqualTo(303);
        assertThat(TestData.text(
                        dataSource,
                        "SELECT provider || ' ' || username || ' ' || email || ' ' || is_enabled"
                                + " || ' ' || role::text || ' ' || partner_id FROM users WHERE provider_id = ?",
                        providerId))
                .isEqualTo("pages_ldap clerk21 clerk21@pages.example true PARTNER " + partner);

        Document after = admin.pageAsIs(provisioned.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(after.select("#provisioned").text()).contains("clerk21@pages.example");
        assertThat(after.select("#person-0 .badge").text()).isEqualTo("Already a user");
        assertThat(after.select("#provision-0")).isEmpty();

        Response again = admin.post(
                "/ui/users/directory/provision", Map.of("provider_id", providerId, "role", "fulfiller", "q", "x"));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void aRestrictedAdminIsNotOfferedAdmin_andOtherRolesAreRefused_byPageAndByHand() {
        activateLdap(directory.getListenPort());
        ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN);
        Document page = restricted.page("/ui/users/directory?q=clerk05");
        assertThat(page.select("#role-0 option").eachAttr("value"))
                .doesNotContain("admin")
                .contains("partner");
        String providerId = page.select("#provision-0 input[name=provider_id]").attr("value");

        Response byHand =
                restricted.post("/ui/users/directory/provision", Map.of("provider_id", providerId, "role", "admin"));
        assertThat(byHand.statusCode()).isEqualTo(403);
        assertThat(TestData.count(dataSource, "SELECT count(*) FROM users WHERE provider_id = ?", providerId))
                .isZero();

        for (Role role : new Role[] {Role.FULFILLER, Role.PARTNER}) {
            ConsoleBrowser someone = role == Role.PARTNER
                    ? new ConsoleBrowser("en")
                            .from(Api.freshAddress())
                            .signIn(
                                    ConsoleUsers.create(
                                            dataSource,
                                            hasher,
                                            role,
                                            TestData.partner(dataSource, "Dir p " + UUID.randomUUID()),
                                            null),
                                    ConsoleUsers.PASSWORD)
                    : browser(role);
            assertThat(someone.page("/ui").select("a[href=/ui/users/directory]"))
                    .isEmpty();
            assertThat(someone.get("/ui/users/directory?q=clerk").statusCode()).isEqualTo(403);
            assertThat(someone.post(
                                    "/ui/users/directory/provision",
                                    Map.of("provider_id", providerId, "role", "fulfiller"))
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(TestData.count(dataSource, "SELECT count(*) FROM users WHERE provider_id = ?", providerId))
                .isZero();
    }

    @Test
    void aShortSearchIsAFieldError_andAMissingOrDownDirectoryIsSaidOnThePage() throws Exception {
        ConsoleBrowser admin = browser(Role.ADMIN);
        Response none = admin.get("/ui/users/directory?q=clerk");
        assertThat(none.statusCode()).isEqualTo(409);
        assertThat(admin.parse(none).select("#problem").text()).contains("LDAP");

        activateLdap(directory.getListenPort());
        Response shortText = admin.get("/ui/users/directory?q=c");
        assertThat(shortText.statusCode()).isEqualTo(400);
        assertThat(admin.parse(shortText).select("#q-error").text()).isNotBlank();
        assertThat(admin.page("/ui/users/directory?q=*)(uid=*")
                        .select("#people tbody tr")
                        .text())
                .isEqualTo("Nobody in the directory matches.");
        removeProvider();

        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        activateLdap(closed);
        Response down = admin.get("/ui/users/directory?q=clerk");
        assertThat(down.statusCode()).isEqualTo(503);
        Document downPage = admin.parse(down);
        assertThat(downPage.select("#problem").text()).isNotBlank();
        assertThat(downPage.select("form[role=search] #q").attr("value")).isEqualTo("clerk");
    }
}
