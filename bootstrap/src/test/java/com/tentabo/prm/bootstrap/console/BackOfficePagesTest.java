package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The back office over the real database. The fulfilment queue: a fulfiller starts and finishes the oldest sent order
 * and activates its contract from the order's page. Approvals: an admin gives a waiting person a role and a company
 * and enables it; a restricted admin cannot grant ADMIN. Roles without the capability see neither the entry nor the
 * buttons, and what they post by hand is refused and changes nothing.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BackOfficePagesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private ConsoleBrowser browser(Role role, UUID partner) {
        return new ConsoleBrowser("en")
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(dataSource, hasher, role, partner, null), ConsoleUsers.PASSWORD);
    }

    /** An order of the partner placed and sent through its console; returns its id. */
    static String sentOrder(ConsoleBrowser partnerBrowser, String[] catalog, String quantity) {
        partnerBrowser.page("/ui/quote");
        Response placed = partnerBrowser.post(
                "/ui/quote/order", Map.of("product", catalog[0], "duration", catalog[1], "quantity", quantity));
        String orderId = placed.header("Location").replaceAll(".*/orders/([^?]+).*", "$1");
        Document order = partnerBrowser.page("/ui/orders/" + orderId);
        Response sent = partnerBrowser.post(
                "/ui/orders/" + orderId + "/send",
                Map.of(
                        "version",
                        order.select("form[action$=/send] input[name=version]").attr("value")));
        assertThat(sent.statusCode()).isEqualTo(303);
        return orderId;
    }

    @Test
    void aFulfillerWorksTheQueueOldestFirstAndActivatesTheContract() {
        UUID partner = TestData.partner(dataSource, unique("Queue partner"));
        String[] catalog = ConsoleUsers.catalog(dataSource, unique("Queue storage"));
        ConsoleBrowser partnerBrowser = browser(Role.PARTNER, partner);
        String older = sentOrder(partnerBrowser, catalog, "3");
        String newer = sentOrder(partnerBrowser, catalog, "4");
        ConsoleBrowser fulfiller = browser(Role.FULFILLER, null);

        Document queue = fulfiller.page("/ui/fulfilment?partner=" + partner);
        assertThat(queue.select("nav a[href=/ui/fulfilment]")).hasSize(1);
        List<String> rows = queue.select("#queue tbody tr[id]").eachAttr("id");
        assertThat(rows).containsExactly("queue-" + older, "queue-" + newer);

        Response started = fulfiller.post(
                "/ui/fulfilment/" + older + "/start",
                Map.of(
                        "version",
                        queue.select("form[action=/ui/fulfilment/" + older + "/start] input[name=version]")
                                .attr("value")));
        assertThat(started.statusCode()).isEqualTo(303);
        queue = fulfiller.pageAsIs(started.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(queue.select("[role=status]").text()).contains("started");
        assertThat(queue.select("#queue-" + older + " form[action$=/finish]")).hasSize(1);
        assertThat(queue.select("#queue-" + newer + " form[action$=/start]")).hasSize(1);

        Response finished = fulfiller.post(
                "/ui/fulfilment/" + older + "/finish",
                Map.of(
                        "version",
                        queue.select("form[action=/ui/fulfilment/" + older + "/finish] input[name=version]")
                                .attr("value")));
        assertThat(finished.statusCode()).isEqualTo(303);
        assertThat(finished.header("Location")).endsWith("/ui/orders/" + older);
        Document order = fulfiller.page("/ui/orders/" + older);
        assertThat(order.select("#order-status").text()).isEqualTo("Fulfilled");
        assertThat(order.select("#activate-contract")).hasSize(1);
        assertThat(fulfiller
                        .page("/ui/fulfilment?partner=" + partner)
                        .select("#queue tbody tr[id]")
                        .eachAttr("id"))
                .containsExactly("queue-" + newer);

        Response activated =
                fulfiller.post("/ui/orders/" + older + "/contract", Map.of("activation_date", "2026-12-01"));
        assertThat(activated.statusCode()).isEqualTo(303);
        String contractId = activated.header("Location").replaceAll(".*/contracts/", "");
        assertThat(TestData.text(
                        dataSource,
                        "SELECT to_char(activation_date AT TIME ZONE 'UTC', 'YYYY-MM-DD') "
                                + "FROM contracts WHERE id = '" + UUID.fromString(contractId) + "'"))
                .isEqualTo("2026-12-01");
        order = fulfiller.page("/ui/orders/" + older);
        assertThat(order.select("#activate-contract")).isEmpty();
        assertThat(order.select("#order-contract a").attr("href")).isEqualTo("/ui/contracts/" + contractId);
        // the partner sees its contract from its order, and no staff button
        Document partnerView = partnerBrowser.page("/ui/orders/" + older);
        assertThat(partnerView.select("#order-contract a").attr("href")).isEqualTo("/ui/contracts/" + contractId);
        assertThat(partnerView.select("#activate-contract, #start-fulfilment, #finish-fulfilment"))
                .isEmpty();
    }

    @Test
    void rolesWithoutFulfilmentSeeNoQueueAndAMovePostedByHandChangesNothing() {
        UUID partner = TestData.partner(dataSource, unique("No queue partner"));
        String[] catalog = ConsoleUsers.catalog(dataSource, unique("No queue storage"));
        ConsoleBrowser partnerBrowser = browser(Role.PARTNER, partner);
        String orderId = sentOrder(partnerBrowser, catalog, "2");
        ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN, null);

        for (ConsoleBrowser someone : List.of(partnerBrowser, restricted)) {
            Document home = someone.page("/ui");
            assertThat(home.select("nav a[href=/ui/fulfilment]")).isEmpty();
            Response queue = someone.get("/ui/fulfilment");
            assertThat(queue.statusCode()).isEqualTo(403);
            assertThat(someone.parse(queue).select("[role=alert]").text()).isNotBlank();
            assertThat(queue.asString()).doesNotContain("Exception");
            // both may read the order, so the refusal is the role's (403), not the scope's (404)
            Response start = someone.post("/ui/fulfilment/" + orderId + "/start", Map.of());
            assertThat(start.statusCode()).isEqualTo(403);
            Response activate = someone.post("/ui/orders/" + orderId + "/contract", Map.of());
            assertThat(activate.statusCode()).isEqualTo(403);
        }
        assertThat(TestData.text(
                        dataSource, "SELECT status::text FROM orders WHERE id = '" + UUID.fromString(orderId) + "'"))
                .isEqualTo("SENT");
        assertThat(restricted.page("/ui/orders/" + orderId).select("#start-fulfilment, #activate-contract"))
                .isEmpty();
    }

    /** A user who signed in once through a directory and waits: disabled, never enabled, no role decided yet. */
    private UUID pendingUser(String name) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                dataSource,
                "INSERT INTO users (id, provider, provider_id, email, username, full_name, role, is_enabled) "
                        + "VALUES (?, 'ldap', ?, ?, ?, ?, 'PARTNER'::userrole, false)",
                id,
                "uid=" + id,
                id + "@pending.example",
                "pending-" + id.toString().substring(0, 8),
                name);
        return id;
    }

    @Test
    void anAdminApprovesAWaitingPersonWithARoleAndCompany_andARestrictedAdminCannotGrantAdmin() {
        UUID partner = TestData.partner(dataSource, unique("Approved partner"));
        String name = unique("Waiting Person");
        UUID waiting = pendingUser(name);
        ConsoleBrowser admin = browser(Role.ADMIN, null);

        Document page = admin.page("/ui/approvals");
        assertThat(page.select("nav a[href=/ui/approvals]")).hasSize(1);
        assertThat(page.select("#user-" + waiting + " h2").text())
                .contains(name)
                .contains("waiting");
        assertThat(page.select("#role-" + waiting + " option").eachAttr("value"))
                .contains("admin", "partner");
        assertThat(page.select("#partner-" + waiting + " option[value=" + partner + "]"))
                .hasSize(1);
        String version =
                page.select("#user-" + waiting + " input[name=version]").attr("value");

        Response approved = admin.post(
                "/ui/approvals/" + waiting,
                Map.of("version", version, "role", "partner", "partner_id", partner.toString(), "distributor_id", ""));
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(TestData.text(
                        dataSource,
                        "SELECT is_enabled || ' ' || role::text || ' ' || partner_id FROM users WHERE id = ?",
                        waiting))
                .isEqualTo("true PARTNER " + partner);
        Document after = admin.pageAsIs(approved.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(after.select("[role=status]").text()).contains(name);
        assertThat(after.select("#user-" + waiting)).isEmpty();
        // the same form again (its version is stale now) changes nothing
        Response stale = admin.post("/ui/approvals/" + waiting, Map.of("version", version, "role", "fulfiller"));
        assertThat(stale.statusCode()).isEqualTo(409); // the console answers a stale form as a conflict
        assertThat(TestData.text(dataSource, "SELECT role::text FROM users WHERE id = ?", waiting))
                .isEqualTo("PARTNER");
        // disabled later, the person waits again with its partner already chosen
        TestData.exec(dataSource, "UPDATE users SET is_enabled = false WHERE id = ?", waiting);
        Document again = admin.page("/ui/approvals");
        assertThat(again.select("#partner-" + waiting + " option[selected]").eachAttr("value"))
                .containsExactly(partner.toString());

        UUID other = pendingUser(unique("Ambitious Person"));
        ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN, null);
        Document offered = restricted.page("/ui/approvals");
        assertThat(offered.select("#role-" + other + " option").eachAttr("value"))
                .doesNotContain("admin")
                .contains("partner");
        Response byHand = restricted.post(
                "/ui/approvals/" + other,
                Map.of(
                        "version",
                        offered.select("#user-" + other + " input[name=version]")
                                .attr("value"),
                        "role",
                        "admin"));
        assertThat(byHand.statusCode()).isEqualTo(403);
        assertThat(TestData.text(dataSource, "SELECT is_enabled || ' ' || role::text FROM users WHERE id = ?", other))
                .isEqualTo("false PARTNER");

        ConsoleBrowser fulfiller = browser(Role.FULFILLER, null);
        assertThat(fulfiller.page("/ui").select("nav a[href=/ui/approvals]")).isEmpty();
        assertThat(fulfiller.get("/ui/approvals").statusCode()).isEqualTo(403);
    }
}
