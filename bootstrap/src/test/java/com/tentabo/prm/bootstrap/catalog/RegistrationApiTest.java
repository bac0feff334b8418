package com.tentabo.prm.bootstrap.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.registration.port.in.ExpireRegistrationsUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deal registration end to end: a partner registers, a second partner's registration for the same customer is caught
 * without either learning of the other, staff approve the first, its order is priced with the level discount and the
 * registration bonus (docs/pricing.md example 9), and a lapsed protection expires by itself.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RegistrationApiTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    ExpireRegistrationsUseCase expiry;

    UUID partnerA;
    UUID partnerB;
    String nameA;
    String tokenA;
    String tokenB;
    String staff;
    String customer;
    String domain;

    @BeforeEach
    void setUp() {
        nameA = "Channel A " + UUID.randomUUID();
        partnerA = TestData.partner(ds, nameA);
        partnerB = TestData.partner(ds, "Channel B " + UUID.randomUUID());
        tokenA = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partnerA, null));
        tokenB = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partnerB, null));
        staff = TestData.tokenFor(tokens, TestData.user(ds, Role.RESTRICTED_ADMIN, null, null));
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        customer = "Zorglub Industries " + tag;
        domain = "zorglub-" + tag + ".example";
    }

    String lead(String token, String organization) {
        return Api.as(token)
                .body(Map.of(
                        "title",
                        "Backup deal",
                        "organization",
                        organization,
                        "contact_name",
                        "Jane Roe",
                        "contact_email",
                        "jane@" + domain))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    String register(String token, String leadId, String organization) {
        return Api.as(token)
                .body(Map.of(
                        "organization",
                        organization,
                        "domain",
                        "https://www." + domain,
                        "expected_products",
                        "Cloud backup",
                        "expected_value",
                        "9000.00"))
                .post("/api/v1/leads/{id}/registration", leadId)
                .then()
                .statusCode(201)
                .body("status", is("submitted"))
                .body("review", is("under_review"))
                .body("conflict", nullValue())
                .body("matches", nullValue())
                .extract()
                .path("id");
    }

    @Test
    void givenTwoPartnersForOneCustomer_theSecondIsCaught_staffApproveTheFirst_itsOrderGetsLevelAndBonus() {
        String level = Api.asAdmin()
                .body(Map.of(
                        "name",
                        "Gold " + UUID.randomUUID(),
                        "rank",
                        ThreadLocalRandom.current().nextInt(1, 1000),
                        "discount_percentage",
                        "15",
                        "registration_bonus_percentage",
                        "5",
                        "protection_days",
                        60))
                .post("/api/v1/programme/levels")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Api.as(staff)
                .body(Map.of("level_id", level, "reason", "signed the Gold agreement"))
                .put("/api/v1/programme/partners/{id}/level", partnerA)
                .then()
                .statusCode(200);
        Api.as(tokenA)
                .get("/api/v1/programme/me")
                .then()
                .statusCode(200)
                .body("level.id", is(level))
                .body("level.discount_percentage", is("15.00"));

        String leadA = lead(tokenA, customer + " SAS");
        String regA = register(tokenA, leadA, customer + " SAS");
        String leadB = lead(tokenB, customer.toUpperCase(Locale.ROOT) + " GmbH");
        String regB = register(tokenB, leadB, customer.toUpperCase(Locale.ROOT) + " GmbH");

        // the partner learns nothing about the other tenant
        String seenByB = Api.as(tokenB)
                .get("/api/v1/registrations/{id}", regB)
                .then()
                .statusCode(200)
                .body("review", is("under_review"))
                .extract()
                .asString();
        assertThat(seenByB).doesNotContain(partnerA.toString(), nameA, regA, leadA, "conflict", "overlap", "matches");
        Api.as(tokenB).get("/api/v1/registrations/{id}", regA).then().statusCode(404);
        String listedForB = Api.as(tokenB)
                .get("/api/v1/registrations")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(listedForB).doesNotContain(regA, nameA);
        Api.as(tokenB).get("/api/v1/registrations?conflict=overlap").then().statusCode(400);

        // staff see both sides
        Api.as(staff)
                .get("/api/v1/registrations/{id}", regB)
                .then()
                .statusCode(200)
                .body("conflict", is("overlap"))
                .body("matches.id", hasItem(regA))
                .body("matches.partner_name", hasItem(nameA));
        Api.as(staff)
                .body(Map.of("decision", "approve", "reason", "first to register"))
                .post("/api/v1/registrations/{id}/decisions", regA)
                .then()
                .statusCode(200)
                .body("status", is("approved"))
                .body("protection_ends_at", notNullValue());
        Api.as(tokenA)
                .body(Map.of("decision", "approve", "reason", "me"))
                .post("/api/v1/registrations/{id}/decisions", regB)
                .then()
                .statusCode(403);
        Api.as(staff)
                .body(Map.of("decision", "approve", "reason", "again"))
                .post("/api/v1/registrations/{id}/decisions", regA)
                .then()
                .statusCode(422)
                .body("code", is("ILLEGAL_REGISTRATION_TRANSITION"));

        // a later registration for the protected customer is a CONFLICT for staff, "under review" for the partner
        String regB2 = register(tokenB, lead(tokenB, customer + " Ltd"), customer + " Ltd");
        Api.as(staff).get("/api/v1/registrations/{id}", regB2).then().body("conflict", is("conflict"));
        Api.as(tokenB)
                .get("/api/v1/registrations/{id}", regB2)
                .then()
                .body("status", is("submitted"))
                .body("conflict", nullValue());

        // another partner's order for the protected customer is flagged to staff, not blocked
        String product = CatalogFixtures.product("Registered backup", "volume", CatalogFixtures.tiersA());
        String duration = CatalogFixtures.duration(ds, 12, "10.00");
        Api.as(tokenB)
                .body(Map.of("status", "won", "reason", "signed too"))
                .post("/api/v1/leads/{id}/status", leadB)
                .then()
                .statusCode(200);
        String orderB = Api.as(tokenB)
                .body(Map.of("items", List.of(Map.of("product_id", product, "quantity", 60, "duration_id", duration))))
                .post("/api/v1/leads/{id}/convert", leadB)
                .then()
                .statusCode(201)
                .body("total_amount", is("9720.00"))
                .body("items[0].partner_discount_percentage", is("0.00"))
                .extract()
                .path("id");
        Api.as(staff).get("/api/v1/registrations/{id}", regA).then().body("flagged_order_ids", hasItem(orderB));
        String seenByA = Api.as(tokenA)
                .get("/api/v1/registrations/{id}", regA)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(seenByA).doesNotContain(orderB, partnerB.toString(), "flagged");

        // the first partner wins the deal: its order gets p = 15 and b = 5 (pricing example 9)
        Api.as(tokenA)
                .body(Map.of("status", "won", "reason", "signed"))
                .post("/api/v1/leads/{id}/status", leadA)
                .then()
                .statusCode(200);
        String order = Api.as(tokenA)
                .body(Map.of("items", List.of(Map.of("product_id", product, "quantity", 60, "duration_id", duration))))
                .post("/api/v1/leads/{id}/convert", leadA)
                .then()
                .statusCode(201)
                .body("subtotal", is("9000.00"))
                .body("discount_amount", is("2520.00"))
                .body("tax_amount", is("1296.00"))
                .body("total_amount", is("7776.00"))
                .body("items[0].discount_percentage", is("10.00"))
                .body("items[0].partner_discount_percentage", is("15.00"))
                .body("items[0].registration_bonus_percentage", is("5.00"))
                .extract()
                .path("id");
        Api.as(tokenA)
                .get("/api/v1/registrations/{id}", regA)
                .then()
                .body("status", is("converted"))
                .body("order_ids", hasItem(order));
        Api.as(tokenA)
                .get("/api/v1/registrations/{id}/history", regA)
                .then()
                .statusCode(200)
                .body("items.action", is(List.of("submit", "approve", "convert")));
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_type = 'registration' AND entity_id = ?",
                        UUID.fromString(regA)))
                .isEqualTo(3);

        // a quote for the partner shows its level discount (no bonus); staff quoting for no partner price as before
        Api.as(tokenA)
                .body(Map.of("items", List.of(Map.of("product_id", product, "quantity", 60, "duration_id", duration))))
                .post("/api/v1/quotes")
                .then()
                .statusCode(200)
                .body("total_amount", is("8262.00"))
                .body("items[0].partner_discount_percentage", is("15.00"));
        Api.as(staff)
                .body(Map.of("items", List.of(Map.of("product_id", product, "quantity", 60, "duration_id", duration))))
                .post("/api/v1/quotes")
                .then()
                .statusCode(200)
                .body("total_amount", is("9720.00"));
    }

    @Test
    void givenAnApprovedRegistrationWhoseWindowEnded_theDailyJob_expiresIt() {
        String reg = register(tokenA, lead(tokenA, customer), customer);
        Api.as(staff)
                .body(Map.of("decision", "approve", "reason", "ok"))
                .post("/api/v1/registrations/{id}/decisions", reg)
                .then()
                .statusCode(200);
        TestData.exec(
                ds,
                "UPDATE registrations SET protection_ends_at = now() - interval '1 minute' WHERE id = ?",
                UUID.fromString(reg));

        assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);
        assertThat(expiry.expireDue()).isZero();

        Api.as(tokenA).get("/api/v1/registrations/{id}", reg).then().body("status", is("expired"));
        Api.as(tokenA)
                .get("/api/v1/registrations/{id}/history", reg)
                .then()
                .body("items.action", is(List.of("submit", "approve", "expire")));
    }

    @Test
    void givenBadInput_registration_answersAClearProblem() {
        String leadId = lead(tokenA, customer);
        Api.as(tokenA)
                .body(Map.of("organization", customer, "registration_number", "732829321"))
                .post("/api/v1/leads/{id}/registration", leadId)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", is("registration_number"));
        Api.as(staff)
                .body(Map.of("organization", customer))
                .post("/api/v1/leads/{id}/registration", leadId)
                .then()
                .statusCode(403);
        Api.as(tokenB)
                .body(Map.of("organization", customer))
                .post("/api/v1/leads/{id}/registration", leadId)
                .then()
                .statusCode(404)
                .body("code", is("LEAD_NOT_FOUND"));
        register(tokenA, leadId, customer);
        Api.as(tokenA)
                .body(Map.of("organization", customer))
                .post("/api/v1/leads/{id}/registration", leadId)
                .then()
                .statusCode(409)
                .body("code", is("REGISTRATION_EXISTS"));
        Api.as(staff)
                .body(Map.of("decision", "maybe", "reason", "x"))
                .post("/api/v1/registrations/{id}/decisions", UUID.randomUUID())
                .then()
                .statusCode(400);
        Api.as(staff)
                .body(Map.of("decision", "approve", "reason", "x"))
                .post("/api/v1/registrations/{id}/decisions", UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", is("REGISTRATION_NOT_FOUND"));
    }
}
