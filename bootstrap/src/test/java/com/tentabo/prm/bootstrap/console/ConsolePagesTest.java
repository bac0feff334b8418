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
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The console's pages and fragments over the real database: a partner's day (lead, board, quote, order), field errors
 * beside the fields, a distributor's scope, internal notes, readable errors, amounts per language.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsolePagesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    @Inject
    com.tentabo.prm.application.order.port.out.OrderRepository orders;

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private ConsoleBrowser partnerBrowser(String language, UUID partner) {
        return new ConsoleBrowser(language)
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(dataSource, hasher, Role.PARTNER, partner, null), ConsoleUsers.PASSWORD);
    }

    private static String createLead(ConsoleBrowser browser, String title) {
        browser.page("/ui/leads/new");
        Response created = browser.post(
                "/ui/leads",
                Map.of(
                        "title",
                        title,
                        "organization",
                        "Globex",
                        "contact_name",
                        "Hank Scorpio",
                        "contact_email",
                        "hank@globex.example",
                        "value",
                        "12500.50",
                        "currency",
                        "EUR"));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void aPartnerCreatesALeadMovesItToWonQuotesAndPlacesAndSendsTheOrder() {
        UUID partner = TestData.partner(dataSource, unique("Pages partner"));
        String[] catalog = ConsoleUsers.catalog(dataSource, unique("Pages storage"));
        ConsoleBrowser browser = partnerBrowser("en-GB,en;q=0.8", partner);

        // a refused form keeps what was typed and names the fields, from the domain's own rules
        browser.page("/ui/leads/new");
        Response refused = browser.post(
                "/ui/leads",
                Map.of(
                        "title",
                        "Firewall",
                        "organization",
                        "",
                        "contact_name",
                        "Hank",
                        "contact_email",
                        "not-an-address",
                        "value",
                        "12x"));
        assertThat(refused.statusCode()).isEqualTo(422);
        Document form = browser.parse(refused);
        assertThat(form.select("#value-error").text()).isEqualTo("Must be a number.");
        assertThat(form.select("#value").attr("aria-invalid")).isEqualTo("true");
        assertThat(form.select("#title").val()).isEqualTo("Firewall");
        Response domainRefusal = browser.post(
                "/ui/leads",
                Map.of(
                        "title",
                        "Firewall",
                        "organization",
                        "",
                        "contact_name",
                        "Hank",
                        "contact_email",
                        "not-an-address"));
        Document domainForm = browser.parse(domainRefusal);
        assertThat(domainForm.select("#organization-error").text()).isNotBlank();
        assertThat(domainForm.select("#contact_email-error").text()).isEqualTo("Must be an e-mail address.");
        assertThat(domainForm.select("[role=alert]").text()).isEqualTo("Some values are not valid.");

        String title = unique("Firewall renewal");
        String lead = createLead(browser, title);
        Document board = browser.page("/ui/leads/board");
        assertThat(board.select("#lead-" + lead + " select[name=status] option").eachAttr("value"))
                .containsExactly("contacted", "qualified", "proposal", "negotiation", "won", "lost");
        assertThat(board.select("section[data-status=new] #lead-" + lead)).hasSize(1);

        // htmx moves answer the board again, the card in its new column with its new choices
        Response moved = browser.htmxPost(
                "/ui/leads/" + lead + "/status", Map.of("status", "qualified", "back", "/ui/leads/board"));
        assertThat(moved.statusCode()).isEqualTo(200);
        Document afterMove = Jsoup.parse(moved.asString());
        assertThat(afterMove.select("section[data-status=qualified] #lead-" + lead))
                .hasSize(1);
        assertThat(afterMove
                        .select("#lead-" + lead + " select[name=status] option")
                        .eachAttr("value"))
                .containsExactly("proposal", "negotiation", "won", "lost");
        Response illegal = browser.htmxPost(
                "/ui/leads/" + lead + "/status", Map.of("status", "contacted", "back", "/ui/leads/board"));
        assertThat(illegal.header("HX-Retarget")).isEqualTo("#flash");
        assertThat(Jsoup.parse(illegal.asString()).text()).contains("cannot move from qualified to contacted");
        assertThat(browser.post("/ui/leads/" + lead + "/status", Map.of("status", "won", "reason", "signed"))
                        .statusCode())
                .isEqualTo(303);
        Document detail = browser.page("/ui/leads/" + lead);
        assertThat(detail.select("h1 .badge").text()).isEqualTo("Won");
        assertThat(detail.select("ol[aria-labelledby=h-history] li")).hasSize(3);
        assertThat(detail.text()).contains("signed");

        // live pricing: the fragment of the quote use case, formatted for the language
        Document builder = browser.page("/ui/quote?lead=" + lead);
        assertThat(builder.select("input[name=lead]").val()).isEqualTo(lead);
        Map<String, String> lines = Map.of(
                "product",
                catalog[0],
                "duration",
                catalog[1],
                "quantity",
                "60",
                "lead",
                lead,
                "idempotency_key",
                UUID.randomUUID().toString());
        Response priced = browser.htmxPost("/ui/quote/price", lines);
        assertThat(Jsoup.parse(priced.asString()).select("#quote-total").text()).isEqualTo("€9,720.00");
        Response placed = browser.post("/ui/quote/order", lines);
        assertThat(placed.statusCode()).isEqualTo(303);
        String orderPath = placed.header("Location").replaceAll("^https?://[^/]+", "");
        Document order = browser.page(orderPath);
        assertThat(order.select("#order-total").text()).isEqualTo("€9,720.00");
        assertThat(order.select("#order-status").text()).isEqualTo("Created");
        assertThat(order.select("#send-order")).hasSize(1);
        String orderId = orderPath.replaceAll(".*/orders/([^?]+).*", "$1");
        assertThat(TestData.text(dataSource, "SELECT lead_id::text FROM orders WHERE id = ?::uuid", orderId))
                .isEqualTo(lead);

        assertThat(browser.post(
                                "/ui/orders/" + orderId + "/send",
                                Map.of(
                                        "version",
                                        order.select("input[name=version]").val()))
                        .statusCode())
                .isEqualTo(303);
        Document sent = browser.page("/ui/orders/" + orderId);
        assertThat(sent.select("#order-status").text()).isEqualTo("Sent");
        assertThat(sent.select("#send-order")).isEmpty();
        assertThat(sent.select("form[action$=/cancel]"))
                .as("a partner cancels only while created")
                .isEmpty();
        Document list = browser.page("/ui/orders?status=sent");
        assertThat(list.select("a[href=/ui/orders/" + orderId + "]")).hasSize(1);
    }

    @Test
    void amountsAndDatesFollowTheLanguageAndTheBundlesSpeakFrench() {
        UUID partner = TestData.partner(dataSource, unique("Pages partner FR"));
        String[] catalog = ConsoleUsers.catalog(dataSource, unique("Stockage"));
        ConsoleBrowser browser = partnerBrowser("fr-FR,fr;q=0.9,en;q=0.5", partner);
        Document builder = browser.page("/ui/quote");
        assertThat(builder.select("h1").text()).isEqualTo("Devis");
        Response priced = browser.htmxPost(
                "/ui/quote/price", Map.of("product", catalog[0], "duration", catalog[1], "quantity", "60"));
        String total = Jsoup.parse(priced.asString()).select("#quote-total").text();
        assertThat(total.replace('\u202f', ' ').replace('\u00a0', ' ')).isEqualTo("9 720,00 €");
        Response absurd = browser.htmxPost(
                "/ui/quote/price", Map.of("product", catalog[0], "duration", catalog[1], "quantity", "99999999999"));
        assertThat(Jsoup.parse(absurd.asString()).select("[role=alert]").text()).isNotBlank();
    }

    @Test
    void aDistributorSeesItsPartnersLeadsAndNotOthersAndFiltersByPartner() {
        UUID distributor = TestData.distributor(dataSource, unique("Pages distributor"));
        UUID mine = TestData.partner(dataSource, unique("Assigned partner"));
        UUID other = TestData.partner(dataSource, unique("Unassigned partner"));
        TestData.assign(dataSource, distributor, mine, true);
        String mineLead = createLead(partnerBrowser("en", mine), unique("Assigned lead"));
        String otherLead = createLead(partnerBrowser("en", other), unique("Foreign lead"));

        ConsoleBrowser browser = new ConsoleBrowser("en")
                .from(Api.freshAddress())
                .signIn(
                        ConsoleUsers.create(dataSource, hasher, Role.DISTRIBUTOR, null, distributor),
                        ConsoleUsers.PASSWORD);
        Document partners = browser.page("/ui/partners");
        assertThat(partners.select("a[href=/ui/leads?partner=" + mine + "]")).hasSize(1);
        assertThat(partners.text()).doesNotContain("Unassigned partner");
        Document list = browser.page("/ui/leads?partner=" + mine);
        assertThat(list.select("a[href=/ui/leads/" + mineLead + "]")).hasSize(1);
        assertThat(list.select("select#partner option[selected]").val()).isEqualTo(mine.toString());
        Document board = browser.page("/ui/leads/board");
        assertThat(board.select("#lead-" + mineLead)).hasSize(1);
        assertThat(board.select("#lead-" + otherLead)).isEmpty();
        Response foreign = browser.get("/ui/leads/" + otherLead);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(browser.parse(foreign).select("[role=alert]").text())
                .contains("This lead does not exist, or is not yours to see.");
        assertThat(foreign.asString()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void refusalsAreExplainedInTheReadersLanguageByCodeAndConstraint() {
        UUID partner = TestData.partner(dataSource, unique("Pages partner FR"));
        ConsoleBrowser browser = partnerBrowser("fr-FR,fr;q=0.9", partner);
        browser.page("/ui/leads/new");
        Document form = browser.parse(browser.post(
                "/ui/leads",
                Map.of(
                        "title",
                        "x".repeat(300),
                        "organization",
                        "",
                        "contact_name",
                        "Hank",
                        "contact_email",
                        "pas-une-adresse",
                        "value",
                        "12x")));
        assertThat(form.select("#value-error").text()).isEqualTo("Doit être un nombre.");
        Document domainForm = browser.parse(browser.post(
                "/ui/leads",
                Map.of(
                        "title",
                        "x".repeat(300),
                        "organization",
                        "",
                        "contact_name",
                        "Hank",
                        "contact_email",
                        "pas-une-adresse")));
        assertThat(domainForm.select("#contact_email-error").text()).isEqualTo("Doit être une adresse e-mail.");
        assertThat(domainForm.select("#title-error").text()).isEqualTo("255 caractères au plus.");
        assertThat(domainForm.select("#organization-error").text()).startsWith("Ce champ");
        assertThat(domainForm.select("[role=alert]").text()).isEqualTo("Certaines valeurs ne sont pas valides.");
        Response unknown = browser.get("/ui/orders/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(browser.parse(unknown).select("[role=alert]").text())
                .isEqualTo("Cette commande n'existe pas, ou vous n'y avez pas accès.");
    }

    @Test
    void internalOrderNotesAreNeverShownToThePartner() {
        UUID partner = TestData.partner(dataSource, unique("Notes partner"));
        String[] catalog = ConsoleUsers.catalog(dataSource, unique("Notes storage"));
        ConsoleBrowser browser = partnerBrowser("en", partner);
        browser.page("/ui/quote");
        Response placed =
                browser.post("/ui/quote/order", Map.of("product", catalog[0], "duration", catalog[1], "quantity", "3"));
        String orderId = placed.header("Location").replaceAll(".*/orders/([^?]+).*", "$1");
        Map<String, Object> internal = new HashMap<>();
        internal.put("content", "Internal: margin is thin");
        internal.put("is_internal", true);
        Api.asAdmin()
                .body(internal)
                .post("/api/v1/orders/" + orderId + "/notes")
                .then()
                .statusCode(201);
        Api.asAdmin()
                .body(Map.of("content", "Visible: welcome aboard"))
                .post("/api/v1/orders/" + orderId + "/notes")
                .then()
                .statusCode(201);
        Document order = browser.page("/ui/orders/" + orderId);
        assertThat(order.text()).contains("Visible: welcome aboard").doesNotContain("margin is thin");
        assertThat(order.select("input[name=internal]")).isEmpty();
    }

    @Test
    void theOrderPageShowsTheBillingQuoteAndSaysWhenItsTotalDiffersFromTheOrders() {
        UUID partner = TestData.partner(dataSource, unique("Quote facts partner"));
        String[] catalog = ConsoleUsers.catalog(dataSource, unique("Quote facts storage"));
        ConsoleBrowser browser = partnerBrowser("en", partner);
        browser.page("/ui/quote");
        Response placed =
                browser.post("/ui/quote/order", Map.of("product", catalog[0], "duration", catalog[1], "quantity", "3"));
        String orderId = placed.header("Location").replaceAll(".*/orders/([^?]+).*", "$1");
        assertThat(browser.page("/ui/orders/" + orderId).select("#billing-quote"))
                .as("no quote yet")
                .isEmpty();

        TestData.exec(
                dataSource,
                "UPDATE orders SET billing_quote_id = 'q-" + orderId.substring(0, 8) + "', billing_metadata = "
                        + "'{\"status\": \"accepted\", \"quote_number\": \"D-2026-0042\", \"amount_before_tax\": \"99.90\", "
                        + "\"amount\": \"119.88\", \"totals_match\": false, \"prm_amount_before_tax\": \"90.00\", "
                        + "\"status_synced_at\": \"2026-12-04T07:30:00Z\"}'::jsonb WHERE id = ?::uuid",
                orderId);
        Document order = browser.page("/ui/orders/" + orderId);
        assertThat(order.select("#billing-quote").text()).contains("D-2026-0042", "Accepted", "€99.90", "€119.88");
        assertThat(order.select("#billing-totals-differ").text())
                .isEqualTo(
                        "The quote's amount before tax (€99.90) differs from the order's (€90.00): check the quote in the "
                                + "billing system before the customer signs it.");

        TestData.exec(
                dataSource,
                "UPDATE orders SET billing_metadata = billing_metadata || '{\"totals_match\": true}'::jsonb "
                        + "WHERE id = ?::uuid",
                orderId);
        Document french = partnerBrowser("fr", partner).page("/ui/orders/" + orderId);
        assertThat(french.select("#billing-totals-differ")).isEmpty();
        assertThat(french.select("#billing-totals-match").text())
                .isEqualTo("Le montant HT du devis est celui de la commande.");
        assertThat(french.select("#billing-quote-status").text()).isEqualTo("Accepté");
    }

    @Test
    void apiKeysAreCreatedShownOnceListedAndRevoked() {
        ConsoleBrowser browser = partnerBrowser("en", TestData.partner(dataSource, unique("Keys partner")));
        browser.page("/ui/account");
        Response created = browser.post("/ui/account/api-keys", Map.of("name", "reporting", "scopes", "read"));
        Document page = browser.parse(created);
        String secret = page.select("#new-key").text();
        assertThat(secret).startsWith("tnt_");
        Api.as(secret).get("/api/v1/auth/me").then().statusCode(200);
        Document again = browser.page("/ui/account");
        assertThat(again.select("#new-key")).isEmpty();
        assertThat(again.text()).contains("reporting").contains("Read only").doesNotContain(secret);
        String revoke = again.select("form[action$=/revoke]").attr("action");
        assertThat(browser.post(revoke, Map.of()).statusCode()).isEqualTo(303);
        Api.as(secret).get("/api/v1/auth/me").then().statusCode(401);
    }

    @Test
    void aPartnerChoosesWhichNotificationsAreMailed_andAStaffOnlyChoiceIsKept() {
        UUID partner = TestData.partner(dataSource, unique("Prefs partner"));
        String username = ConsoleUsers.create(dataSource, hasher, Role.PARTNER, partner, null);
        UUID user =
                UUID.fromString(TestData.text(dataSource, "SELECT id::text FROM users WHERE username = ?", username));
        // set earlier (through the API, say): a staff-only event muted; the page does not offer it to a partner
        TestData.exec(
                dataSource,
                "INSERT INTO notification_preferences (recipient_kind, recipient_id, email_muted) "
                        + "VALUES ('user', ?, '[\"provider.unhealthy\"]'::jsonb)",
                user);
        ConsoleBrowser browser =
                new ConsoleBrowser("en").from(Api.freshAddress()).signIn(username, ConsoleUsers.PASSWORD);

        assertThat(browser.page("/ui/inbox").select("#prefs-link").attr("href")).isEqualTo("/ui/inbox/preferences");
        Document page = browser.page("/ui/inbox/preferences");
        assertThat(page.select("input[name=mailed]").eachAttr("value"))
                .contains("order.fulfilled", "lead.assigned")
                .doesNotContain("provider.unhealthy", "user.pending_approval");
        assertThat(page.select("input[name=mailed][checked]")).hasSameSizeAs(page.select("input[name=mailed]"));
        assertThat(page.text()).contains("An order is fulfilled").contains("The default (en)");

        Response saved = browser.post(
                "/ui/inbox/preferences", Map.of("locale", "fr", "mailed", "lead.assigned", "digest", "true"));
        assertThat(saved.statusCode()).isEqualTo(303);
        Document after = browser.page(saved.header("Location"));
        assertThat(after.select("#prefs-saved")).hasSize(1);
        assertThat(after.select("input[name=mailed][checked]").eachAttr("value"))
                .containsExactly("lead.assigned");
        assertThat(after.select("input[name=locale][value=fr]").hasAttr("checked"))
                .isTrue();
        assertThat(after.select("input[name=digest]").hasAttr("checked")).isTrue();
        String muted = TestData.text(
                dataSource,
                "SELECT email_muted::text FROM notification_preferences "
                        + "WHERE recipient_kind = 'user' AND recipient_id = ?",
                user);
        assertThat(muted)
                .contains("provider.unhealthy")
                .contains("order.fulfilled")
                .doesNotContain("lead.assigned");

        assertThat(browser.post("/ui/inbox/preferences", Map.of("locale", "de")).statusCode())
                .isEqualTo(400);
        assertThat(browser.post("/ui/inbox/preferences", Map.of("mailed", "no.such.event"))
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void theDashboardDrawsTheRevenueChartOnTheServerAndAnUnknownPageIsAReadable404() {
        UUID partner = TestData.partner(dataSource, unique("Chart partner"));
        String username = ConsoleUsers.create(dataSource, hasher, Role.PARTNER, partner, null);
        UUID user =
                UUID.fromString(TestData.text(dataSource, "SELECT id::text FROM users WHERE username = ?", username));
        UUID order = com.tentabo.prm.bootstrap.support.TestOrders.created(dataSource, orders, partner, user, 12);
        TestData.exec(
                dataSource,
                "UPDATE orders SET status = 'FULFILLED'::orderstatus, sent_at = now(), fulfilled_at = now() "
                        + "WHERE id = ?",
                order);
        ConsoleBrowser browser =
                new ConsoleBrowser("en").from(Api.freshAddress()).signIn(username, ConsoleUsers.PASSWORD);
        Document home = browser.page("/ui");
        assertThat(home.select("svg.chart rect.bar")).hasSize(12);
        assertThat(home.select("svg.chart desc").text()).contains("€8,100.00");
        assertThat(home.select("svg.chart rect.bar").last().attr("height")).isEqualTo("140");
        assertThat(home.select("#h-bookings + table tbody tr").last().text())
                .contains("1")
                .contains("€8,100.00");
        assertThat(home.select("#mrr").text())
                .contains("Monthly recurring revenue")
                .contains("0 active contracts");
        assertThat(home.select("#top-partners"))
                .as("a partner ranks no partners")
                .isEmpty();
        Document staff = new ConsoleBrowser("en")
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(dataSource, hasher, Role.ADMIN, null, null), ConsoleUsers.PASSWORD)
                .page("/ui");
        assertThat(staff.select("#top-partners tbody tr")).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        assertThat(staff.select("#mrr .figure").text()).isNotBlank();

        Response unknown = browser.get("/ui/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("text/html");
        assertThat(browser.parse(unknown).select("[role=alert]").text()).contains("does not exist");
    }
}
