package com.tentabo.prm.bootstrap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.notification.Audience;
import com.tentabo.prm.application.notification.NotificationEvent;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestMail;
import com.tentabo.prm.bootstrap.support.TestOrders;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.notification.NotificationType;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notification mail through a real SMTP server in the test JVM (GreenMail): each recipient in its language, with the
 * console link, sent by the outbox worker after commit, once per event and recipient, never to a disabled user; and the
 * inbox of the same events.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class NotificationMailTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    DeliverOutboxUseCase outbox;

    @Inject
    Notifier notifier;

    UUID partner;
    UUID english;
    UUID french;
    String englishToken;
    String frenchToken;

    @BeforeEach
    void setUp() {
        partner = TestData.partner(
                ds, "Mail Partner " + UUID.randomUUID().toString().substring(0, 8));
        english = TestData.user(ds, Role.PARTNER, partner, null);
        french = TestData.user(ds, Role.PARTNER, partner, null);
        englishToken = TestData.tokenFor(tokens, english);
        frenchToken = TestData.tokenFor(tokens, french);
        Api.as(frenchToken)
                .body(Map.of("locale", "fr", "email_muted", List.of(), "daily_digest", false))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(200)
                .body("locale", is("fr"))
                .body("effective_locale", is("fr"));
    }

    static String address(UUID user) {
        return user + "@test.example";
    }

    void deliverAll() {
        TestProviders.drain(() -> outbox.deliverDue().total());
    }

    UUID fulfilledOrder() {
        UUID order = TestOrders.sent(ds, orders, partner, english, englishToken);
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
        return order;
    }

    static String text(MimeMessage message, String type) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        List<String> found = new ArrayList<>();
        collect(parts, type, found);
        return String.join("\n", found);
    }

    private static void collect(Multipart parts, String type, List<String> found) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                collect(nested, type, found);
            } else if (part.isMimeType(type)) {
                found.add(part.getContent().toString());
            }
        }
    }

    @Test
    void aFulfilledOrder_mailsEachPartnerUser_inItsLanguage_withTheConsoleLink_afterCommit() throws Exception {
        UUID order = fulfilledOrder();
        String number = TestData.text(ds, "SELECT order_number FROM orders WHERE id = ?", order);
        // written with the change, not sent yet: the outbox sends it
        assertThat(TestMail.to(address(english))).isEmpty();
        assertThat(TestData.text(
                        ds,
                        "SELECT email_status FROM notifications WHERE recipient_id = ? "
                                + "AND event_type = 'order.fulfilled'",
                        english))
                .isEqualTo("queued");

        deliverAll();

        List<MimeMessage> toEnglish = TestMail.to(address(english));
        List<MimeMessage> toFrench = TestMail.to(address(french));
        assertThat(toEnglish).hasSize(1);
        assertThat(toFrench).hasSize(1);
        assertThat(toEnglish.get(0).getSubject()).isEqualTo("Order " + number + " is fulfilled");
        assertThat(toFrench.get(0).getSubject()).isEqualTo("La commande " + number + " est livrée");
        String link = "http://localhost:8080/ui/orders/" + order;
        assertThat(text(toEnglish.get(0), "text/plain"))
                .contains("Your order " + number + " (9720.00 EUR) has been fulfilled.")
                .contains("Open in Tentabo PRM: " + link);
        assertThat(text(toFrench.get(0), "text/plain"))
                .contains("Votre commande " + number + " (9720.00 EUR) a été livrée.")
                .contains("Ouvrir dans Tentabo PRM : " + link);
        assertThat(text(toFrench.get(0), "text/html"))
                .contains("<a href=\"" + link + "\"")
                .contains("lang=\"fr\"");
        assertThat(TestData.text(
                        ds,
                        "SELECT email_status FROM notifications WHERE recipient_id = ? "
                                + "AND event_type = 'order.fulfilled'",
                        english))
                .isEqualTo("sent");

        // the inbox has it too, unread, and only its owner can mark it
        String id = Api.as(englishToken)
                .queryParam("type", "order.fulfilled")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items[0].subject_id", is(order.toString()))
                .body("items[0].link", is("/ui/orders/" + order))
                .body("items[0].read", is(false))
                .body("items[0].params.order_number", is(number))
                .extract()
                .path("items[0].id");
        long unread = Api.as(englishToken)
                .get("/api/v1/notifications/unread-count")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("unread_count");
        assertThat(unread).isPositive();
        Api.as(frenchToken)
                .post("/api/v1/notifications/{id}/read", id)
                .then()
                .statusCode(404)
                .body("code", is("NOTIFICATION_NOT_FOUND"));
        Api.as(englishToken)
                .post("/api/v1/notifications/{id}/read", id)
                .then()
                .statusCode(200)
                .body("read", is(true));
        assertThat(Api.as(englishToken)
                        .get("/api/v1/notifications/unread-count")
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("unread_count"))
                .isEqualTo(unread - 1);
        Api.as(englishToken)
                .queryParam("unread", "true")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    @Test
    void anotherPartnersUsers_hearNothing_ofThisPartnersOrder() {
        UUID otherPartner =
                TestData.partner(ds, "Other " + UUID.randomUUID().toString().substring(0, 8));
        UUID stranger = TestData.user(ds, Role.PARTNER, otherPartner, null);
        UUID order = fulfilledOrder();
        deliverAll();
        assertThat(TestMail.to(address(stranger))).isEmpty();
        Api.as(TestData.tokenFor(tokens, stranger))
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.subject_id", not(hasItem(order.toString())));
    }

    @Test
    void theSameEventTwice_mailsOnce() {
        NotificationEvent event = new NotificationEvent(
                NotificationType.CONTRACT_ACTIVATED,
                "contract.activated:test-" + UUID.randomUUID(),
                "contract",
                UUID.randomUUID(),
                null,
                Map.of("contract_number", "CNT-TWICE", "expiration_date", "2027-12-31"),
                "/ui/contracts/x",
                List.of(Audience.partnerUsers(new PartnerId(partner))));
        int first = QuarkusTransaction.requiringNew()
                .call(() -> notifier.notify(event).mailed());
        int second = QuarkusTransaction.requiringNew()
                .call(() -> notifier.notify(event).mailed());
        deliverAll();

        assertThat(first).isEqualTo(2);
        assertThat(second).isZero();
        assertThat(TestMail.to(address(english))).hasSize(1);
        assertThat(TestMail.to(address(french))).hasSize(1);
    }

    @Test
    void aUserDisabledBeforeTheMailLeaves_isNeverMailed_andAMutedTypeReachesTheInboxOnly() {
        Api.as(englishToken)
                .body(Map.of("email_muted", List.of("order.fulfilled"), "daily_digest", false))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(200)
                .body("email_muted", is(List.of("order.fulfilled")))
                .body("effective_locale", is("en"));
        UUID order = fulfilledOrder();
        TestData.exec(ds, "UPDATE users SET is_enabled = false WHERE id = ?", french);

        deliverAll();

        assertThat(TestMail.to(address(french))).isEmpty();
        assertThat(TestData.text(
                        ds,
                        "SELECT email_status FROM notifications WHERE recipient_id = ? AND subject_id = ?",
                        french,
                        order))
                .isEqualTo("skipped");
        assertThat(TestMail.to(address(english))).isEmpty();
        assertThat(TestData.text(
                        ds,
                        "SELECT email_status FROM notifications WHERE recipient_id = ? AND subject_id = ?",
                        english,
                        order))
                .isEqualTo("none");
        Api.as(englishToken)
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items.subject_id", hasItem(order.toString()));
    }

    @Test
    void badPreferences_areRefusedClearly() {
        Api.as(englishToken)
                .body(Map.of("locale", "de", "email_muted", List.of(), "daily_digest", false))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        Api.as(englishToken)
                .body(Map.of("email_muted", List.of("nope"), "daily_digest", false))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        Api.as(englishToken)
                .queryParam("type", "nope")
                .get("/api/v1/notifications")
                .then()
                .statusCode(400);
        Api.as(englishToken)
                .queryParam("unread", "maybe")
                .get("/api/v1/notifications")
                .then()
                .statusCode(400);
    }
}
