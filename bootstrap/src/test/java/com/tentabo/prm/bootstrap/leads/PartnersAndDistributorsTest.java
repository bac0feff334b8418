package com.tentabo.prm.bootstrap.leads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class PartnersAndDistributorsTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> company(String name, String registration) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("registration_number", registration);
        body.put("email", "sales@" + name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example");
        body.put("website", "https://www." + name.toLowerCase(Locale.ROOT).replace(' ', '-') + ".example");
        body.put("city", "Lyon");
        return body;
    }

    private String create(String path, Map<String, Object> body) {
        return Api.asAdmin()
                .body(body)
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void givenAdmin_whenCreatingPartner_then201WithLocationAndAuditRow_andDuplicateRegistrationIs409() {
        String u = unique();
        var created = Api.asAdmin()
                .body(company("Acme " + u, "fr-" + u))
                .post("/api/v1/partners")
                .then()
                .statusCode(201)
                .body("name", is("Acme " + u))
                .body("registration_number", is("FR-" + u.toUpperCase(Locale.ROOT)))
                .body("is_active", is(true))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/partners/" + id);
        assertThat(count(
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'partner.created'",
                        UUID.fromString(id)))
                .isEqualTo(1);
        Api.asAdmin()
                .body(company("Other " + u, "FR-" + u))
                .post("/api/v1/partners")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", is("DUPLICATE_VALUE"))
                .body("errors[0].field", is("registration_number"));
    }

    @Test
    void givenMalformedEmailWebsiteOrBody_thenProblem400NamingTheField() {
        Map<String, Object> body = company("Bad " + unique(), null);
        body.put("email", "not-an-email");
        body.put("website", "javascript:alert(1)");
        Api.asAdmin()
                .body(body)
                .post("/api/v1/partners")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("website"));
        Api.asAdmin()
                .body(Map.of("name", "X", "colour", "red"))
                .post("/api/v1/distributors")
                .then()
                .statusCode(400)
                .body("code", is("MALFORMED_REQUEST"));
        Api.asAdmin().get("/api/v1/partners/not-a-uuid").then().statusCode(400).body("code", is("VALIDATION_FAILED"));
        Api.asAdmin().get("/api/v1/partners?limit=0").then().statusCode(400);
        Api.asAdmin().get("/api/v1/partners?is_active=maybe").then().statusCode(400);
        Api.asAdmin().get("/api/v1/partners?cursor=%%%").then().statusCode(400).body("code", is("INVALID_CURSOR"));
        Api.asAdmin()
                .get("/api/v1/partners/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", is("PARTNER_NOT_FOUND"));
    }

    @Test
    void givenABodyThatIsNotJsonOrAnAnswerThatCannotBeJson_then415Or406_onTheSharedRoutesAndTheDistributorsOwn() {
        String distributor = create("/api/v1/distributors", company("Media " + unique(), null));
        for (String path : List.of(
                "/api/v1/partners", "/api/v1/distributors", "/api/v1/distributors/" + distributor + "/partners")) {
            Api.asAdmin()
                    .contentType("text/plain")
                    .body("name=X")
                    .post(path)
                    .then()
                    .statusCode(415)
                    .body("code", is("UNSUPPORTED_MEDIA_TYPE"));
        }
        for (String path : List.of(
                "/api/v1/partners",
                "/api/v1/distributors/" + distributor,
                "/api/v1/distributors/" + distributor + "/partners")) {
            Api.asAdmin().accept("text/csv").get(path).then().statusCode(406);
        }
    }

    @Test
    void givenSeveralPartners_whenSearchingByNameAndActivity_thenKeysetPagesInNameOrder() {
        String u = unique();
        String a = create("/api/v1/partners", company("Zeta " + u + " A", null));
        String b = create("/api/v1/partners", company("Zeta " + u + " B", null));
        Map<String, Object> inactive = company("Zeta " + u + " C", null);
        inactive.put("is_active", false);
        String c = create("/api/v1/partners", inactive);
        String cursor = Api.asAdmin()
                .get("/api/v1/partners?q=zeta " + u + "&limit=2")
                .then()
                .statusCode(200)
                .body("items.id", contains(a, b))
                .body("next_cursor", notNullValue())
                .extract()
                .path("next_cursor");
        Api.asAdmin()
                .get("/api/v1/partners?q=zeta " + u + "&limit=2&cursor=" + cursor)
                .then()
                .statusCode(200)
                .body("items.id", contains(c))
                .body("next_cursor", nullValue());
        Api.asAdmin()
                .get("/api/v1/partners?q=ZETA " + u + "&is_active=false")
                .then()
                .body("items.id", contains(c));
        Api.asAdmin().get("/api/v1/partners?q=%25").then().statusCode(200);
    }

    @Test
    void givenPartnerAndDistributorUsers_thenEachReadsExactlyItsCompanies_andNeitherWrites() {
        String u = unique();
        UUID own = UUID.fromString(create("/api/v1/partners", company("Own " + u, null)));
        UUID other = UUID.fromString(create("/api/v1/partners", company("Other " + u, null)));
        UUID distributor = UUID.fromString(create("/api/v1/distributors", company("Dist " + u, null)));
        TestData.assign(ds, distributor, own, true);
        String partnerUser = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, own, null));
        String distributorUser = TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor));

        Api.as(partnerUser).get("/api/v1/partners/" + own).then().statusCode(200);
        Api.as(partnerUser)
                .get("/api/v1/partners/" + other)
                .then()
                .statusCode(404)
                .body("code", is("PARTNER_NOT_FOUND"));
        Api.as(partnerUser).get("/api/v1/partners").then().body("items.id", contains(own.toString()));
        Api.as(partnerUser).get("/api/v1/distributors/" + distributor).then().statusCode(404);
        Api.as(partnerUser)
                .body(company("Mine " + u, null))
                .post("/api/v1/partners")
                .then()
                .statusCode(403)
                .body("code", is("FORBIDDEN"));

        Api.as(distributorUser)
                .get("/api/v1/distributors/" + distributor)
                .then()
                .statusCode(200);
        Api.as(distributorUser).get("/api/v1/partners/" + own).then().statusCode(200);
        Api.as(distributorUser).get("/api/v1/partners/" + other).then().statusCode(404);
        Api.as(distributorUser).get("/api/v1/partners").then().body("items.id", contains(own.toString()));
        Api.as(distributorUser)
                .get("/api/v1/distributors/" + distributor + "/partners")
                .then()
                .statusCode(200)
                .body("items.partner_id", contains(own.toString()));
        Api.as(distributorUser)
                .body(Map.of("partner_id", other))
                .post("/api/v1/distributors/" + distributor + "/partners")
                .then()
                .statusCode(403);
    }

    @Test
    void givenAssignment_whenDeactivatedReactivatedAndRemoved_thenDistributorScopeFollows() {
        String u = unique();
        UUID partner = UUID.fromString(create("/api/v1/partners", company("Assigned " + u, null)));
        UUID distributor = UUID.fromString(create("/api/v1/distributors", company("Assigning " + u, null)));
        String distributorUser = TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor));
        String base = "/api/v1/distributors/" + distributor + "/partners";

        String assignment = Api.asAdmin()
                .body(Map.of("partner_id", partner, "notes", "EMEA reseller"))
                .post(base)
                .then()
                .statusCode(201)
                .body("partner_id", is(partner.toString()))
                .body("is_active", is(true))
                .body("assigned_by", notNullValue())
                .body("assigned_at", notNullValue())
                .extract()
                .path("id");
        Api.asAdmin()
                .body(Map.of("partner_id", partner))
                .post(base)
                .then()
                .statusCode(409)
                .body("code", is("ASSIGNMENT_EXISTS"));
        Api.asAdmin()
                .body(Map.of("partner_id", UUID.randomUUID()))
                .post(base)
                .then()
                .statusCode(422);
        Api.as(distributorUser).get("/api/v1/partners/" + partner).then().statusCode(200);

        Api.asAdmin()
                .body(Map.of("is_active", false))
                .put(base + "/" + partner)
                .then()
                .statusCode(200)
                .body("is_active", is(false));
        Api.as(distributorUser).get("/api/v1/partners/" + partner).then().statusCode(404);
        Api.asAdmin().get(base + "?is_active=false").then().body("items.partner_id", contains(partner.toString()));
        Api.asAdmin().get(base + "?is_active=true").then().body("items", hasSize(0));

        Api.asAdmin()
                .body(Map.of("is_active", true))
                .put(base + "/" + partner)
                .then()
                .statusCode(200)
                .body("is_active", is(true));
        Api.as(distributorUser).get("/api/v1/partners/" + partner).then().statusCode(200);

        Api.asAdmin().delete(base + "/" + partner).then().statusCode(204);
        Api.as(distributorUser).get("/api/v1/partners/" + partner).then().statusCode(404);
        Api.asAdmin().delete(base + "/" + partner).then().statusCode(404).body("code", is("ASSIGNMENT_NOT_FOUND"));
        assertThat(count(
                        "SELECT count(*) FROM audit_logs WHERE entity_type = 'distributor_partner' AND entity_id = ?",
                        UUID.fromString(assignment)))
                .isEqualTo(4);
    }

    @Test
    void givenCompanyWithLeads_whenDeleted_then409_butUnusedCompanyIsDeleted() {
        String u = unique();
        UUID used = UUID.fromString(create("/api/v1/partners", company("Used " + u, null)));
        UUID usedDistributor = UUID.fromString(create("/api/v1/distributors", company("UsedD " + u, null)));
        // a lead names a partner and a distributor only when an active assignment links them
        Api.asAdmin()
                .body(Map.of("partner_id", used))
                .post("/api/v1/distributors/" + usedDistributor + "/partners")
                .then()
                .statusCode(201);
        Api.asAdmin()
                .body(Map.of(
                        "title",
                        "Deal",
                        "organization",
                        "Org",
                        "contact_name",
                        "C",
                        "partner_id",
                        used,
                        "distributor_id",
                        usedDistributor))
                .post("/api/v1/leads")
                .then()
                .statusCode(201);
        Api.asAdmin()
                .delete("/api/v1/partners/" + used)
                .then()
                .statusCode(409)
                .body("code", is("COMPANY_IN_USE"))
                .body("detail", containsString("deactivate"));
        Api.asAdmin()
                .delete("/api/v1/distributors/" + usedDistributor)
                .then()
                .statusCode(409)
                .body("code", is("COMPANY_IN_USE"));
        Map<String, Object> deactivate = company("Used " + u, null);
        deactivate.put("is_active", false);
        Api.asAdmin()
                .body(deactivate)
                .put("/api/v1/partners/" + used)
                .then()
                .statusCode(200)
                .body("is_active", is(false));

        UUID unused = UUID.fromString(create("/api/v1/partners", company("Unused " + u, null)));
        Api.asAdmin().delete("/api/v1/partners/" + unused).then().statusCode(204);
        Api.asAdmin().get("/api/v1/partners/" + unused).then().statusCode(404);
        Api.asAdmin().get("/api/v1/partners?q=unused " + u).then().body("items.id", not(hasItem(unused.toString())));
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'partner.deleted'", unused))
                .isEqualTo(1);
    }

    @Test
    void givenLegacyCompaniesBreakingTodaysRules_thenTheyAreListedAndShownAsStored_andAChangeMustFixThem() {
        legacyCompany("partners", Role.PARTNER);
        legacyCompany("distributors", Role.DISTRIBUTOR);
    }

    /** A row of {@code table} as the replaced system let it in, read by the admin and by a user of the company. */
    private void legacyCompany(String table, Role role) {
        UUID id = UUID.randomUUID();
        String registration = "fr#" + unique();
        TestData.exec(
                ds,
                "INSERT INTO " + table + " (id, name, registration_number, email, phone, website, notes, "
                        + "is_active) VALUES (?, '  ', ?, 'sales at initech', 'ask Bill', 'www.initech', ?, true)",
                id,
                registration,
                "n".repeat(10_001));
        String path = "/api/v1/" + table;
        String member = TestData.tokenFor(
                tokens, role == Role.PARTNER ? TestData.user(ds, role, id, null) : TestData.user(ds, role, null, id));

        assertThat(Api.everyId(path)).contains(id.toString());
        Api.as(member)
                .get(path)
                .then()
                .statusCode(200)
                .body("items.id", contains(id.toString()))
                .body("items[0].name", is("  "))
                .body("items[0].email", is("sales at initech"));
        Api.asAdmin()
                .get(path + "/" + id)
                .then()
                .statusCode(200)
                .body("name", is("  "))
                .body("registration_number", is(registration))
                .body("email", is("sales at initech"))
                .body("phone", is("ask Bill"))
                .body("website", is("www.initech"))
                .body("notes.length()", is(10_001));

        Map<String, Object> change = company("Initech", registration);
        change.put("email", "sales at initech");
        change.put("website", "www.initech");
        Api.asAdmin()
                .body(change)
                .put(path + "/" + id)
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"))
                .body("errors.field", containsInAnyOrder("registration_number", "email", "website"));
        assertThat(TestData.text(ds, "SELECT name || '|' || email FROM " + table + " WHERE id = ?", id))
                .isEqualTo("  |sales at initech");
        change.put("registration_number", "FR-" + unique());
        change.put("email", "sales@initech.example");
        change.put("website", "https://www.initech.example");
        Api.asAdmin()
                .body(change)
                .put(path + "/" + id)
                .then()
                .statusCode(200)
                .body("name", is("Initech"))
                .body("email", is("sales@initech.example"));
    }

    private long count(String sql, Object param) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
