package com.tentabo.prm.bootstrap.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.notification.port.in.SendRemindersUseCase;
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
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The daily reminder job: a contract 45 days before its end gets its 60-day reminder, to the partner's users, its
 * distributor's users and staff — once, however often the job runs; people who chose the daily digest get one digest.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ReminderJobTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    DeliverOutboxUseCase outbox;

    @Inject
    SendRemindersUseCase reminders;

    @Test
    void aContractNearItsEnd_isRemindedOnce_whenTheJobRunsTwice_andDigestReadersGetOneDigest() throws Exception {
        UUID partner =
                TestData.partner(ds, "Reminded " + UUID.randomUUID().toString().substring(0, 8));
        UUID distributor = TestData.distributor(
                ds, "Reminding " + UUID.randomUUID().toString().substring(0, 8));
        TestData.assign(ds, distributor, partner, true);
        UUID partnerUser = TestData.user(ds, Role.PARTNER, partner, null);
        UUID digestReader = TestData.user(ds, Role.PARTNER, partner, null);
        UUID distributorUser = TestData.user(ds, Role.DISTRIBUTOR, null, distributor);
        UUID staff = TestData.user(ds, Role.RESTRICTED_ADMIN, null, null);
        Api.as(TestData.tokenFor(tokens, digestReader))
                .body(Map.of("locale", "fr", "email_muted", List.of(), "daily_digest", true))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(200);
        String partnerToken = TestData.tokenFor(tokens, partnerUser);
        UUID order = TestOrders.sent(ds, orders, partner, partnerUser, partnerToken);
        Api.asAdmin()
                .body(Map.of("to", "in_fulfillment"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        Api.asAdmin()
                .body(Map.of("to", "fulfilled"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);
        String contract = Api.asAdmin()
                .body("{}")
                .post("/api/v1/orders/{id}/contract", order)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String number = TestData.text(ds, "SELECT contract_number FROM contracts WHERE id = ?::uuid", contract);
        TestData.exec(
                ds,
                "UPDATE contracts SET expiration_date = date_trunc('day', now()) + interval '45 days 12 hours' "
                        + "WHERE id = ?::uuid",
                contract);
        TestProviders.drain(() -> outbox.deliverDue().total());
        int before = TestMail.to(partnerUser + "@test.example").size();

        reminders.sendDue();
        reminders.sendDue();
        TestProviders.drain(() -> outbox.deliverDue().total());
        reminders.sendDue();
        TestProviders.drain(() -> outbox.deliverDue().total());

        List<MimeMessage> toPartner = TestMail.to(partnerUser + "@test.example");
        assertThat(toPartner).hasSize(before + 1);
        assertThat(toPartner.get(toPartner.size() - 1).getSubject())
                .isEqualTo("Contract " + number + " ends in 45 days");
        assertThat(NotificationMailTest.text(toPartner.get(toPartner.size() - 1), "text/plain"))
                .contains("http://localhost:8080/ui/contracts/" + contract);
        assertThat(subjects(distributorUser)).containsOnlyOnce("Contract " + number + " ends in 45 days");
        assertThat(subjects(staff)).containsOnlyOnce("Contract " + number + " ends in 45 days");
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM notifications WHERE subject_id = ?::uuid "
                                + "AND event_type = 'contract.expiring'",
                        contract))
                .isGreaterThanOrEqualTo(4);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM notifications WHERE subject_id = ?::uuid "
                                + "AND event_type = 'contract.expiring' AND recipient_id = ?",
                        contract,
                        partnerUser))
                .isEqualTo(1);

        // the digest reader got the order's and the contract's mail at once, and the reminder in one digest only
        assertThat(subjects(digestReader)).noneMatch(subject -> subject.contains("se termine dans"));
        List<MimeMessage> digests = new java.util.ArrayList<>();
        for (MimeMessage message : TestMail.to(digestReader + "@test.example")) {
            if (message.getSubject().startsWith("Vos rappels")) {
                digests.add(message);
            }
        }
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).getSubject()).isEqualTo("Vos rappels Tentabo PRM (1)");
        assertThat(NotificationMailTest.text(digests.get(0), "text/plain"))
                .contains("Le contrat " + number + " se termine le")
                .contains("(dans 45 jours) : http://localhost:8080/ui/contracts/" + contract);
    }

    private static List<String> subjects(UUID user) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : TestMail.to(user + "@test.example")) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }
}
