package com.tentabo.prm.bootstrap.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestMail;
import com.tentabo.prm.bootstrap.support.TestProviders;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Invitation and password-reset links mailed to the account's owner through the outbox, after commit, in its language,
 * pointing at the console's invitation page; the token is never in clear in the outbox row, and the row holds no
 * usable token once the mail is settled.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class AccountLinkMailTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    DeliverOutboxUseCase outbox;

    @Inject
    TokenService tokens;

    void deliverAll() {
        TestProviders.drain(() -> outbox.deliverDue().total());
    }

    JsonPath createUser(String username) {
        UUID partner = TestData.partner(
                ds, "Link Partner " + UUID.randomUUID().toString().substring(0, 8));
        return Api.asAdmin()
                .body(Map.of(
                        "username",
                        username,
                        "email",
                        username + "@link.example",
                        "role",
                        "partner",
                        "partner_id",
                        partner.toString(),
                        "full_name",
                        "Jeanne " + username))
                .post("/api/v1/users")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    String payload(UUID user) {
        return TestData.text(
                ds,
                "SELECT payload::text FROM outbox_events WHERE topic = 'notification.link' "
                        + "AND aggregate_id = ? ORDER BY created_at DESC LIMIT 1",
                user);
    }

    @Test
    void aNewUser_receivesItsInvitation_afterCommit_andTheOutboxKeepsNoUsableToken() throws Exception {
        String username = "invited-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = createUser(username);
        UUID id = UUID.fromString(created.getString("id"));
        String token = created.getString("invitation.token");
        // the answer shows the link once, as before
        assertThat(created.getString("invitation.url")).endsWith(token);

        // queued with the change, the token sealed: not in clear anywhere in the row
        assertThat(TestMail.to(username + "@link.example")).isEmpty();
        String waiting = payload(id);
        assertThat(waiting)
                .doesNotContain(token)
                .doesNotContain(token.substring(4))
                .contains("\"token_sealed\"")
                .contains("\"purpose\": \"invitation\"");
        // the outbox listing hides even the sealed form
        String eventId = TestData.text(
                ds,
                "SELECT id::text FROM outbox_events WHERE topic = 'notification.link' " + "AND aggregate_id = ?",
                id);
        Api.asAdmin()
                .get("/api/v1/outbox-events/" + eventId)
                .then()
                .statusCode(200)
                .body("payload.token_sealed", is("***"));

        deliverAll();

        assertThat(TestData.text(
                        ds,
                        "SELECT status || ': ' || coalesce(last_error, '') FROM outbox_events " + "WHERE id = ?::uuid",
                        eventId))
                .isEqualTo("DELIVERED: ");
        List<MimeMessage> mails = TestMail.to(username + "@link.example");
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject())
                .isEqualTo("Your Tentabo PRM account: set your password")
                .doesNotContain(token);
        String link = "http://localhost:8080/ui/invitations/" + token;
        assertThat(NotificationMailTest.text(mail, "text/plain"))
                .contains("Hello Jeanne " + username)
                .contains("Your username is " + username)
                .contains("Set your password: " + link)
                .contains("an administrator of Tentabo PRM issued this link");
        assertThat(NotificationMailTest.text(mail, "text/html")).contains("<a href=\"" + link + "\"");

        // settled: no sealed token left, nothing that opens the account
        String settled = payload(id);
        assertThat(settled).doesNotContain("token_sealed").doesNotContain(token);
        // the mailed link works once
        Api.acceptInvitation(token, "the-invited-password");
    }

    @Test
    void aPasswordReset_mailsTheNewLink_inTheOwnersLanguage_andAReplacedLinkIsNotMailed() throws Exception {
        String username = "reset-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = createUser(username);
        UUID id = UUID.fromString(created.getString("id"));
        Api.acceptInvitation(created.getString("invitation.token"), "the-first-password");
        deliverAll();
        String session = TestData.tokenFor(tokens, id);
        Api.as(session)
                .body(Map.of("locale", "fr", "email_muted", List.of(), "daily_digest", false))
                .put("/api/v1/notifications/preferences")
                .then()
                .statusCode(200);

        // two resets before the worker runs: only the second link is still usable, only it is mailed
        Api.asAdmin().post("/api/v1/users/" + id + "/password-reset").then().statusCode(200);
        String second = Api.asAdmin()
                .post("/api/v1/users/" + id + "/password-reset")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("token");
        deliverAll();

        List<MimeMessage> mails = TestMail.to(username + "@link.example");
        // the invitation was used before the worker ran, the first reset was replaced: only the second reset leaves
        assertThat(mails).hasSize(1);
        MimeMessage reset = mails.get(0);
        assertThat(reset.getSubject()).isEqualTo("Votre mot de passe Tentabo PRM a été réinitialisé");
        assertThat(NotificationMailTest.text(reset, "text/plain"))
                .contains("Choisir votre mot de passe : http://localhost:8080/ui/invitations/" + second)
                .contains("(" + username + ")");
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM outbox_events WHERE topic = 'notification.link' "
                                + "AND aggregate_id = ? AND status = 'SKIPPED' AND last_error LIKE '%used, replaced by a newer one%'",
                        id))
                .isEqualTo(2);
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM outbox_events WHERE topic = 'notification.link' "
                                + "AND aggregate_id = ? AND payload::text LIKE '%token_sealed%'",
                        id))
                .isZero();
    }
}
