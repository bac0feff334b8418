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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The catalog, partner/distributor and user pages of the back office over the real database: an admin edits a
 * product's tiers as one table (every broken rule listed at once by the domain's check, the prices previewed in both
 * modes, nothing saved until the table is valid), keeps durations, creates companies and assigns them from either
 * side, lists users with filters and invites one. Each role sees only the actions it may take; what it posts by hand
 * beyond them is refused with the role's 403 and changes nothing; an id out of scope is 404.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class BackOfficeCatalogPagesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private ConsoleBrowser browser(Role role, UUID partner, UUID distributor) {
        return new ConsoleBrowser("en")
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(dataSource, hasher, role, partner, distributor), ConsoleUsers.PASSWORD);
    }

    private static String path(Response r) {
        return r.header("Location").replaceFirst("^https?://[^/]+", "");
    }

    /** Tier rows as the table posts them: {min, max, price, period} each. */
    private static Map<String, Object> rows(String version, String[]... rows) {
        Map<String, Object> form = new HashMap<>();
        form.put("version", version);
        form.put("min_quantity", java.util.Arrays.stream(rows).map(r -> r[0]).toList());
        form.put("max_quantity", java.util.Arrays.stream(rows).map(r -> r[1]).toList());
        form.put("price_per_unit", java.util.Arrays.stream(rows).map(r -> r[2]).toList());
        form.put("period", java.util.Arrays.stream(rows).map(r -> r[3]).toList());
        return form;
    }

    private String createProduct(ConsoleBrowser admin, String name) {
        admin.page("/ui/catalog/products/new");
        Response created = admin.post(
                "/ui/catalog/products",
                Map.of("name", name, "type", "storage", "unit", "TB", "pricing_mode", "graduated"));
        assertThat(created.statusCode()).isEqualTo(303);
        return path(created).replaceAll(".*/products/([^?]+).*", "$1");
    }

    @Test
    void anAdminEditsTheTiersAsOneTable_everyBrokenRuleAtOnce_thenAPreviewInBothModes_thenSaves() {
        ConsoleBrowser admin = browser(Role.ADMIN, null, null);
        String name = unique("Tiered backup");
        String product = createProduct(admin, name);
        Document page = admin.page("/ui/catalog/products/" + product + "?saved=created");
        assertThat(page.select("header nav a[href=/ui/catalog]")).hasSize(1);
        assertThat(page.select("#saved").text()).isEqualTo("Created.");
        assertThat(page.select("#tier-editor")).hasSize(1);
        assertThat(page.select("#type-hint")).hasSize(1);
        assertThat(page.select("#product-types option").eachAttr("value")).contains("storage");
        String version = page.select("#tier-editor input[name=version]").attr("value");

        // a gap after row 1, a second period, an open end before the last row: all listed at once
        Map<String, Object> broken = rows(
                version, new String[] {"1", "10", "10", "month"}, new String[] {"12", "", "8", "year"}, new String[] {
                    "30", "", "7", "month"
                });
        Document check =
                Jsoup.parse(admin.postRepeated("/ui/catalog/products/" + product + "/tiers/check", broken, true)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertThat(check.select("#tier-problems li").eachText())
                .hasSize(3)
                .anySatisfy(t ->
                        assertThat(t).contains("Row 2").contains("leaves a gap after the previous tier (must be 11)"))
                .anySatisfy(t -> assertThat(t).contains("Row 2").contains("period of the first (month)"))
                .anySatisfy(t -> assertThat(t).contains("Row 2").contains("only the last tier may have no maximum"));
        assertThat(check.select("#tier-preview")).isEmpty();
        // a cell that cannot be read is named with every other incomplete cell (the rules between rows wait for them)
        Document unreadable = Jsoup.parse(admin.postRepeated(
                        "/ui/catalog/products/" + product + "/tiers/check",
                        rows(version, new String[] {"1", "10", "abc", "month"}, new String[] {"", "", "8", "month"}),
                        true)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(unreadable.select("#tier-problems li").eachText())
                .containsExactly("Row 1, Price per unit: must be a number.", "Row 2, From (units): required.");

        Response refused = admin.postRepeated("/ui/catalog/products/" + product + "/tiers", broken, false);
        assertThat(refused.statusCode()).isEqualTo(422);
        Document again = Jsoup.parse(refused.asString());
        assertThat(again.select("#problem").text()).contains("not saved");
        assertThat(again.select("#min-2").attr("aria-invalid")).isEqualTo("true");
        assertThat(again.select("#period-2").attr("aria-invalid")).isEqualTo("true");
        assertThat(again.select("#min-3").attr("value")).isEqualTo("30");
        assertThat(TestData.count(
                        dataSource, "SELECT count(*) FROM price_tiers WHERE product_id = ?", UUID.fromString(product)))
                .isZero();

        Map<String, Object> fixed =
                rows(version, new String[] {"1", "10", "10", "month"}, new String[] {"11", "", "8", "month"});
        Document preview =
                Jsoup.parse(admin.postRepeated("/ui/catalog/products/" + product + "/tiers/check", fixed, true)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString());
        assertThat(preview.select("#tier-problems")).isEmpty();
        // 100 units for 12 months: volume 100 × 8 × 12; graduated 10 × 10 × 12 + 90 × 8 × 12
        String hundred = preview.select("#tier-preview tbody tr").stream()
                .filter(r -> r.child(0).text().equals("100"))
                .findFirst()
                .orElseThrow()
                .text();
        assertThat(hundred).contains("9,600.00").contains("9,840.00");

        Response saved = admin.postRepeated("/ui/catalog/products/" + product + "/tiers", fixed, false);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(TestData.text(
                        dataSource,
                        "SELECT string_agg(min_quantity || '-' || coalesce(max_quantity::text, '') || '@'"
                                + " || price_per_unit || '/' || period, ' ' ORDER BY min_quantity) FROM price_tiers WHERE product_id = ?",
                        UUID.fromString(product)))
                .isEqualTo("1-10@10.0000/month 11-@8.0000/month");
        Document after = admin.pageAsIs(path(saved));
        assertThat(after.select("#saved").text()).contains("tiers are saved");
        assertThat(after.select("#tier-table tbody tr")).hasSize(2);

        // "add a row" shows one more row, starting after the last bounded one, and saves nothing
        Document added = Jsoup.parse(admin.postRepeated(
                        "/ui/catalog/products/" + product + "/tiers",
                        withAdd(rows(
                                version, new String[] {"1", "10", "10", "month"}, new String[] {"11", "20", "8", "month"
                                })),
                        false)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertThat(added.select("#tier-table tbody tr")).hasSize(3);
        assertThat(added.select("#min-3").attr("value")).isEqualTo("21");

        // a stale version is refused, then the product is deactivated with the current one
        Response stale = admin.post(
                "/ui/catalog/products/" + product + "/active", Map.of("version", version, "active", "false"));
        assertThat(stale.statusCode()).isEqualTo(409);
        String current = after.select("#activation-form input[name=version]").attr("value");
        Response deactivated = admin.post(
                "/ui/catalog/products/" + product + "/active", Map.of("version", current, "active", "false"));
        assertThat(deactivated.statusCode()).isEqualTo(303);
        assertThat(admin.pageAsIs(path(deactivated)).select("#activate")).hasSize(1);
        assertThat(admin.page("/ui/catalog?active=false&q=" + name.substring(name.length() - 8))
                        .select("#product-" + product))
                .hasSize(1);
    }

    private static Map<String, Object> withAdd(Map<String, Object> form) {
        form.put("add", "1");
        return form;
    }

    @Test
    void durationsAreListedCreatedChangedAndDeleted_aBadValueShownBesideItsField() {
        ConsoleBrowser admin = browser(Role.ADMIN, null, null);
        int months = 100 + (int) (Math.random() * 20);
        TestData.exec(
                dataSource,
                "DELETE FROM durations WHERE months = ? AND NOT EXISTS (SELECT 1 FROM order_items"
                        + " WHERE duration_id = durations.id)",
                months);
        admin.page("/ui/catalog/durations");
        Response bad = admin.post(
                "/ui/catalog/durations",
                Map.of("name", "Odd", "months", String.valueOf(months), "discount_percentage", "120"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.asString()).select("#new-discount").attr("aria-invalid"))
                .isEqualTo("true");
        Response created = admin.post(
                "/ui/catalog/durations",
                Map.of("name", "Long " + months, "months", String.valueOf(months), "discount_percentage", "12.5"));
        assertThat(created.statusCode()).isEqualTo(303);
        String id = TestData.text(dataSource, "SELECT id FROM durations WHERE months = ?", months);
        Document list = admin.pageAsIs(path(created));
        assertThat(list.select("#saved").text()).contains("added");
        String version =
                list.select("#duration-form-" + id + " input[name=version]").attr("value");
        Response changed = admin.post(
                "/ui/catalog/durations/" + id,
                Map.of(
                        "version",
                        version,
                        "name",
                        "Long " + months,
                        "months",
                        String.valueOf(months),
                        "discount_percentage",
                        "15"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(TestData.text(
                        dataSource,
                        "SELECT discount_percentage::text FROM durations WHERE id = ?",
                        UUID.fromString(id)))
                .isEqualTo("15.00");
        assertThat(admin.post("/ui/catalog/durations/" + id + "/delete", Map.of())
                        .statusCode())
                .isEqualTo(303);
        assertThat(TestData.count(dataSource, "SELECT count(*) FROM durations WHERE id = ?", UUID.fromString(id)))
                .isZero();
    }

    @Test
    void eachRoleSeesOnlyTheCatalogActionsItMayTake_andWhatItPostsByHandIsRefused() {
        UUID partner = TestData.partner(dataSource, unique("Catalog reader partner"));
        ConsoleBrowser admin = browser(Role.ADMIN, null, null);
        String product = createProduct(admin, unique("Guarded product"));
        Map<String, Object> tiers = rows("", new String[] {"1", "", "5", "month"});

        ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN, null, null);
        assertThat(restricted.page("/ui/catalog/products/" + product).select("#tier-editor, #details-form"))
                .hasSize(2);

        for (ConsoleBrowser reader :
                List.of(browser(Role.FULFILLER, null, null), browser(Role.PARTNER, partner, null))) {
            Document page = reader.page("/ui/catalog/products/" + product);
            assertThat(page.select("#tier-editor, #details-form, #activation-form, #new-product"))
                    .isEmpty();
            assertThat(page.select("#tier-table")).hasSize(1);
            assertThat(reader.page("/ui/catalog/durations").select("#new-duration, form[action$=/delete]"))
                    .isEmpty();
            assertThat(reader.get("/ui/catalog/products/new").statusCode()).isEqualTo(403);
            assertThat(reader.postRepeated("/ui/catalog/products/" + product + "/tiers", tiers, false)
                            .statusCode())
                    .isEqualTo(403);
            assertThat(reader.postRepeated("/ui/catalog/products/" + product + "/tiers/check", tiers, true)
                            .header("HX-Retarget"))
                    .isEqualTo("#flash");
            assertThat(reader.post("/ui/catalog/products/" + product + "/active", Map.of("active", "false"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(reader.post("/ui/catalog/products", Map.of("name", unique("Sneaky"), "type", "x", "unit", "u"))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(reader.post("/ui/catalog/durations", Map.of("months", "7", "name", "x"))
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(browser(Role.PARTNER, partner, null).page("/ui").select("header nav a[href=/ui/catalog]"))
                .isEmpty();
        assertThat(browser(Role.FULFILLER, null, null).page("/ui").select("header nav a[href=/ui/catalog]"))
                .hasSize(1);
        assertThat(TestData.count(
                        dataSource, "SELECT count(*) FROM price_tiers WHERE product_id = ?", UUID.fromString(product)))
                .isZero();
        // a product the replaced system left with a blank name is listed and opened under a name that can be read
        UUID blank = UUID.randomUUID();
        String type = unique("legacy-type");
        TestData.exec(
                dataSource,
                "INSERT INTO products (id, name, type, unit, description, is_active) VALUES (?, ?, ?, ?, ?, ?)",
                blank,
                "  " + blank.toString().substring(0, 6),
                type,
                "seat",
                null,
                "true");
        TestData.exec(dataSource, "UPDATE products SET name = '  ' WHERE id = ?", blank);
        assertThat(admin.page("/ui/catalog?type=" + type)
                        .select("#product-" + blank + " a")
                        .text())
                .isEqualTo("(no name)");
        assertThat(admin.page("/ui/catalog/products/" + blank).select("h1").text())
                .startsWith("(no name)");
        assertThat(admin.get("/ui/catalog/products/" + UUID.randomUUID()).statusCode())
                .isEqualTo(404);
        assertThat(admin.postRepeated("/ui/catalog/products/" + UUID.randomUUID() + "/tiers", tiers, false)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anAdminKeepsPartnersAndDistributorsAndAssignsThemFromEitherSide() {
        ConsoleBrowser admin = browser(Role.ADMIN, null, null);
        admin.page("/ui/companies/partners/new");
        Response bad =
                admin.post("/ui/companies/partners", Map.of("name", unique("Bad mail"), "email", "not-an-address"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(bad.asString()).select("#email-error").text()).isNotBlank();
        String partnerName = unique("Console partner");
        Response createdPartner = admin.post(
                "/ui/companies/partners",
                Map.of("name", partnerName, "city", "Lyon", "email", "hello@partner.example"));
        assertThat(createdPartner.statusCode()).isEqualTo(303);
        String partner = path(createdPartner).replaceAll(".*/partners/([^?]+).*", "$1");
        admin.page("/ui/companies/distributors/new");
        String distributorName = unique("Console distributor");
        Response createdDistributor = admin.post("/ui/companies/distributors", Map.of("name", distributorName));
        String distributor = path(createdDistributor).replaceAll(".*/distributors/([^?]+).*", "$1");
        UUID member = TestData.user(dataSource, Role.PARTNER, UUID.fromString(partner), null);

        Document partnerPage = admin.page("/ui/companies/partners/" + partner);
        assertThat(partnerPage.select("header nav a[href=/ui/companies/partners]"))
                .hasSize(1);
        assertThat(partnerPage.select("#assign-other option[value=" + distributor + "]"))
                .hasSize(1);
        assertThat(partnerPage.select("#members li").text())
                .contains(TestData.text(dataSource, "SELECT email FROM users WHERE id = ?", member));
        // assigned from the partner's page, deactivated from the distributor's, reactivated from the partner's
        Response assigned = admin.post(
                "/ui/companies/assignments",
                Map.of("partner_id", partner, "distributor_id", distributor, "back", "partners"));
        assertThat(path(assigned)).startsWith("/ui/companies/partners/" + partner);
        Document distributorPage = admin.page("/ui/companies/distributors/" + distributor);
        assertThat(distributorPage.select("#assignment-" + partner + " th").text())
                .isEqualTo(partnerName);
        Response off = admin.post(
                "/ui/companies/assignments/active",
                Map.of(
                        "partner_id",
                        partner,
                        "distributor_id",
                        distributor,
                        "active",
                        "false",
                        "back",
                        "distributors"));
        assertThat(path(off)).startsWith("/ui/companies/distributors/" + distributor);
        assertThat(TestData.text(
                        dataSource,
                        "SELECT is_active::text FROM distributor_partners WHERE partner_id = ?",
                        UUID.fromString(partner)))
                .isEqualTo("false");
        assertThat(admin.page("/ui/companies/partners/" + partner).select("#assignment-" + distributor + " .badge"))
                .hasSize(1);
        admin.post(
                "/ui/companies/assignments/active",
                Map.of("partner_id", partner, "distributor_id", distributor, "active", "true", "back", "partners"));
        assertThat(TestData.text(
                        dataSource,
                        "SELECT is_active::text FROM distributor_partners WHERE partner_id = ?",
                        UUID.fromString(partner)))
                .isEqualTo("true");

        // the profile is changed with its version; the list finds it
        String version = admin.page("/ui/companies/partners/" + partner)
                .select("#company-form input[name=version]")
                .attr("value");
        Response changed = admin.post(
                "/ui/companies/partners/" + partner,
                Map.of("version", version, "name", partnerName, "city", "Grenoble"));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(admin.page("/ui/companies/partners?q=" + partnerName.substring(partnerName.length() - 8))
                        .select("#company-" + partner)
                        .text())
                .contains("Grenoble");
    }

    @Test
    void companyActionsAreForAdminsOnly_andACompanyOutOfScopeIsNotFound() {
        UUID distributor = TestData.distributor(dataSource, unique("Scoped distributor"));
        UUID other = TestData.distributor(dataSource, unique("Other distributor"));
        UUID partner = TestData.partner(dataSource, unique("Scoped partner"));
        ConsoleBrowser distributorUser = browser(Role.DISTRIBUTOR, null, distributor);
        ConsoleBrowser fulfiller = browser(Role.FULFILLER, null, null);

        Document own = distributorUser.page("/ui/companies/distributors/" + distributor);
        assertThat(own.select("#company-form, #assign-form, #delete-company, #members"))
                .isEmpty();
        assertThat(distributorUser.page("/ui").select("header nav a[href=/ui/companies/partners]"))
                .isEmpty();
        assertThat(distributorUser.get("/ui/companies/distributors/" + other).statusCode())
                .isEqualTo(404);
        for (ConsoleBrowser someone : List.of(distributorUser, fulfiller)) {
            assertThat(someone.post(
                                    "/ui/companies/assignments",
                                    Map.of("partner_id", partner.toString(), "distributor_id", distributor.toString()))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(someone.post("/ui/companies/partners", Map.of("name", unique("Sneaky")))
                            .statusCode())
                    .isEqualTo(403);
            assertThat(someone.post("/ui/companies/distributors/" + distributor + "/delete", Map.of())
                            .statusCode())
                    .isEqualTo(403);
        }
        assertThat(TestData.count(
                        dataSource, "SELECT count(*) FROM distributor_partners WHERE partner_id = ?", partner))
                .isZero();
        ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN, null, null);
        assertThat(restricted.page("/ui/companies/distributors/" + distributor).select("#company-form, #assign-form"))
                .hasSize(2);
        assertThat(browser(Role.ADMIN, null, null)
                        .get("/ui/companies/partners/" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void usersAreListedWithFilters_andAnAdminInvitesADatabaseUser_aRestrictedAdminNeverAnAdmin() {
        UUID partner = TestData.partner(dataSource, unique("Users partner"));
        ConsoleBrowser admin = browser(Role.ADMIN, null, null);
        String username = "invited-" + UUID.randomUUID().toString().substring(0, 8);
        Document page = admin.page("/ui/users?role=partner&status=enabled&company=p:" + partner);
        assertThat(page.select("header nav a[href=/ui/users]")).hasSize(1);
        assertThat(page.select("#invite-form")).hasSize(1);
        Response invited = admin.post(
                "/ui/users/invite",
                Map.of(
                        "username",
                        username,
                        "email",
                        username + "@invite.example",
                        "full_name",
                        "Invited Person",
                        "role",
                        "partner",
                        "partner_id",
                        partner.toString()));
        assertThat(invited.statusCode()).isEqualTo(303);
        assertThat(path(invited)).contains("mailed=1");
        assertThat(admin.pageAsIs(path(invited)).select("#invited").text()).contains(username + "@invite.example");
        assertThat(TestData.text(
                        dataSource,
                        "SELECT provider || ' ' || role::text || ' ' || is_enabled || ' ' || partner_id"
                                + " FROM users WHERE username = ?",
                        username))
                .isEqualTo("database PARTNER true " + partner);
        Document filtered = admin.page("/ui/users?role=partner&status=enabled&company=p:" + partner);
        assertThat(filtered.select("#users tbody tr[id]")).hasSize(1);
        assertThat(admin.page("/ui/users?q=" + username.toUpperCase(Locale.ROOT))
                        .select("#users tbody tr[id]"))
                .hasSize(1);
        assertThat(admin.page("/ui/users?q=" + username + "&status=disabled").select("#users tbody tr[id]"))
                .isEmpty();
        Response duplicate = admin.post(
                "/ui/users/invite",
                Map.of("username", username, "email", "x-" + username + "@invite.example", "role", "fulfiller"));
        assertThat(duplicate.statusCode()).isBetween(400, 422);
        assertThat(Jsoup.parse(duplicate.asString()).select("[role=alert]").text())
                .isNotBlank();

        ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN, null, null);
        assertThat(restricted.page("/ui/users").select("#role option").eachAttr("value"))
                .doesNotContain("admin")
                .contains("partner");
        String other = "sneaky-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(restricted
                        .post(
                                "/ui/users/invite",
                                Map.of("username", other, "email", other + "@invite.example", "role", "admin"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(TestData.count(dataSource, "SELECT count(*) FROM users WHERE username = ?", other))
                .isZero();

        ConsoleBrowser fulfiller = browser(Role.FULFILLER, null, null);
        assertThat(fulfiller.page("/ui").select("header nav a[href=/ui/users]")).isEmpty();
        assertThat(fulfiller.get("/ui/users").statusCode()).isEqualTo(403);
        assertThat(fulfiller
                        .post(
                                "/ui/users/invite",
                                Map.of("username", other, "email", other + "@invite.example", "role", "partner"))
                        .statusCode())
                .isEqualTo(403);
    }
}
