package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestProviders;
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
 * The back office's operations pages over the real database, per role: an ADMIN renews, upgrades and closes a contract
 * (each with its reason), configures a provider (credentials never shown back), requeues an outbox event and reads the
 * audit trail; a RESTRICTED_ADMIN reads providers and the audit trail without a single action button; a FULFILLER and
 * partners see neither. Every action posted by hand by a role that may not take it is exactly 403 and changes
 * nothing; an id out of scope is 404.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BackOfficeOpsPagesTest {

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

    private static String location(Response r) {
        return r.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    /** An ACTIVE contract of the partner (60 units, 12 months), from an order placed in its console. */
    private String contract(ConsoleBrowser partnerBrowser, ConsoleBrowser admin, String[] catalog) {
        String orderId = BackOfficePagesTest.sentOrder(partnerBrowser, catalog, "60");
        TestData.exec(
                dataSource,
                "UPDATE orders SET status = 'FULFILLED'::orderstatus WHERE id = ?",
                UUID.fromString(orderId));
        Response activated = admin.post("/ui/orders/" + orderId + "/contract", Map.of("activation_date", "2026-11-01"));
        assertThat(activated.statusCode()).isEqualTo(303);
        return location(activated).replaceAll(".*/contracts/", "");
    }

    @Test
    void staffListsFilterOrdersByCreationDayAndContractsByStartAndEndDay_keepingTheDaysInPagingLinks() {
        UUID partner = TestData.partner(dataSource, unique("Dated partner"));
        String[] catalog = ConsoleUsers.catalog(dataSource, unique("Dated storage"));
        ConsoleBrowser partnerBrowser = browser(Role.PARTNER, partner);
        ConsoleBrowser admin = browser(Role.ADMIN, null);
        String contractId = contract(partnerBrowser, admin, catalog);
        String early = BackOfficePagesTest.sentOrder(partnerBrowser, catalog, "5");
        String late = BackOfficePagesTest.sentOrder(partnerBrowser, catalog, "6");
        TestData.exec(
                dataSource,
                "UPDATE orders SET created_at = '2025-03-31T23:59:59Z' WHERE id = ?",
                UUID.fromString(early));
        TestData.exec(
                dataSource,
                "UPDATE orders SET created_at = '2025-04-01T00:00:00Z' WHERE id = ?",
                UUID.fromString(late));

        Document march = admin.page("/ui/orders?partner=" + partner + "&created_from=2025-03-01&created_to=2025-03-31");
        assertThat(march.select("tbody a[href^=/ui/orders/]"))
                .extracting(a -> a.attr("href"))
                .containsExactly("/ui/orders/" + early);
        assertThat(march.select("#created_from").attr("value")).isEqualTo("2025-03-01");
        assertThat(march.select("#created_to").attr("value")).isEqualTo("2025-03-31");
        assertThat(admin.page("/ui/orders?partner=" + partner + "&created_from=2025-04-01&created_to=2025-04-01")
                        .select("tbody a[href^=/ui/orders/]"))
                .extracting(a -> a.attr("href"))
                .containsExactly("/ui/orders/" + late);
        // a later page keeps the days in its link back to the first one
        String cursor = com.tentabo.prm.application.shared.Cursor.after(
                java.time.Instant.parse("2030-01-01T00:00:00Z"), UUID.randomUUID());
        Document paged = admin.page("/ui/orders?created_from=2025-03-01&created_to=2025-03-31&cursor="
                + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(paged.select("a:not([rel=next])[href^=/ui/orders?]").attr("href"))
                .contains("created_from=2025-03-01")
                .contains("created_to=2025-03-31");

        // a day that is not one and a range upside down: readable refusals naming the field
        Response notADay = admin.get("/ui/orders?created_from=2025-02-30");
        assertThat(notADay.statusCode()).isEqualTo(400);
        assertThat(admin.parse(notADay).select("main").text()).contains("created_from");
        Response upsideDown = admin.get("/ui/orders?created_from=2025-04-02&created_to=2025-04-01");
        assertThat(upsideDown.statusCode()).isEqualTo(400);
        assertThat(admin.parse(upsideDown).select("main").text())
                .contains("created_to")
                .contains("created_from");

        // the contract started on 2026-11-01 and ends on 2027-11-01
        String link = "tbody a[href=/ui/contracts/" + contractId + "]";
        String mine = "/ui/contracts?partner=" + partner;
        assertThat(admin.page(mine + "&activated_from=2026-11-01&activated_to=2026-11-01")
                        .select(link))
                .hasSize(1);
        assertThat(admin.page(mine + "&activated_from=2026-11-02").select(link)).isEmpty();
        assertThat(admin.page(mine + "&expires_from=2027-11-01&expires_to=2027-11-30")
                        .select(link))
                .hasSize(1);
        Document before = admin.page(mine + "&expires_to=2027-10-31");
        assertThat(before.select(link)).isEmpty();
        assertThat(before.select("#expires_to").attr("value")).isEqualTo("2027-10-31");
        assertThat(partnerBrowser.page("/ui/contracts?expires_from=2027-11-01").select(link))
                .hasSize(1);
        Response badEnd = admin.get("/ui/contracts?expires_from=2027-11-02&expires_to=2027-11-01");
        assertThat(badEnd.statusCode()).isEqualTo(400);
        assertThat(admin.parse(badEnd).select("main").text()).contains("expires_to");
        assertThat(admin.get("/ui/contracts?activated_to=soon").statusCode()).isEqualTo(400);
    }

    @Test
    void anAdminRenewsUpgradesAndClosesAContract_eachWithItsReason_andOthersAreRefused() {
        UUID partner = TestData.partner(dataSource, unique("Lifecycle partner"));
        String[] catalog = ConsoleUsers.catalog(dataSource, unique("Lifecycle storage"));
        ConsoleBrowser partnerBrowser = browser(Role.PARTNER, partner);
        ConsoleBrowser admin = browser(Role.ADMIN, null);
        String contractId = contract(partnerBrowser, admin, catalog);
        UUID contract = UUID.fromString(contractId);

        Document page = admin.page("/ui/contracts/" + contractId);
        assertThat(page.select("#renew-form, #change-form, #end-form")).hasSize(3);
        assertThat(page.select("#change-form input[type=number]").attr("value")).isEqualTo("60");

        // a reason is required: a readable refusal, nothing created
        Response noReason = admin.post("/ui/ops/contracts/" + contractId + "/renew", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(admin.parse(noReason).select("main").text()).contains("reason");
        assertThat(TestData.count(dataSource, "SELECT count(*) FROM orders WHERE replaces_contract_id = ?", contract))
                .isZero();

        Response renewed = admin.post(
                "/ui/ops/contracts/" + contractId + "/renew", Map.of("reason", "Customer asked for another year"));
        assertThat(renewed.statusCode()).isEqualTo(303);
        String renewal = location(renewed).replaceAll(".*/orders/", "");
        assertThat(TestData.text(dataSource, "SELECT kind::text FROM orders WHERE id = ?", UUID.fromString(renewal)))
                .isEqualTo("RENEWAL");

        String quantityField = page.select("#change-form input[type=number]").attr("name");
        Response upgraded = admin.post(
                "/ui/ops/contracts/" + contractId + "/change",
                Map.of("kind", "upgrade", quantityField, "80", "reason", "Grew to 80 TB"));
        assertThat(upgraded.statusCode()).isEqualTo(303);
        UUID upgrade = UUID.fromString(location(upgraded).replaceAll(".*/orders/", ""));
        assertThat(TestData.text(
                        dataSource,
                        "SELECT o.kind::text || ' ' || i.quantity FROM orders o JOIN order_items i "
                                + "ON i.order_id = o.id WHERE o.id = ?",
                        upgrade))
                .isEqualTo("UPGRADE 80");

        // an upgrade may add another product of the catalog, with its duration and quantity
        String[] extra = ConsoleUsers.catalog(dataSource, unique("Lifecycle backup"));
        assertThat(admin.page("/ui/contracts/" + contractId)
                        .select("#change-add select[name=add_product] option[value]"))
                .hasSizeGreaterThan(1);
        Response widened = admin.post(
                "/ui/ops/contracts/" + contractId + "/change",
                Map.of(
                        "kind",
                        "upgrade",
                        quantityField,
                        "60",
                        "add_product",
                        extra[0],
                        "add_duration",
                        extra[1],
                        "add_quantity",
                        "5",
                        "reason",
                        "Added backups"));
        assertThat(widened.statusCode()).isEqualTo(303);
        UUID widenedOrder = UUID.fromString(location(widened).replaceAll(".*/orders/", ""));
        assertThat(TestData.count(dataSource, "SELECT count(*) FROM order_items WHERE order_id = ?", widenedOrder))
                .isEqualTo(2);
        assertThat(TestData.text(
                        dataSource,
                        "SELECT quantity::text FROM order_items WHERE order_id = ? AND product_id = ?",
                        widenedOrder,
                        UUID.fromString(extra[0])))
                .isEqualTo("5");
        Response noQuantity = admin.post(
                "/ui/ops/contracts/" + contractId + "/change",
                Map.of(
                        "kind",
                        "upgrade",
                        quantityField,
                        "60",
                        "add_product",
                        extra[0],
                        "add_duration",
                        extra[1],
                        "reason",
                        "Forgot the quantity"));
        assertThat(noQuantity.statusCode()).isEqualTo(400);
        assertThat(admin.parse(noQuantity).select("main").text()).contains("add_quantity");

        // roles that may read the contract but not change it: exactly 403, and no action shown
        ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN, null);
        ConsoleBrowser fulfiller = browser(Role.FULFILLER, null);
        for (ConsoleBrowser someone : List.of(partnerBrowser, restricted, fulfiller)) {
            assertThat(someone.page("/ui/contracts/" + contractId).select("#lifecycle"))
                    .isEmpty();
            for (String action : List.of("renew", "change", "end")) {
                assertThat(someone.post(
                                        "/ui/ops/contracts/" + contractId + "/" + action,
                                        Map.of("reason", "by hand", "to", "lost", "kind", "upgrade"))
                                .statusCode())
                        .as(action)
                        .isEqualTo(403);
            }
        }
        // a partner's contract is out of another partner's scope: 404
        ConsoleBrowser stranger = browser(Role.PARTNER, TestData.partner(dataSource, unique("Stranger")));
        assertThat(stranger.post("/ui/ops/contracts/" + contractId + "/end", Map.of("reason", "x", "to", "lost"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.post("/ui/ops/contracts/" + UUID.randomUUID() + "/end", Map.of("reason", "x", "to", "lost"))
                        .statusCode())
                .isEqualTo(404);

        Response lost = admin.post(
                "/ui/ops/contracts/" + contractId + "/end",
                Map.of(
                        "to",
                        "lost",
                        "reason",
                        "Moved to a competitor",
                        "version",
                        page.select("#end-form input[name=version]").attr("value")));
        assertThat(lost.statusCode()).isEqualTo(303);
        assertThat(TestData.text(dataSource, "SELECT status::text FROM contracts WHERE id = ?", contract))
                .isEqualTo("LOST");
        Document after = admin.pageAsIs(location(lost));
        assertThat(after.select("[role=status]").text()).isNotBlank();
        assertThat(after.select("#contract-status").text()).isEqualTo("Lost");
        assertThat(after.select("#notes").text())
                .contains("Customer asked for another year")
                .contains("Grew to 80 TB")
                .contains("Moved to a competitor");
        assertThat(after.select("#renew-form, #change-form, #end-form")).isEmpty();
        // the partner never sees the staff's notes section
        assertThat(partnerBrowser.page("/ui/contracts/" + contractId).select("#notes"))
                .isEmpty();

        // staff lists: status, partner and distributor filters across tenants
        Document lostOnes = admin.page("/ui/contracts?status=lost&partner=" + partner);
        assertThat(lostOnes.select("tbody a[href=/ui/contracts/" + contractId + "]"))
                .hasSize(1);
        assertThat(lostOnes.select("#ops-partner option[value=" + partner + "][selected]"))
                .hasSize(1);
        assertThat(lostOnes.select("#ops-distributor")).hasSize(1);
        assertThat(admin.page("/ui/contracts?status=active&partner=" + partner)
                        .select("tbody a[href=/ui/contracts/" + contractId + "]"))
                .isEmpty();
        assertThat(admin.page("/ui/orders?partner=" + partner).select("tbody a[href=/ui/orders/" + renewal + "]"))
                .hasSize(1);
        assertThat(admin.page("/ui/orders?partner=" + partner + "&distributor=" + UUID.randomUUID())
                        .select("tbody a"))
                .isEmpty();
        assertThat(partnerBrowser.page("/ui/contracts").select("#ops-partner, #ops-distributor"))
                .isEmpty();
        assertThat(admin.get("/ui/contracts?status=shredded").statusCode()).isEqualTo(400);

        // the audit trail shows the change readably, before and after
        Document audit = admin.page("/ui/audit?entity_type=contract&entity_id=" + contractId + "&action=transition");
        assertThat(audit.select("#audit tbody > tr[id]")).hasSize(1);
        assertThat(audit.select("table.changes tr:has(th:contains(status))").text())
                .contains("ACTIVE")
                .contains("LOST");
        assertThat(audit.select("table.changes tr:has(th:contains(reason))").text())
                .contains("Moved to a competitor");
    }

    @Test
    void anAdminConfiguresAProvider_theCredentialIsNeverShownBack_andARestrictedAdminOnlyReads() {
        ConsoleBrowser admin = browser(Role.ADMIN, null);
        String name = "ops-billing-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "tok-" + UUID.randomUUID();
        Document list = admin.page("/ui/providers");
        assertThat(list.select("header nav a[href=/ui/providers], header nav a[href=/ui/audit]"))
                .hasSize(2);
        assertThat(list.select("#new-provider")).hasSize(1);

        Response badJson =
                admin.post("/ui/providers", Map.of("type", "billing", "name", name, "settings", "{not json"));
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(admin.parse(badJson).select("main").text()).contains("settings");

        Response created = admin.post(
                "/ui/providers",
                Map.of(
                        "type",
                        "billing",
                        "name",
                        name,
                        "settings",
                        "{\"base_url\": \"https://billing.example.test/api\", \"timeout_seconds\": 5}",
                        "credential_name",
                        "api_token",
                        "credential_value",
                        secret));
        assertThat(created.statusCode()).isEqualTo(303);
        String id = location(created).replaceAll(".*/providers/([^?]+).*", "$1");
        try {
            Response detail = admin.get("/ui/providers/" + id);
            assertThat(detail.asString()).doesNotContain(secret);
            Document page = admin.parse(detail);
            assertThat(page.select("#credentials-shown").text()).isEqualTo("api_token: set");
            assertThat(page.select("#settings-shown").text())
                    .contains("base_url")
                    .contains("https://billing.example.test/api");
            assertThat(page.select("#edit-provider, #activate, #health-check")).hasSize(3);
            assertThat(page.select("#sync")).isEmpty(); // only an active provider syncs

            // a RESTRICTED_ADMIN reads, but has no button, and what it posts by hand is exactly 403
            ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN, null);
            Document seen = restricted.page("/ui/providers/" + id);
            assertThat(seen.select("#credentials-shown").text()).isEqualTo("api_token: set");
            assertThat(seen.select("form[method=post]:not([action=/ui/sign-out])"))
                    .isEmpty();
            assertThat(restricted.page("/ui/providers").select("#new-provider")).isEmpty();
            for (String path : List.of(
                    "/ui/providers/" + id + "/activate",
                    "/ui/providers/" + id + "/health",
                    "/ui/providers/" + id + "/sync",
                    "/ui/providers/" + id,
                    "/ui/providers",
                    "/ui/providers/outbox/" + UUID.randomUUID() + "/requeue",
                    "/ui/providers/webhooks/" + UUID.randomUUID() + "/requeue")) {
                assertThat(restricted
                                .post(path, Map.of("settings", "{}", "type", "crm", "name", "x"))
                                .statusCode())
                        .as(path)
                        .isEqualTo(403);
            }
            assertThat(TestData.text(dataSource, "SELECT is_active::text FROM provider_configs WHERE id = ?::uuid", id))
                    .isEqualTo("false");

            // the credential is removed by its box, the settings replaced as typed
            Response saved = admin.post(
                    "/ui/providers/" + id,
                    Map.of(
                            "version",
                            page.select("#edit-provider input[name=version]").attr("value"),
                            "settings",
                            "{\"base_url\": \"https://billing.example.test/api\"}",
                            "cred_name_0",
                            "api_token",
                            "cred_remove_0",
                            "1"));
            assertThat(saved.statusCode()).isEqualTo(303);
            Document savedPage = admin.pageAsIs(location(saved));
            assertThat(savedPage.select("#credentials-shown").text()).isEqualTo("not set");
            assertThat(savedPage.select("#settings-shown").text()).doesNotContain("timeout_seconds");
            // the same (now stale) form again is refused, not applied
            assertThat(admin.post(
                                    "/ui/providers/" + id,
                                    Map.of(
                                            "version",
                                            page.select("#edit-provider input[name=version]")
                                                    .attr("value"),
                                            "settings",
                                            "{}"))
                            .statusCode())
                    .isEqualTo(409);
            assertThat(admin.get("/ui/providers/" + UUID.randomUUID()).statusCode())
                    .isEqualTo(404);

            // the audit trail shows the provider's creation, never the credential
            Response audit = admin.get("/ui/audit?entity_type=provider_config&entity_id=" + id);
            assertThat(audit.statusCode()).isEqualTo(200);
            assertThat(audit.asString()).doesNotContain(secret);
            assertThat(admin.parse(audit).select("#audit tbody > tr[id]")).hasSizeGreaterThanOrEqualTo(2);
            assertThat(restricted.page("/ui/audit?entity_id=" + id).select("#audit tbody > tr[id]"))
                    .hasSizeGreaterThanOrEqualTo(2);
        } finally {
            TestProviders.delete(dataSource, List.of(UUID.fromString(id)));
        }
    }

    @Test
    void aFailedOutboxEventIsRequeuedByAnAdmin_andStaffWithoutTheRightSeeNothing() {
        UUID event = UUID.randomUUID();
        String topic = "ops.test." + event.toString().substring(0, 8);
        TestData.exec(
                dataSource,
                "INSERT INTO outbox_events (id, topic, aggregate_type, aggregate_id, payload, status, "
                        + "attempts, last_error) VALUES (?, ?, 'order', ?, '{\"api_key\": \"hidden-value\", \"n\": 1}'::jsonb, "
                        + "'FAILED', 15, 'pennylane answered 500')",
                event,
                topic,
                UUID.randomUUID());
        ConsoleBrowser admin = browser(Role.ADMIN, null);
        Document outbox = admin.page("/ui/providers/outbox?status=failed&topic=" + topic);
        assertThat(outbox.select("#outbox-" + event).text())
                .contains("pennylane answered 500")
                .doesNotContain("hidden-value");
        assertThat(outbox.select("#outbox-" + event + " form[action$=/requeue]"))
                .hasSize(1);

        ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN, null);
        assertThat(restricted.page("/ui/providers/outbox?topic=" + topic).select("#outbox-" + event + " form"))
                .isEmpty();
        assertThat(restricted
                        .post("/ui/providers/outbox/" + event + "/requeue", Map.of())
                        .statusCode())
                .isEqualTo(403);

        Response requeued = admin.post("/ui/providers/outbox/" + event + "/requeue", Map.of());
        assertThat(requeued.statusCode()).isEqualTo(303);
        assertThat(admin.pageAsIs(location(requeued)).select("[role=status]").text())
                .contains(topic);
        assertThat(TestData.count(
                        dataSource,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'requeue'",
                        event))
                .isEqualTo(1);
        assertThat(admin.post("/ui/providers/outbox/" + UUID.randomUUID() + "/requeue", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(admin.get("/ui/providers/outbox?status=lost").statusCode()).isEqualTo(400);
        assertThat(admin.page("/ui/providers/webhooks?status=failed").select("#webhooks"))
                .hasSize(1);
        assertThat(admin.get("/ui/audit?since=yesterday").statusCode()).isEqualTo(400);
        assertThat(admin.get("/ui/audit?since=2026-05-02&until=2026-05-01").statusCode())
                .isEqualTo(400);

        for (Role role : List.of(Role.FULFILLER, Role.PARTNER)) {
            ConsoleBrowser someone =
                    browser(role, role == Role.PARTNER ? TestData.partner(dataSource, unique("No ops partner")) : null);
            Document home = someone.page("/ui");
            assertThat(home.select("header nav a[href=/ui/providers], header nav a[href=/ui/audit]"))
                    .isEmpty();
            for (String path :
                    List.of("/ui/providers", "/ui/providers/outbox", "/ui/providers/webhooks", "/ui/audit")) {
                Response refused = someone.get(path);
                assertThat(refused.statusCode()).as(path).isEqualTo(403);
                assertThat(someone.parse(refused).select("[role=alert]").text()).isNotBlank();
            }
            assertThat(someone.post("/ui/providers/outbox/" + event + "/requeue", Map.of())
                            .statusCode())
                    .isEqualTo(403);
        }
    }
}
