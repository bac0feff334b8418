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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresResource.class)
class LeadPipelineApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    private static Map<String, Object> lead(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("organization", "Globex " + title);
        body.put("contact_name", "Hank Scorpio");
        body.put(
                "contact_email",
                "hank@globex-" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".example");
        body.put("value", "12500.5");
        body.put("currency", "eur");
        body.put("probability", 30);
        body.put("expected_close_date", "2026-06-30T00:00:00Z");
        return body;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String create(String token, Map<String, Object> body) {
        return Api.as(token)
                .body(body)
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void move(String token, String id, String status) {
        Api.as(token)
                .body(Map.of("status", status, "reason", "moving to " + status))
                .post("/api/v1/leads/" + id + "/status")
                .then()
                .statusCode(200)
                .body("status", is(status));
    }

    @Test
    void givenPartnerUser_whenRunningThePipeline_thenEveryChangeIsHistoryAndAudit_andOnlyAWonLeadConverts() {
        UUID partner = TestData.partner(ds, "Pipeline " + unique());
        UUID user = TestData.user(ds, Role.PARTNER, partner, null);
        String token = TestData.tokenFor(tokens, user);

        String id = Api.as(token)
                .body(lead("Firewall " + unique()))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .body("status", is("new"))
                .body("owner_id", is(user.toString()))
                .body("partner_id", is(partner.toString()))
                .body("distributor_id", nullValue())
                .body("value", is("12500.50"))
                .body("currency", is("EUR"))
                .body("provider_name", is("tentabo"))
                .extract()
                .path("id");
        move(token, id, "contacted");
        move(token, id, "proposal");
        move(token, id, "won");
        Api.as(token)
                .body(Map.of("status", "lost", "reason", "changed mind"))
                .post("/api/v1/leads/" + id + "/status")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", is("ILLEGAL_LEAD_TRANSITION"))
                .body("detail", containsString("from won to lost"));

        Api.as(token)
                .get("/api/v1/leads/" + id + "/status-history")
                .then()
                .statusCode(200)
                .body("items.old_status", contains(null, "new", "contacted", "proposal"))
                .body("items.new_status", contains("new", "contacted", "proposal", "won"))
                .body("items[3].reason", is("moving to won"))
                .body("items[3].changed_by_user_id", is(user.toString()));
        assertThat(count("SELECT count(*) FROM lead_status_history WHERE lead_id = ?", UUID.fromString(id)))
                .isEqualTo(4);
        assertThat(count(
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'lead.status_changed' "
                                + "AND changes -> 'status' ->> 'before' = 'PROPOSAL' AND changes -> 'status' ->> 'after' = 'WON'",
                        UUID.fromString(id)))
                .isEqualTo(1);

        // conversion needs the order's items (the full conversion is in OrderToContractEndToEndTest)
        Api.as(token)
                .post("/api/v1/leads/" + id + "/convert")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", is("VALIDATION_FAILED"));
        Map<String, Object> someItems = Map.of(
                "items",
                List.of(Map.of(
                        "product_id",
                        UUID.randomUUID().toString(),
                        "duration_id",
                        UUID.randomUUID().toString(),
                        "quantity",
                        1)));
        String open = create(token, lead("Open " + unique()));
        Api.as(token)
                .body(someItems)
                .post("/api/v1/leads/" + open + "/convert")
                .then()
                .statusCode(422)
                .body("code", is("LEAD_NOT_WON"));
    }

    @Test
    void givenLeadUpdate_thenAuditRecordsOnlyTheChangedFields() {
        String id = create(Api.adminToken(), lead("Audit " + unique()));
        Map<String, Object> changed = lead("Audit changed");
        changed.put("probability", 80);
        changed.put("value", "12500.50");
        changed.remove("title");
        changed.put("title", "Audit renamed");
        changed.put(
                "organization",
                Api.asAdmin().get("/api/v1/leads/" + id).then().extract().path("organization"));
        changed.put(
                "contact_email",
                Api.asAdmin().get("/api/v1/leads/" + id).then().extract().path("contact_email"));
        Api.asAdmin()
                .body(changed)
                .put("/api/v1/leads/" + id)
                .then()
                .statusCode(200)
                .body("probability", is(80));
        String changes = text(
                "SELECT changes::text FROM audit_logs WHERE entity_id = ? AND action = 'lead.updated'",
                UUID.fromString(id));
        assertThat(changes)
                .contains("\"probability\"", "\"title\"")
                .doesNotContain("\"value\"", "\"organization\"", "\"currency\"");
    }

    @Test
    void givenDistributorUser_thenSeesItsOwnAndAssignedPartnersLeadsOnly_andCreatesOnlyInScope() {
        String u = unique();
        UUID distributor = TestData.distributor(ds, "D " + u);
        UUID assigned = TestData.partner(ds, "Assigned " + u);
        UUID inactive = TestData.partner(ds, "Inactive " + u);
        UUID stranger = TestData.partner(ds, "Stranger " + u);
        TestData.assign(ds, distributor, assigned, true);
        TestData.assign(ds, distributor, inactive, false);
        String distributorToken = TestData.tokenFor(tokens, TestData.user(ds, Role.DISTRIBUTOR, null, distributor));
        String assignedToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, assigned, null));
        String strangerToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, stranger, null));
        String inactiveToken = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, inactive, null));

        // a partner with exactly one active assignment stamps that distributor on its leads
        String ofAssigned = Api.as(assignedToken)
                .body(lead("A " + u))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .body("distributor_id", is(distributor.toString()))
                .extract()
                .path("id");
        String ofStranger = create(strangerToken, lead("S " + u));
        String ofInactive = create(inactiveToken, lead("I " + u));
        Map<String, Object> own = lead("Own " + u);
        String ofDistributor = Api.as(distributorToken)
                .body(own)
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .body("distributor_id", is(distributor.toString()))
                .body("partner_id", nullValue())
                .extract()
                .path("id");
        Map<String, Object> forPartner = lead("ForPartner " + u);
        forPartner.put("partner_id", assigned);
        String ofDistributorForPartner = Api.as(distributorToken)
                .body(forPartner)
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .body("partner_id", is(assigned.toString()))
                .extract()
                .path("id");
        Map<String, Object> forStranger = lead("Refused " + u);
        forStranger.put("partner_id", stranger);
        Api.as(distributorToken)
                .body(forStranger)
                .post("/api/v1/leads")
                .then()
                .statusCode(404)
                .body("code", is("PARTNER_NOT_FOUND"));

        Api.as(distributorToken)
                .get("/api/v1/leads?q=" + u + "&limit=200")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(ofAssigned, ofDistributor, ofDistributorForPartner));
        Api.as(distributorToken)
                .get("/api/v1/leads/" + ofStranger)
                .then()
                .statusCode(404)
                .body("code", is("LEAD_NOT_FOUND"));
        Api.as(distributorToken).get("/api/v1/leads/" + ofInactive).then().statusCode(404);
        Api.as(distributorToken)
                .body(Map.of("status", "lost"))
                .post("/api/v1/leads/" + ofStranger + "/status")
                .then()
                .statusCode(404);
        Api.as(distributorToken)
                .get("/api/v1/leads/" + ofStranger + "/status-history")
                .then()
                .statusCode(404);
        move(distributorToken, ofAssigned, "contacted");

        Api.as(strangerToken).get("/api/v1/leads?q=" + u).then().body("items.id", contains(ofStranger));
        Api.as(strangerToken).get("/api/v1/leads/" + ofAssigned).then().statusCode(404);
        Api.as(assignedToken)
                .get("/api/v1/leads?q=" + u)
                .then()
                .body("items.id", containsInAnyOrder(ofAssigned, ofDistributorForPartner));
        Map<String, Object> foreign = lead("Foreign " + u);
        foreign.put("partner_id", stranger);
        Api.as(assignedToken).body(foreign).post("/api/v1/leads").then().statusCode(404);
    }

    @Test
    void givenOwnershipRules_thenOnlyAdminReassignsAndDeletes() {
        UUID partner = TestData.partner(ds, "Owners " + unique());
        UUID user = TestData.user(ds, Role.PARTNER, partner, null);
        UUID colleague = TestData.user(ds, Role.PARTNER, partner, null);
        String token = TestData.tokenFor(tokens, user);
        String id = create(token, lead("Owned " + unique()));

        Api.as(token)
                .body(Map.of("owner_id", colleague))
                .put("/api/v1/leads/" + id + "/owner")
                .then()
                .statusCode(403);
        Map<String, Object> withOwner = lead("Chosen owner " + unique());
        withOwner.put("owner_id", colleague);
        Api.as(token).body(withOwner).post("/api/v1/leads").then().statusCode(403);
        Api.asAdmin()
                .body(Map.of("owner_id", colleague))
                .put("/api/v1/leads/" + id + "/owner")
                .then()
                .statusCode(200)
                .body("owner_id", is(colleague.toString()));
        Api.asAdmin()
                .body(Map.of("owner_id", UUID.randomUUID()))
                .put("/api/v1/leads/" + id + "/owner")
                .then()
                .statusCode(422);
        withOwner.put("partner_id", partner);
        Api.asAdmin()
                .body(withOwner)
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .body("owner_id", is(colleague.toString()));

        // a lost lead is reopened by its owner or an admin only
        move(token, id, "lost");
        Api.as(token)
                .body(Map.of("status", "new"))
                .post("/api/v1/leads/" + id + "/status")
                .then()
                .statusCode(403);
        move(TestData.tokenFor(tokens, colleague), id, "new");

        Api.as(token).delete("/api/v1/leads/" + id).then().statusCode(403);
        Api.asAdmin().delete("/api/v1/leads/" + id).then().statusCode(204);
        Api.asAdmin().get("/api/v1/leads/" + id).then().statusCode(404);
        assertThat(count(
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'lead.deleted'",
                        UUID.fromString(id)))
                .isEqualTo(1);
    }

    @Test
    void givenActivitiesAndNotes_thenDoneSetsDoneAt_undoneClearsIt_andGetIncludesThem() {
        UUID partner = TestData.partner(ds, "Follow " + unique());
        String token = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        String id = create(token, lead("Follow " + unique()));
        String base = "/api/v1/leads/" + id;

        String activity = Api.as(token)
                .body(Map.of("activity_type", "CALL", "subject", "Intro call", "due_date", "2026-02-01T10:00:00Z"))
                .post(base + "/activities")
                .then()
                .statusCode(201)
                .body("activity_type", is("call"))
                .body("done", is(false))
                .body("done_at", nullValue())
                .extract()
                .path("id");
        Api.as(token)
                .body(Map.of("activity_type", "meeting", "subject", "Demo"))
                .post(base + "/activities")
                .then()
                .statusCode(201);
        Api.as(token)
                .body(Map.of("activity_type", "telepathy"))
                .post(base + "/activities")
                .then()
                .statusCode(400);
        Api.as(token)
                .body(Map.of("done", true))
                .put(base + "/activities/" + activity + "/done")
                .then()
                .statusCode(200)
                .body("done", is(true))
                .body("done_at", notNullValue());
        Api.as(token)
                .body(Map.of("done", false))
                .put(base + "/activities/" + activity + "/done")
                .then()
                .statusCode(200)
                .body("done", is(false))
                .body("done_at", nullValue());
        Api.as(token)
                .body(Map.of("done", true))
                .put(base + "/activities/" + UUID.randomUUID() + "/done")
                .then()
                .statusCode(404)
                .body("code", is("LEAD_ACTIVITY_NOT_FOUND"));
        String note = Api.as(token)
                .body(Map.of("content", "Wants a 3-year deal"))
                .post(base + "/notes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(token).body(Map.of("content", "  ")).post(base + "/notes").then().statusCode(400);

        Api.as(token)
                .get(base + "?include=activities,notes&include=status_history")
                .then()
                .statusCode(200)
                .body("activities.subject", contains("Intro call", "Demo"))
                .body("notes.content", contains("Wants a 3-year deal"))
                .body("status_history", hasSize(1));
        Api.as(token).get(base).then().body("activities", nullValue());
        Api.as(token).get(base + "?include=secrets").then().statusCode(400);

        Api.as(token).delete(base + "/notes/" + note).then().statusCode(204);
        Api.as(token).delete(base + "/activities/" + activity).then().statusCode(204);
        Api.as(token).get(base + "/activities").then().body("items", hasSize(1));
        Api.as(token).get(base + "/notes").then().body("items", hasSize(0));
        assertThat(count("SELECT count(*) FROM audit_logs WHERE entity_id = ?", UUID.fromString(activity)))
                .isEqualTo(4);
    }

    @Test
    void givenManyLeads_whenListingWithFiltersAndCursor_thenStableNewestFirstPages() {
        UUID partner = TestData.partner(ds, "Lister " + unique());
        String token = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partner, null));
        String u = unique();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(0, create(token, lead("Listed" + u + " " + i)));
        }
        move(token, ids.get(0), "qualified");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = Api.as(token)
                    .get("/api/v1/leads?q=listed" + u + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .then()
                    .statusCode(200)
                    .extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("next_cursor");
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(ids);
        Api.as(token)
                .get("/api/v1/leads?q=listed" + u + "&status=QUALIFIED")
                .then()
                .body("items.id", contains(ids.get(0)));
        Api.as(token)
                .get("/api/v1/leads?q=listed" + u + "&status=new,qualified")
                .then()
                .body("items", hasSize(5));
        Api.as(token)
                .get("/api/v1/leads?q=listed" + u + "&expected_close_from=2026-06-01&expected_close_to=2026-07-01")
                .then()
                .body("items", hasSize(5));
        Api.as(token)
                .get("/api/v1/leads?q=listed" + u + "&expected_close_to=2026-06-01")
                .then()
                .body("items", hasSize(0));
        Api.as(token)
                .get("/api/v1/leads?q=listed" + u + "&provider=hubspot")
                .then()
                .body("items", hasSize(0));
        Api.as(token).get("/api/v1/leads?q=hank@globex-listed" + u).then().body("items", hasSize(5));

        Api.as(token).get("/api/v1/leads?status=bogus").then().statusCode(400).body("errors[0].field", is("status"));
        Api.as(token).get("/api/v1/leads?limit=500").then().statusCode(400);
        Api.as(token)
                .get("/api/v1/leads?cursor=bm90LWEtY3Vyc29y")
                .then()
                .statusCode(400)
                .body("code", is("INVALID_CURSOR"));
        Api.as(token).get("/api/v1/leads?owner_id=42").then().statusCode(400);
        Api.as(token).get("/api/v1/leads?expected_close_from=yesterday").then().statusCode(400);
        Api.as(token)
                .get("/api/v1/leads?q=" + "%27%3B%20DROP%20TABLE%20leads%3B%20--")
                .then()
                .statusCode(200);
    }

    @Test
    void givenHostileOrAbsurdInput_thenProblem4xxNever500() {
        Map<String, Object> negative = lead("Neg " + unique());
        negative.put("value", "-5");
        Api.asAdmin()
                .body(negative)
                .post("/api/v1/leads")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("value"));
        Map<String, Object> huge = lead("Huge " + unique());
        huge.put("value", "1e30");
        Api.asAdmin().body(huge).post("/api/v1/leads").then().statusCode(400);
        Map<String, Object> badProbability = lead("Prob " + unique());
        badProbability.put("probability", 101);
        Api.asAdmin()
                .body(badProbability)
                .post("/api/v1/leads")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("probability"));
        Map<String, Object> missingPartner = lead("Missing " + unique());
        missingPartner.put("partner_id", UUID.randomUUID());
        Api.asAdmin().body(missingPartner).post("/api/v1/leads").then().statusCode(422);
        Api.asAdmin().body(Map.of("title", "x")).post("/api/v1/leads").then().statusCode(400);
        Api.asAdmin().body("{\"title\": ").post("/api/v1/leads").then().statusCode(400);
        Api.asAdmin()
                .body(Map.of("status", "promoted"))
                .post("/api/v1/leads/" + UUID.randomUUID() + "/status")
                .then()
                .statusCode(400);
        Api.asAdmin().get("/api/v1/leads/123").then().statusCode(400);
        String fulfiller = TestData.tokenFor(tokens, TestData.user(ds, Role.FULFILLER, null, null));
        Api.as(fulfiller).get("/api/v1/leads").then().statusCode(403);
        Api.asAdmin().get("/api/v1/leads?limit=1").then().statusCode(200).body("items", not(hasSize(2)));
    }

    private long count(String sql, Object param) {
        return Long.parseLong(text(sql, param));
    }

    private String text(String sql, Object param) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenALegacyLeadBreakingTodaysRules_thenItIsListedAndShown_andAChangeMustFixIt() {
        UUID partner = TestData.partner(ds, "Legacy " + unique());
        UUID owner = TestData.user(ds, Role.PARTNER, partner, null);
        String id = UUID.randomUUID().toString();
        TestData.exec(
                ds,
                "INSERT INTO leads (id, provider_name, title, organization, contact_name, contact_email, value, "
                        + "currency, probability, status, owner_id, partner_id) VALUES (?::uuid, 'legacy', 'Old deal', 'Initech', "
                        + "'Bill', 'bill at initech', 100.00, 'eu', 50, 'NEW', ?, ?)",
                id,
                owner,
                partner);
        String token = TestData.tokenFor(tokens, owner);

        Api.as(token).get("/api/v1/leads").then().statusCode(200).body("items.id", hasItem(id));
        Api.as(token)
                .get("/api/v1/leads/" + id)
                .then()
                .statusCode(200)
                .body("contact_email", is("bill at initech"))
                .body("currency", is("eu"))
                .body("probability", is(50));
        Map<String, Object> change = lead("Old deal");
        change.put("contact_email", "bill at initech");
        Api.as(token)
                .body(change)
                .put("/api/v1/leads/" + id)
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
    }

    @Test
    void
            givenLegacyActivitiesAndNotesBreakingTodaysRules_thenTheyAreListedAsStored_andOnlyWhatAChangeWritesIsChecked() {
        UUID partner = TestData.partner(ds, "Legacy notes " + unique());
        UUID owner = TestData.user(ds, Role.PARTNER, partner, null);
        UUID lead = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO leads (id, provider_name, title, organization, contact_name, status, owner_id, "
                        + "partner_id) VALUES (?, 'legacy', 'Old deal', 'Initech', 'Bill', 'NEW', ?, ?)",
                lead,
                owner,
                partner);
        String longText = "x".repeat(10_001);
        UUID activity = UUID.randomUUID();
        TestData.exec(
                ds,
                "INSERT INTO lead_activities (id, lead_id, provider_name, activity_type, subject, description, "
                        + "done) VALUES (?, ?, 'legacy', 'Phone call', '  Intro  ', ?, 'no')",
                activity,
                lead,
                longText);
        TestData.exec(ds, "INSERT INTO lead_notes (lead_id, content) VALUES (?, '   '), (?, ?)", lead, lead, longText);
        String token = TestData.tokenFor(tokens, owner);
        String base = "/api/v1/leads/" + lead;

        Api.as(token)
                .get(base + "/activities")
                .then()
                .statusCode(200)
                .body("items.id", contains(activity.toString()))
                .body("items[0].activity_type", is("other"))
                .body("items[0].subject", is("  Intro  "))
                .body("items[0].description.length()", is(10_001))
                .body("items[0].done", is(false));
        Api.as(token)
                .get(base + "/notes")
                .then()
                .statusCode(200)
                .body("items.content", containsInAnyOrder("   ", longText));
        Api.as(token)
                .get(base + "?include=activities,notes")
                .then()
                .statusCode(200)
                .body("activities.size()", is(1))
                .body("notes.size()", is(2));

        // marking done writes done and done_at only: the stored texts and the type's spelling stay
        Api.as(token)
                .body(Map.of("done", true))
                .put(base + "/activities/" + activity + "/done")
                .then()
                .statusCode(200)
                .body("done", is(true))
                .body("subject", is("  Intro  "))
                .body("description.length()", is(10_001));
        assertThat(text(
                        "SELECT activity_type || '|' || subject || '|' || done || '|' || length(description) "
                                + "FROM lead_activities WHERE id = ?",
                        activity))
                .isEqualTo("Phone call|  Intro  |true|10001");
        // a revision writes subject and description: they are checked (and trimmed) like any input
        Api.as(token)
                .body(Map.of("activity_type", "call", "subject", "  Intro  ", "description", longText))
                .put(base + "/activities/" + activity)
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        Api.as(token)
                .body(Map.of("activity_type", "call", "subject", "  Intro  ", "description", "shorter"))
                .put(base + "/activities/" + activity)
                .then()
                .statusCode(200)
                .body("activity_type", is("call"))
                .body("subject", is("Intro"))
                .body("done", is(true));
        assertThat(text("SELECT activity_type FROM lead_activities WHERE id = ?", activity))
                .isEqualTo("call");
    }
}
