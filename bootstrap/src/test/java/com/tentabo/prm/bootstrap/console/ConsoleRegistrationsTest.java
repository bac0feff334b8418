package com.tentabo.prm.bootstrap.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.rest.security.TokenService;
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
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's deal registration and programme pages over the real database: register a deal from a lead (field
 * errors beside the fields, from the use case's own rules), a second partner's registration for the same customer read
 * as "under review" with nothing of the first partner on the page, the answer to a returned registration, the one
 * extension, the keyset-paged list, a distributor's scope, and "My level" with its computed progress.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ConsoleRegistrationsTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    PasswordHasher hasher;

    @Inject
    TokenService tokens;

    String staff;
    String customer;
    String domain;

    @BeforeEach
    void setUp() {
        staff = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        customer = "Quuxbridge Dynamics " + tag;
        domain = "quuxbridge-" + tag + ".example";
    }

    private ConsoleBrowser signedIn(String language, Role role, UUID partner, UUID distributor) {
        return new ConsoleBrowser(language)
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(ds, hasher, role, partner, distributor), ConsoleUsers.PASSWORD);
    }

    private static String lead(ConsoleBrowser browser, String organization, String email) {
        browser.page("/ui/leads/new");
        Response created = browser.post(
                "/ui/leads",
                Map.of(
                        "title",
                        "Backup for " + organization,
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

    /** Registers the lead's deal through the form; returns the registration's id. */
    private String register(ConsoleBrowser browser, String lead, String organization, String value) {
        Document form = browser.page("/ui/registrations/new?lead=" + lead);
        Map<String, String> fields = new HashMap<>();
        fields.put("lead", lead);
        fields.put("idempotency_key", form.select("input[name=idempotency_key]").val());
        fields.put("organization", organization);
        fields.put("domain", "https://www." + domain);
        fields.put("expected_products", "Cloud backup, 60 TB");
        fields.put("expected_value", value);
        fields.put("currency", "EUR");
        Response created = browser.post("/ui/registrations", fields);
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(303);
        return created.header("Location").replaceAll(".*/ui/registrations/([0-9a-f-]{36}).*", "$1");
    }

    @Test
    void aPartnerRegistersADealFromItsLead_theFormShowsRefusalsBesideTheFields() {
        String nameA = "Registering partner " + UUID.randomUUID();
        ConsoleBrowser a = signedIn("en", Role.PARTNER, TestData.partner(ds, nameA), null);
        String lead = lead(a, customer + " SAS", "jane@" + domain);

        Document leadPage = a.page("/ui/leads/" + lead);
        assertThat(leadPage.select("#register-deal").attr("href")).isEqualTo("/ui/registrations/new?lead=" + lead);
        Document form = a.page("/ui/registrations/new?lead=" + lead);
        assertThat(form.select("#organization").val()).isEqualTo(customer + " SAS");
        assertThat(form.select("#domain").val()).isEqualTo(domain);
        assertThat(form.select("label[for=registration_number]").text()).contains("SIREN");
        assertThat(form.outerHtml()).doesNotContain("NOT_FOUND");

        // refusals of the API's own rules, beside their fields, with what was typed kept
        Map<String, String> bad =
                new HashMap<>(Map.of("lead", lead, "organization", customer, "expected_value", "12x"));
        Response unreadable = a.post("/ui/registrations", bad);
        assertThat(unreadable.statusCode()).isEqualTo(422);
        Document refused = a.parse(unreadable);
        assertThat(refused.select("#expected_value-error").text()).isEqualTo("Must be a number.");
        assertThat(refused.select("#expected_value").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.select("#organization").val()).isEqualTo(customer);
        bad.put("expected_value", "100");
        bad.put("registration_number", "732829321");
        Document badNumber = a.parse(a.post("/ui/registrations", bad));
        assertThat(badNumber.select("#registration_number-error").text()).isNotBlank();
        assertThat(badNumber.select("#registration_number").val()).isEqualTo("732829321");
        bad.remove("registration_number");
        bad.put("domain", "not a domain");
        assertThat(a.parse(a.post("/ui/registrations", bad))
                        .select("#domain-error")
                        .text())
                .contains("web address");

        String id = register(a, lead, customer + " SAS", "9000.00");
        Document detail = a.page("/ui/registrations/" + id + "?submitted=1");
        assertThat(detail.select("#registration-status").text()).isEqualTo("Under review");
        assertThat(detail.outerHtml()).doesNotContain("NOT_FOUND");
        assertThat(detail.select("[role=status]").text()).contains("submitted");
        assertThat(detail.select("#registration-history li")).hasSize(1);
        assertThat(detail.select("#registration-history li").text()).startsWith("Submitted");
        // the lead is registered: the form leads to its registration
        Response again = a.get("/ui/registrations/new?lead=" + lead);
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).endsWith("/ui/registrations/" + id);
        assertThat(a.page("/ui/registrations")
                        .select("#registration-" + id + " a")
                        .text())
                .isEqualTo(customer + " SAS");
    }

    @Test
    void aSecondPartnersRegistrationForTheSameCustomer_readsUnderReview_andShowsNothingOfTheFirst() {
        String nameA = "First partner " + UUID.randomUUID();
        UUID partnerA = TestData.partner(ds, nameA);
        UUID partnerB = TestData.partner(ds, "Second partner " + UUID.randomUUID());
        ConsoleBrowser a = signedIn("en", Role.PARTNER, partnerA, null);
        ConsoleBrowser b = signedIn("en", Role.PARTNER, partnerB, null);
        String leadA = lead(a, customer + " SAS", "jane@" + domain);
        String regA = register(a, leadA, customer + " SAS", "48250.00");
        Api.as(staff)
                .body(Map.of("decision", "approve", "reason", "first to register"))
                .post("/api/v1/registrations/{id}/decisions", regA)
                .then()
                .statusCode(200);

        String leadB = lead(b, customer.toUpperCase(Locale.ROOT) + " GmbH", "ops@" + domain);
        String regB = register(b, leadB, customer.toUpperCase(Locale.ROOT) + " GmbH", "12000.00");
        Api.as(staff)
                .get("/api/v1/registrations/{id}", regB)
                .then()
                .statusCode(200)
                .body("conflict", org.hamcrest.Matchers.is("conflict"));

        Document seenByB = b.page("/ui/registrations/" + regB);
        assertThat(seenByB.select("#registration-status").text()).isEqualTo("Under review");
        String page = seenByB.outerHtml();
        assertThat(page)
                .doesNotContain(nameA, partnerA.toString(), regA, leadA, "48,250", "48250", "first to register")
                .doesNotContainIgnoringCase("conflict")
                .doesNotContainIgnoringCase("overlap")
                .doesNotContainIgnoringCase("incumbent");
        String listed = b.page("/ui/registrations").outerHtml();
        assertThat(listed).contains(regB).doesNotContain(nameA, regA, "48,250");
        assertThat(b.page("/ui/registrations?status=submitted").outerHtml()).doesNotContain(regA, nameA);
        Response foreign = b.get("/ui/registrations/" + regA);
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.asString()).doesNotContain(nameA, customer);
        Response foreignForm = b.get("/ui/registrations/new?lead=" + leadA);
        assertThat(foreignForm.statusCode()).isEqualTo(404);

        // the first partner sees its approval, with the reason and the protection end, and nothing of the second
        Document seenByA = a.page("/ui/registrations/" + regA);
        assertThat(seenByA.select("#registration-status").text()).isEqualTo("Approved");
        assertThat(seenByA.select("#decision-reason").text()).isEqualTo("first to register");
        assertThat(seenByA.select("#protection-end").text()).isNotBlank();
        assertThat(seenByA.outerHtml()).doesNotContain(regB, leadB, partnerB.toString(), "12,000");
    }

    @Test
    void aReturnedRegistrationIsAnswered_andTheOneExtensionIsAskedFor() {
        ConsoleBrowser a =
                signedIn("en", Role.PARTNER, TestData.partner(ds, "Answering partner " + UUID.randomUUID()), null);
        String reg = register(a, lead(a, customer, "jane@" + domain), customer, "5000");
        Api.as(staff)
                .body(Map.of("decision", "return", "reason", "Which site is this for?"))
                .post("/api/v1/registrations/{id}/decisions", reg)
                .then()
                .statusCode(200);

        Document returned = a.page("/ui/registrations/" + reg);
        assertThat(returned.select("#registration-status").text()).isEqualTo("Returned to you");
        assertThat(returned.select("#decision-reason").text()).isEqualTo("Which site is this for?");
        assertThat(returned.select("#answer form #organization").val()).isEqualTo(customer);
        assertThat(returned.outerHtml()).doesNotContain("NOT_FOUND");
        assertThat(returned.select("#extension")).isEmpty();
        String version = returned.select("#answer input[name=version]").val();
        Response blank = a.post(
                "/ui/registrations/" + reg + "/answer",
                Map.of("version", version, "organization", customer, "answer", " "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(a.parse(blank).select("#reason-error").text()).isEqualTo("This field is required.");
        assertThat(a.post(
                                "/ui/registrations/" + reg + "/answer",
                                Map.of(
                                        "version",
                                        version,
                                        "organization",
                                        customer,
                                        "registration_number",
                                        "732 829 320",
                                        "answer",
                                        "The Lyon plant"))
                        .statusCode())
                .isEqualTo(303);
        Document answered = a.page("/ui/registrations/" + reg);
        assertThat(answered.select("#registration-status").text()).isEqualTo("Under review");
        assertThat(answered.select("#registration-history li").eachText()).hasSize(3);
        assertThat(answered.select("#registration-history li").get(2).text())
                .startsWith("Answered and submitted again")
                .contains("The Lyon plant");
        // a second answer with the old version is refused as a changed record, not applied twice
        Response stale = a.post(
                "/ui/registrations/" + reg + "/answer",
                Map.of("version", version, "organization", customer, "answer", "again"));
        assertThat(stale.statusCode()).isEqualTo(409);

        Api.as(staff)
                .body(Map.of("decision", "approve", "reason", "fine"))
                .post("/api/v1/registrations/{id}/decisions", reg)
                .then()
                .statusCode(200);
        Document approved = a.page("/ui/registrations/" + reg);
        String end = TestData.text(
                ds,
                "SELECT to_char(protection_ends_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') FROM registrations "
                        + "WHERE id = ?::uuid",
                reg);
        String v2 = approved.select("#extension input[name=version]").val();
        Response early = a.post(
                "/ui/registrations/" + reg + "/extension",
                Map.of("version", v2, "protection_ends_at", end, "extension_reason", "longer tender"));
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(a.parse(early).select("#protection_ends_at-error").text()).contains("later than");
        Response noReason = a.post(
                "/ui/registrations/" + reg + "/extension",
                Map.of(
                        "version",
                        v2,
                        "protection_ends_at",
                        LocalDate.parse(end).plusDays(30).toString()));
        assertThat(a.parse(noReason).select("#extension_reason-error").text()).isEqualTo("This field is required.");
        assertThat(a.post(
                                "/ui/registrations/" + reg + "/extension",
                                Map.of(
                                        "version",
                                        v2,
                                        "protection_ends_at",
                                        LocalDate.parse(end).plusDays(30).toString(),
                                        "extension_reason",
                                        "longer tender"))
                        .statusCode())
                .isEqualTo(303);
        Document asked = a.page("/ui/registrations/" + reg);
        assertThat(asked.select("#extension-pending").text()).isNotBlank();
        assertThat(asked.select("#extension")).as("one request at a time").isEmpty();
        assertThat(asked.select("#registration-history li").last().text())
                .startsWith("Extension asked for")
                .contains("longer tender");
    }

    @Test
    void theListIsPagedByKeyset_andADistributorSeesItsPartnersRegistrationsOnly() {
        UUID distributor = TestData.distributor(ds, "Registration distributor " + UUID.randomUUID());
        UUID mine = TestData.partner(ds, "Assigned registrant " + UUID.randomUUID());
        UUID other = TestData.partner(ds, "Foreign registrant " + UUID.randomUUID());
        TestData.assign(ds, distributor, mine, true);
        UUID owner = TestData.user(ds, Role.PARTNER, mine, null);
        for (int i = 0; i < 27; i++) {
            UUID lead = UUID.randomUUID();
            TestData.exec(
                    ds,
                    "INSERT INTO leads (id, title, organization, contact_name, status, owner_id, partner_id, "
                            + "provider_name, created_at, updated_at) VALUES (?, 'Paged', ?, 'Bill', 'NEW'::leadstatus, ?, ?, 'tentabo', "
                            + "now(), now())",
                    lead,
                    "Paged customer " + i,
                    owner,
                    mine);
            TestData.exec(
                    ds,
                    "INSERT INTO registrations (id, lead_id, partner_id, status, organization, org_key, "
                            + "submitted_at, created_at, updated_at) VALUES (?, ?, ?, 'SUBMITTED', ?, ?, now(), "
                            + "now() - make_interval(secs => ?), now())",
                    UUID.randomUUID(),
                    lead,
                    mine,
                    "Paged customer " + i,
                    "paged customer " + i,
                    i);
        }
        ConsoleBrowser foreignPartner = signedIn("en", Role.PARTNER, other, null);
        String foreign = register(foreignPartner, lead(foreignPartner, customer, "x@" + domain), customer, "1");

        ConsoleBrowser d = signedIn("en", Role.DISTRIBUTOR, null, distributor);
        Document first = d.page("/ui/registrations?partner=" + mine);
        assertThat(first.select("tbody tr[id^=registration-]")).hasSize(25);
        assertThat(first.outerHtml()).doesNotContain("NOT_FOUND");
        assertThat(first.select("tbody tr").first().text()).startsWith("Paged customer 0");
        String next = first.select("a[rel=next]").attr("href");
        assertThat(next).contains("partner=" + mine).contains("cursor=");
        Document second = d.pageAsIs(next);
        assertThat(second.select("tbody tr[id^=registration-]").eachText())
                .hasSize(2)
                .allMatch(t -> t.startsWith("Paged customer 2"));
        assertThat(second.select("a[rel=next]")).isEmpty();
        assertThat(d.page("/ui/registrations").outerHtml()).doesNotContain(foreign, customer);
        assertThat(d.get("/ui/registrations/" + foreign).statusCode()).isEqualTo(404);
    }

    @Test
    void myLevelShowsTheLevelAndWhatTheNextRequires_computedFromTheFigures_inEnglishAndFrench() {
        UUID partner = TestData.partner(ds, "Levelled partner " + UUID.randomUUID());
        int base = ThreadLocalRandom.current().nextInt(2_000_000 / 4, 1_000_000 - 10);
        String silver = "Silver " + UUID.randomUUID().toString().substring(0, 8);
        String gold = "Gold " + UUID.randomUUID().toString().substring(0, 8);
        String silverId = level(silver, base, "10", "0", "0");
        level(gold, base + 1, "15", "20000.00", "3");
        Api.as(staff)
                .body(Map.of("level_id", silverId, "reason", "signed the agreement"))
                .put("/api/v1/programme/partners/{id}/level", partner)
                .then()
                .statusCode(200);
        UUID user = TestData.user(ds, Role.PARTNER, partner, null);
        UUID order = com.tentabo.prm.bootstrap.support.TestOrders.created(ds, orders, partner, user, 12);
        TestData.exec(
                ds,
                "UPDATE orders SET status = 'SENT'::orderstatus, subtotal = 8000.00, discount_amount = 500.00 "
                        + "WHERE id = ?",
                order);

        ConsoleBrowser en = signedIn("en", Role.PARTNER, partner, null);
        Document page = en.page("/ui/programme");
        assertThat(page.select("#current-level").text()).isEqualTo(silver);
        assertThat(page.outerHtml()).doesNotContain("NOT_FOUND");
        assertThat(page.select("#next-level").text()).isEqualTo("Next level: " + gold);
        assertThat(page.select("#bookings").text()).isEqualTo("€7,500.00 / €20,000.00");
        assertThat(page.select("#bookings-missing").text()).isEqualTo("still missing: €12,500.00");
        assertThat(page.select("#won").text()).isEqualTo("0 / 3");
        assertThat(page.select("progress").first().attr("value")).isEqualTo("37");
        assertThat(page.select("#level-history li").text()).contains(silver).contains("signed the agreement");
        assertThat(page.select("nav a[aria-current=page]").text()).isEqualTo("My level");

        Document fr = signedIn("fr-FR,fr;q=0.9", Role.PARTNER, partner, null).page("/ui/programme");
        assertThat(fr.select("#next-level").text()).isEqualTo("Niveau suivant : " + gold);
        assertThat(fr.select("#bookings-missing").text().replace('\u202f', ' ').replace('\u00a0', ' '))
                .isEqualTo("il manque : 12 500,00 €");
    }

    @Inject
    com.tentabo.prm.application.order.port.out.OrderRepository orders;

    private String level(String name, int rank, String discount, String bookings, String won) {
        return Api.asAdmin()
                .body(Map.of(
                        "name",
                        name,
                        "rank",
                        rank,
                        "discount_percentage",
                        discount,
                        "registration_bonus_percentage",
                        "5",
                        "protection_days",
                        60,
                        "min_trailing_bookings",
                        bookings,
                        "min_won_registrations",
                        Integer.parseInt(won)))
                .post("/api/v1/programme/levels")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
