package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestMail;
import com.tentabo.prm.bootstrap.support.TestOrders;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The back office of deal registrations and the partner programme over the real database: the review queue (conflicts
 * first, then the oldest), a registration side by side with the other partner's claims and the rule that matched, the
 * decisions and the extension with a reason (required), the orders flagged for a protected customer; the programme
 * levels created, edited and assigned (history kept, the partner's users told). Roles without the capability see no
 * entry and what they post by hand is refused and changes nothing; the submitting partner learns nothing of the other.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ReviewQueuePagesTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    PasswordHasher hasher;

    @Inject
    OrderRepository orders;

    @Inject
    DeliverOutboxUseCase outbox;

    String customer;
    String domain;

    @BeforeEach
    void setUp() {
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        customer = "Vexmoor Analytics " + tag;
        domain = "vexmoor-" + tag + ".example";
    }

    private ConsoleBrowser signedIn(Role role, UUID partner) {
        return new ConsoleBrowser("en")
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(ds, hasher, role, partner, null), ConsoleUsers.PASSWORD);
    }

    private static String lead(ConsoleBrowser browser, String organization, String email) {
        Response created = browser.post(
                "/ui/leads",
                Map.of(
                        "title",
                        "Analytics for " + organization,
                        "organization",
                        organization,
                        "contact_name",
                        "Jane Roe",
                        "contact_email",
                        email,
                        "value",
                        "9000.00",
                        "currency",
                        "EUR"));
        assertThat(created.statusCode()).isEqualTo(303);
        String location = created.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Registers the lead's deal through the portal's form; returns the registration's id. */
    private static String register(
            ConsoleBrowser browser, String lead, String organization, String domain, String value) {
        Document form = browser.page("/ui/registrations/new?lead=" + lead);
        Map<String, String> fields = new HashMap<>();
        fields.put("lead", lead);
        fields.put("idempotency_key", form.select("input[name=idempotency_key]").val());
        fields.put("organization", organization);
        fields.put("domain", domain);
        fields.put("expected_products", "Analytics, 40 seats");
        fields.put("expected_value", value);
        fields.put("currency", "EUR");
        Response created = browser.post("/ui/registrations", fields);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        return created.header("Location").replaceAll(".*/ui/registrations/([0-9a-f-]{36}).*", "$1");
    }

    /** The ids of the queue's rows in order, following its pages. */
    private static List<String> queue(ConsoleBrowser staff) {
        List<String> ids = new ArrayList<>();
        String path = "/ui/review";
        for (int page = 0; page < 50 && path != null; page++) {
            Document d = staff.page(path);
            ids.addAll(d.select("#review-queue tbody tr[id]").eachAttr("id"));
            String next = d.select("#review-queue a[rel=next]").attr("href");
            path = next.isEmpty() ? null : next;
        }
        return ids;
    }

    private static Response decide(ConsoleBrowser staff, String registration, String decision, String reason) {
        Document page = staff.page("/ui/review/" + registration);
        return staff.post(
                "/ui/review/" + registration + "/decision",
                Map.of(
                        "version",
                        page.select("#decide input[name=version]").val(),
                        "decision",
                        decision,
                        "reason",
                        reason));
    }

    private String status(String registration) {
        return TestData.text(ds, "SELECT status FROM registrations WHERE id = ?", UUID.fromString(registration));
    }

    @Test
    void staffReviewAConflictSideBySide_conflictsFirst_andDecideWithAReason_whileThePartnerLearnsNothing() {
        String nameA = "Protected partner " + UUID.randomUUID();
        String nameB = "Late partner " + UUID.randomUUID();
        UUID partnerA = TestData.partner(ds, nameA);
        UUID partnerB = TestData.partner(ds, nameB);
        ConsoleBrowser a = signedIn(Role.PARTNER, partnerA);
        ConsoleBrowser b = signedIn(Role.PARTNER, partnerB);
        ConsoleBrowser staff = signedIn(Role.RESTRICTED_ADMIN, null);

        String leadA = lead(a, customer + " SAS", "jane@" + domain);
        String regA = register(a, leadA, customer + " SAS", domain, "48250.00");
        // an unrelated registration submitted before the conflicting one: the conflict still comes first
        String quiet = register(
                b,
                lead(b, "Quietfield " + UUID.randomUUID(), "x@quiet-" + UUID.randomUUID() + ".example"),
                "Quietfield " + UUID.randomUUID(),
                "",
                "100");
        assertThat(decide(staff, regA, "approve", "first to register").statusCode())
                .isEqualTo(303);
        String leadB = lead(b, customer.toUpperCase(Locale.ROOT) + " GmbH", "ops@" + domain);
        String regB = register(b, leadB, customer.toUpperCase(Locale.ROOT) + " GmbH", domain, "12000.00");

        Document home = staff.page("/ui");
        assertThat(home.select("nav a[href=/ui/review]")).hasSize(1);
        List<String> waiting = queue(staff);
        assertThat(waiting).contains("review-" + regB, "review-" + quiet).doesNotContain("review-" + regA);
        assertThat(waiting.indexOf("review-" + regB)).isLessThan(waiting.indexOf("review-" + quiet));

        // both sides: this registration and the first partner's, with the rule that matched
        Document page = staff.page("/ui/review/" + regB);
        assertThat(page.select("#this-partner").text()).isEqualTo(nameB);
        assertThat(page.select("#this-conflict").text()).isEqualTo("Conflict");
        assertThat(page.select("#review-contested")).hasSize(1);
        Document other =
                org.jsoup.Jsoup.parse(page.select("#match-registration-" + regA).outerHtml());
        assertThat(other.select(".match-partner").text()).isEqualTo(nameA);
        assertThat(other.select(".match-reason").text()).contains("same web or e-mail domain");
        assertThat(other.text()).contains("48,250.00", "Approved");
        assertThat(page.select("#match-lead-" + leadA).text()).contains("New");
        assertThat(page.select("#match-lead-" + leadA + " .match-partner").text())
                .isEqualTo(nameA);
        assertThat(page.select("#decide form input[name=_csrf]").val()).isNotBlank();
        // a notification's link to the partner's page leads staff here
        Response link = staff.get("/ui/registrations/" + regB);
        assertThat(link.statusCode()).isEqualTo(303);
        assertThat(link.header("Location")).endsWith("/ui/review/" + regB);

        // a decision without a reason is refused beside the field, and changes nothing
        Response blank = decide(staff, regB, "approve", "  ");
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(staff.parse(blank).select("#reason-error").text()).isNotBlank();
        assertThat(status(regB)).isEqualTo("SUBMITTED");
        Response bogus = decide(staff, regB, "promote", "why not");
        assertThat(bogus.statusCode()).isEqualTo(422);
        assertThat(status(regB)).isEqualTo("SUBMITTED");

        // the submitting partner: "under review", nothing of the other partner, and no staff page
        Document seenByB = b.page("/ui/registrations/" + regB);
        assertThat(seenByB.select("#registration-status").text()).isEqualTo("Under review");
        assertThat(seenByB.outerHtml())
                .doesNotContain(nameA, partnerA.toString(), regA, leadA, "48,250")
                .doesNotContainIgnoringCase("conflict");
        for (String path : List.of("/ui/review", "/ui/review/" + regB, "/ui/review/" + regA)) {
            Response refused = b.get(path);
            assertThat(refused.statusCode()).as(path).isEqualTo(403);
            // (the page names its own address, in the language links: nothing else of the first partner)
            assertThat(refused.asString().replaceAll("back=[^\"]*", ""))
                    .doesNotContain(nameA, regA, "48,250", customer);
        }
        assertThat(b.page("/ui").select("nav a[href=/ui/review], nav a[href=/ui/levels]"))
                .isEmpty();
        Document inboxB = b.page("/ui/inbox");
        assertThat(inboxB.outerHtml()).doesNotContain(nameA, regA).doesNotContainIgnoringCase("conflict");
        // a decision posted by hand by the partner is the role's refusal, and changes nothing
        Response byHand = b.post(
                "/ui/review/" + regB + "/decision",
                Map.of("version", "\"0\"", "decision", "approve", "reason", "approving myself"));
        assertThat(byHand.statusCode()).isEqualTo(403);
        // even with a decision or a reason the page would refuse beside its fields: the role comes first
        for (Map<String, String> form : List.of(
                Map.of("version", "\"0\"", "decision", "promote", "reason", "x"),
                Map.of("version", "\"0\"", "decision", "approve", "reason", " "))) {
            Response refused = b.post("/ui/review/" + regB + "/decision", form);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.asString())
                    .doesNotContainIgnoringCase("conflict")
                    .doesNotContain(nameA, "Overlap");
            assertThat(b.post("/ui/review/" + regB + "/extension", Map.of("version", "\"0\"", "grant", "maybe"))
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(status(regB)).isEqualTo("SUBMITTED");

        // staff reject the late registration with a reason; the queue says so and lets it go
        Response rejected =
                decide(staff, regB, "reject", "Another partner holds this customer until its protection ends.");
        assertThat(rejected.statusCode()).isEqualTo(303);
        assertThat(rejected.header("Location")).endsWith("/ui/review?decided=" + regB);
        Document after = staff.pageAsIs("/ui/review?decided=" + regB);
        assertThat(after.select("#review-decided").text())
                .contains(customer.toUpperCase(Locale.ROOT))
                .contains("Rejected");
        assertThat(status(regB)).isEqualTo("REJECTED");
        assertThat(queue(staff)).doesNotContain("review-" + regB);
        assertThat(b.page("/ui/registrations/" + regB)
                        .select("#decision-reason")
                        .text())
                .isEqualTo("Another partner holds this customer until its protection ends.");
        assertThat(decide(staff, quiet, "return", "Which site?").statusCode()).isEqualTo(303);
        assertThat(status(quiet)).isEqualTo("RETURNED");
    }

    @Test
    void anExtensionRequestIsGrantedWithAReason_andAnOrderForAProtectedCustomerIsShownToStaff() {
        String nameA = "Extending partner " + UUID.randomUUID();
        UUID partnerA = TestData.partner(ds, nameA);
        ConsoleBrowser a = signedIn(Role.PARTNER, partnerA);
        ConsoleBrowser admin = signedIn(Role.ADMIN, null);
        String reg = register(a, lead(a, customer, "jane@" + domain), customer, domain, "5000");
        assertThat(decide(admin, reg, "approve", "fine").statusCode()).isEqualTo(303);

        String until = LocalDate.now(ZoneOffset.UTC).plusDays(200).toString();
        Document mine = a.page("/ui/registrations/" + reg);
        assertThat(a.post(
                                "/ui/registrations/" + reg + "/extension",
                                Map.of(
                                        "version",
                                        mine.select("#extension input[name=version]")
                                                .val(),
                                        "protection_ends_at",
                                        until,
                                        "extension_reason",
                                        "The tender was postponed"))
                        .statusCode())
                .isEqualTo(303);

        Document queue = admin.page("/ui/review");
        assertThat(queue.select("#extension-" + reg + " a").attr("href")).isEqualTo("/ui/review/" + reg);
        Document page = admin.page("/ui/review/" + reg);
        assertThat(page.select("#decide")).isEmpty();
        assertThat(page.select("#extension-decision").text()).contains("The tender was postponed");
        String version = page.select("#extension-decision input[name=version]").val();
        Response noReason = admin.post("/ui/review/" + reg + "/extension", Map.of("version", version, "grant", "true"));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(admin.parse(noReason).select("#extension_reason-error").text())
                .isNotBlank();
        Response granted = admin.post(
                "/ui/review/" + reg + "/extension",
                Map.of("version", version, "grant", "true", "extension_reason", "Granted once: the tender moved"));
        assertThat(granted.statusCode()).isEqualTo(303);
        assertThat(TestData.text(
                        ds,
                        "SELECT to_char(protection_ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM registrations "
                                + "WHERE id = ?",
                        UUID.fromString(reg)))
                .isEqualTo(until);
        assertThat(admin.page("/ui/review").select("#extension-" + reg)).isEmpty();

        // another partner's order for the protected customer, flagged: staff see it on the queue and the registration
        UUID partnerB = TestData.partner(ds, "Ordering partner " + UUID.randomUUID());
        UUID order = TestOrders.created(ds, orders, partnerB, TestData.user(ds, Role.PARTNER, partnerB, null), 12);
        TestData.exec(
                ds,
                "INSERT INTO registration_order_flags (order_id, registration_id, created_at) VALUES (?, ?, now())",
                order,
                UUID.fromString(reg));
        assertThat(admin.page("/ui/review").select("#flag-" + order + " a[href=/ui/orders/" + order + "]"))
                .hasSize(1);
        assertThat(admin.page("/ui/review/" + reg).select("#flagged-orders a[href=/ui/orders/" + order + "]"))
                .hasSize(1);
        // the protected partner does not see the other partner's order
        assertThat(a.page("/ui/registrations/" + reg).outerHtml()).doesNotContain(order.toString());
    }

    @Test
    void staffManageLevelsAndAssignOne_historyKept_andThePartnersUsersAreTold() throws Exception {
        ConsoleBrowser admin = signedIn(Role.RESTRICTED_ADMIN, null);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        int rank = ThreadLocalRandom.current().nextInt(100_000, 900_000);
        Document list = admin.page("/ui/levels");
        assertThat(list.select("nav a[href=/ui/levels]")).hasSize(1);
        Map<String, String> level = new HashMap<>(Map.of(
                "idempotency_key",
                list.select("#new-level input[name=idempotency_key]").val(),
                "name",
                "Copper " + tag,
                "rank",
                "x",
                "discount_percentage",
                "12.5",
                "registration_bonus_percentage",
                "5",
                "protection_days",
                "120",
                "min_trailing_bookings",
                "25000",
                "min_won_registrations",
                "2"));
        Response unreadable = admin.post("/ui/levels", level);
        assertThat(unreadable.statusCode()).isEqualTo(422);
        Document refused = admin.parse(unreadable);
        assertThat(refused.select("#rank-error").text()).isNotBlank();
        assertThat(refused.select("#name").val()).isEqualTo("Copper " + tag);
        level.put("rank", Integer.toString(rank));
        Response created = admin.post("/ui/levels", level);
        assertThat(created.statusCode()).isEqualTo(303);
        UUID id = UUID.fromString(created.header("Location").replaceAll(".*done=", ""));
        Document row = admin.pageAsIs("/ui/levels?done=" + id);
        assertThat(row.select("#level-" + id).text()).contains("Copper " + tag, "12.5%", "120", "25,000");

        Document edit = admin.page("/ui/levels/" + id);
        assertThat(edit.select("#discount_percentage").val()).isEqualTo("12.50");
        Map<String, String> changed = new HashMap<>(level);
        changed.remove("idempotency_key");
        changed.put(
                "version",
                edit.select("form[action=/ui/levels/" + id + "] input[name=version]")
                        .val());
        changed.put("name", "Bronze " + tag);
        assertThat(admin.post("/ui/levels/" + id, changed).statusCode()).isEqualTo(303);
        assertThat(admin.post("/ui/levels/" + id, changed).statusCode()).isIn(409, 412);
        assertThat(TestData.text(ds, "SELECT name FROM programme_levels WHERE id = ?", id))
                .isEqualTo("Bronze " + tag);

        // assign it to a partner: history kept, the partner's users told (inbox and mail)
        UUID partner = TestData.partner(ds, "Levelled partner " + tag);
        UUID user = TestData.user(ds, Role.PARTNER, partner, null);
        Response noReason = admin.post(
                "/ui/levels/assignments",
                Map.of("partner_id", partner.toString(), "level_id", id.toString(), "reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(admin.parse(noReason).select("#reason-error").text()).isNotBlank();
        Response assigned = admin.post(
                "/ui/levels/assignments",
                Map.of(
                        "partner_id",
                        partner.toString(),
                        "level_id",
                        id.toString(),
                        "reason",
                        "Signed the reseller agreement"));
        assertThat(assigned.statusCode()).isEqualTo(303);
        Document history = admin.pageAsIs(assigned.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(history.select("#level-history tbody tr").text())
                .contains("Bronze " + tag, "current", "Signed the reseller agreement");
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM notifications WHERE recipient_id = ? "
                                + "AND event_type = 'programme.level_changed' AND params->>'level' = ?",
                        user,
                        "Bronze " + tag))
                .isEqualTo(1);
        TestProviders.drain(() -> outbox.deliverDue().total());
        List<MimeMessage> mails = TestMail.to(user + "@test.example");
        assertThat(mails)
                .extracting(m -> {
                    try {
                        return m.getSubject();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .contains("Your programme level is now Bronze " + tag);
        // a level held is kept
        Document held = admin.page("/ui/levels/" + id);
        Response delete = admin.post(
                "/ui/levels/" + id + "/delete",
                Map.of(
                        "version",
                        held.select("form[action$=/delete] input[name=version]").val()));
        assertThat(delete.statusCode()).isEqualTo(409);
        assertThat(TestData.count(ds, "SELECT count(*) FROM programme_levels WHERE id = ?", id))
                .isEqualTo(1);

        // roles without the programme: no entry, and what they post by hand is refused and changes nothing
        for (Role role : List.of(Role.PARTNER, Role.FULFILLER)) {
            ConsoleBrowser someone = signedIn(role, role == Role.PARTNER ? partner : null);
            assertThat(someone.page("/ui").select("nav a[href=/ui/levels], nav a[href=/ui/review]"))
                    .isEmpty();
            assertThat(someone.get("/ui/levels").statusCode()).isEqualTo(403);
            assertThat(someone.get("/ui/review").statusCode()).isEqualTo(403);
            Map<String, String> sneaky = new HashMap<>(level);
            sneaky.put("name", "Sneaky " + tag);
            sneaky.put("rank", Integer.toString(rank + 1));
            sneaky.put("idempotency_key", UUID.randomUUID().toString());
            assertThat(someone.post("/ui/levels", sneaky).statusCode()).isEqualTo(403);
            sneaky.put("rank", "not a rank");
            assertThat(someone.post("/ui/levels", sneaky).statusCode()).isEqualTo(403);
            assertThat(someone.post(
                                    "/ui/levels/assignments",
                                    Map.of("partner_id", partner.toString(), "level_id", id.toString(), "reason", "me"))
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(TestData.count(ds, "SELECT count(*) FROM programme_levels WHERE name = ?", "Sneaky " + tag))
                .isZero();
        assertThat(TestData.count(ds, "SELECT count(*) FROM partner_levels WHERE partner_id = ?", partner))
                .isEqualTo(1);
        // the partner reads its new level, and the inbox names it in words
        ConsoleBrowser partnerUser = new ConsoleBrowser("en")
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(ds, hasher, Role.PARTNER, partner, null), ConsoleUsers.PASSWORD);
        assertThat(partnerUser.page("/ui/programme").select("#current-level").text())
                .isEqualTo("Bronze " + tag);
    }
}
