package com.tentabo.prm.bootstrap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.notification.port.in.SendRemindersUseCase;
import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
import com.tentabo.prm.application.registration.port.in.ExpireRegistrationsUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestMail;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deal-registration events by mail (GreenMail) and in the inbox: a submission tells staff (and a conflict tells staff
 * only, never the partner), a decision tells the partner's users and its distributor's in their language, the
 * protection's end is reminded 14 and 3 days ahead — once however often the job runs, in the digest for those who
 * chose it — and its expiry is told once.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class RegistrationNotificationTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    DeliverOutboxUseCase outbox;

    @Inject
    SendRemindersUseCase reminders;

    @Inject
    ExpireRegistrationsUseCase expiry;

    UUID partnerUser;
    UUID distributorUser;
    UUID otherPartnerUser;
    UUID staffUser;
    String partnerToken;
    String otherToken;
    String staff;
    String customer;

    @BeforeEach
    void setUp() {
        String tag = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        UUID partner = TestData.partner(ds, "Reg Mail A " + tag);
        UUID otherPartner = TestData.partner(ds, "Reg Mail B " + tag);
        UUID distributor = TestData.distributor(ds, "Reg Mail D " + tag);
        TestData.assign(ds, distributor, partner, true);
        partnerUser = TestData.user(ds, Role.PARTNER, partner, null);
        distributorUser = TestData.user(ds, Role.DISTRIBUTOR, null, distributor);
        otherPartnerUser = TestData.user(ds, Role.PARTNER, otherPartner, null);
        staffUser = TestData.user(ds, Role.RESTRICTED_ADMIN, null, null);
        partnerToken = TestData.tokenFor(tokens, partnerUser);
        otherToken = TestData.tokenFor(tokens, otherPartnerUser);
        staff = TestData.tokenFor(tokens, staffUser);
        Api.as(TestData.tokenFor(tokens, distributorUser))
                .body(Map.of("locale", "fr", "email_muted", List.of(), "daily_digest", true))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(200);
        customer = "Grand Vizir Logistics " + tag;
    }

    void deliverAll() {
        TestProviders.drain(() -> outbox.deliverDue().total());
    }

    static List<String> subjects(UUID user) {
        return TestMail.to(NotificationMailTest.address(user)).stream()
                .map(m -> {
                    try {
                        return m.getSubject();
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    static MimeMessage last(UUID user) {
        List<MimeMessage> all = TestMail.to(NotificationMailTest.address(user));
        return all.get(all.size() - 1);
    }

    String register(String token, String organization) {
        String lead = Api.as(token)
                .body(Map.of(
                        "title",
                        "Fleet deal",
                        "organization",
                        organization,
                        "contact_name",
                        "Jane Roe",
                        "contact_email",
                        "jane@vizir.example"))
                .post("/api/v1/leads")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return Api.as(token)
                .body(Map.of("organization", organization, "expected_value", "5000.00"))
                .post("/api/v1/leads/{id}/registration", lead)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    void decide(String registration, String decision, String reason) {
        Api.as(staff)
                .body(Map.of("decision", decision, "reason", reason))
                .post("/api/v1/registrations/{id}/decisions", registration)
                .then()
                .statusCode(200);
    }

    @Test
    void theLifeOfARegistration_tellsStaffAndThePartnersSide_eachOnce_andNeverTellsThePartnerOfAConflict()
            throws Exception {
        String registration = register(partnerToken, customer);
        deliverAll();
        assertThat(subjects(staffUser)).containsExactly("New deal registration: " + customer);
        assertThat(subjects(partnerUser)).isEmpty();

        decide(registration, "return", "Which sites are in scope?");
        deliverAll();
        assertThat(subjects(partnerUser)).containsExactly("Registration returned with a question: " + customer);
        String text = NotificationMailTest.text(last(partnerUser), "text/plain");
        assertThat(text)
                .contains("Question: Which sites are in scope?")
                .contains("Open in Tentabo PRM: http://localhost:8080/ui/registrations/" + registration);
        // the distributor the partner is assigned to reads its registrations: told too, in French
        assertThat(subjects(distributorUser)).containsExactly("Enregistrement renvoyé avec une question : " + customer);

        Api.as(partnerToken)
                .body(Map.of("answer", "The three warehouses"))
                .post("/api/v1/registrations/{id}/resubmission", registration)
                .then()
                .statusCode(200);
        decide(registration, "approve", "First to register");
        deliverAll();
        assertThat(subjects(staffUser)).contains("Registration resubmitted: " + customer);
        assertThat(subjects(partnerUser)).endsWith("Registration approved: " + customer);
        assertThat(NotificationMailTest.text(last(partnerUser), "text/plain")).contains("Reason: First to register");

        // another partner registers the protected customer: a conflict for staff, nothing about it for the partner
        String contested = register(otherToken, customer + " SA");
        deliverAll();
        assertThat(subjects(staffUser)).contains("Channel conflict on the registration for " + customer + " SA");
        assertThat(subjects(otherPartnerUser)).isEmpty();
        Api.as(otherToken)
                .queryParam("type", "registration.conflict")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        decide(contested, "reject", "Protected for another partner until its window ends");
        deliverAll();
        assertThat(subjects(otherPartnerUser)).containsExactly("Registration rejected: " + customer + " SA");
        assertThat(NotificationMailTest.text(last(otherPartnerUser), "text/plain"))
                .doesNotContain("conflict");
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM notifications WHERE recipient_id IN (?, ?)",
                        partnerUser,
                        otherPartnerUser))
                .isEqualTo(3); // returned, approved; rejected

        // 10 days before the end: the 14-day reminder, once although the job runs twice; the distributor's digest
        TestData.exec(
                ds,
                "UPDATE registrations SET protection_ends_at = now() + interval '10 days' WHERE id = ?::uuid",
                registration);
        reminders.sendDue();
        reminders.sendDue();
        deliverAll();
        reminders.sendDue();
        deliverAll();
        List<String> partnerMails = subjects(partnerUser);
        assertThat(partnerMails.stream().filter(s -> s.contains("ends in")).toList())
                .containsExactly("Registration protection for " + customer + " ends in 10 days");
        List<String> digests = subjects(distributorUser).stream()
                .filter(s -> s.startsWith("Vos rappels"))
                .toList();
        assertThat(digests).hasSize(1);
        MimeMessage digest = TestMail.to(NotificationMailTest.address(distributorUser)).stream()
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith("Vos rappels");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .findFirst()
                .orElseThrow();
        assertThat(NotificationMailTest.text(digest, "text/plain"))
                .contains("La protection de l'enregistrement pour " + customer + " se termine le")
                .contains("(dans 10 jours)")
                .contains("/ui/registrations/" + registration);

        // 2 days before: the 3-day reminder, once
        TestData.exec(
                ds,
                "UPDATE registrations SET protection_ends_at = now() + interval '2 days' " + "WHERE id = ?::uuid",
                registration);
        reminders.sendDue();
        reminders.sendDue();
        deliverAll();
        assertThat(subjects(partnerUser).stream()
                        .filter(s -> s.contains("ends in"))
                        .toList())
                .hasSize(2)
                .last()
                .asString()
                .endsWith("ends in 2 days");

        // the window passes: expired, told once
        TestData.exec(
                ds,
                "UPDATE registrations SET protection_ends_at = now() - interval '1 minute' WHERE id = ?::uuid",
                registration);
        expiry.expireDue();
        expiry.expireDue();
        deliverAll();
        assertThat(subjects(partnerUser).stream()
                        .filter(s -> s.startsWith("Registration expired"))
                        .toList())
                .containsExactly("Registration expired: " + customer);
        assertThat(subjects(distributorUser)).contains("Enregistrement expiré : " + customer);
    }
}
