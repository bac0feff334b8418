package com.tentabo.prm.bootstrap.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.tentabo.prm.adapters.rest.security.TokenService;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
import com.tentabo.prm.bootstrap.support.Api;
import com.tentabo.prm.bootstrap.support.PostgresResource;
import com.tentabo.prm.bootstrap.support.TestData;
import com.tentabo.prm.bootstrap.support.TestOrders;
import com.tentabo.prm.bootstrap.support.TestProviders;
import com.tentabo.prm.domain.access.Role;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outbound webhooks to a WireMock receiver: signed deliveries (checked here with the documented algorithm), tenant
 * isolation, every attempt listed, retries, and a subscription disabled (its owner told) once a delivery fails for good.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OutboundWebhookTest {

    static WireMockServer receiver;

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    DeliverOutboxUseCase outbox;

    UUID partnerA;
    UUID userOfA;
    String tokenOfA;
    String tokenOfB;
    final List<String> subscriptions = new ArrayList<>();

    @BeforeAll
    static void startReceiver() {
        receiver = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop();
    }

    @BeforeEach
    void setUp() {
        receiver.resetAll();
        receiver.stubFor(
                post(urlPathEqualTo("/hooks/ok")).willReturn(aResponse().withStatus(204)));
        receiver.stubFor(
                post(urlPathEqualTo("/hooks/failing")).willReturn(aResponse().withStatus(500)));
        partnerA =
                TestData.partner(ds, "Hooked A " + UUID.randomUUID().toString().substring(0, 8));
        UUID partnerB =
                TestData.partner(ds, "Hooked B " + UUID.randomUUID().toString().substring(0, 8));
        userOfA = TestData.user(ds, Role.PARTNER, partnerA, null);
        tokenOfA = TestData.tokenFor(tokens, userOfA);
        tokenOfB = TestData.tokenFor(tokens, TestData.user(ds, Role.PARTNER, partnerB, null));
    }

    @AfterEach
    void removeSubscriptions() {
        subscriptions.forEach(id -> TestData.exec(ds, "DELETE FROM webhook_subscriptions WHERE id = ?::uuid", id));
        subscriptions.clear();
    }

    String url(String path) {
        return "http://127.0.0.1:" + receiver.port() + path;
    }

    JsonPath subscribe(String token, String path, List<String> events) {
        JsonPath created = Api.as(token)
                .body(Map.of("url", url(path), "events", events, "description", "test"))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/webhook-subscriptions/"))
                .body("secret", startsWith("whsec_"))
                .extract()
                .jsonPath();
        subscriptions.add(created.getString("id"));
        return created;
    }

    UUID fulfilledOrderOfA() {
        UUID order = TestOrders.sent(ds, orders, partnerA, userOfA, tokenOfA);
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

    void deliverAll() {
        TestProviders.drain(() -> outbox.deliverDue().total());
    }

    static String hmac(String secret, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aPartnersEvent_reachesItsOwnSubscriptionSigned_andNeverAnotherPartners() throws Exception {
        JsonPath mine = subscribe(tokenOfA, "/hooks/ok", List.of("order.fulfilled", "order.cancelled"));
        JsonPath theirs = subscribe(tokenOfB, "/hooks/ok", List.of("order.fulfilled"));
        assertThat(mine.getString("partner_id")).isEqualTo(partnerA.toString());

        UUID order = fulfilledOrderOfA();
        deliverAll();

        List<LoggedRequest> received = receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/ok")));
        List<LoggedRequest> aboutMyOrder = received.stream()
                .filter(r -> r.getBodyAsString().contains(order.toString()))
                .toList();
        assertThat(aboutMyOrder).hasSize(1);
        LoggedRequest request = aboutMyOrder.get(0);
        String body = request.getBodyAsString();
        JsonPath payload = JsonPath.from(body);
        assertThat(payload.getString("type")).isEqualTo("order.fulfilled");
        assertThat(payload.getString("data.object")).isEqualTo("order");
        assertThat(payload.getString("data.id")).isEqualTo(order.toString());
        assertThat(payload.getString("data.partner_id")).isEqualTo(partnerA.toString());
        assertThat(request.getHeader("Tentabo-Event-Type")).isEqualTo("order.fulfilled");
        assertThat(request.getHeader("Tentabo-Event-Id")).isEqualTo(payload.getString("id"));
        // Tentabo-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">
        String[] signature = request.getHeader("Tentabo-Signature").split(",");
        assertThat(signature[0]).startsWith("t=");
        assertThat(signature[1]).startsWith("v1=");
        String t = signature[0].substring(2);
        assertThat(signature[1].substring(3)).isEqualTo(hmac(mine.getString("secret"), t + "." + body));
        assertThat(signature[1].substring(3)).isNotEqualTo(hmac(theirs.getString("secret"), t + "." + body));

        // B's subscription got no delivery at all
        Api.as(tokenOfB)
                .get("/api/v1/webhook-subscriptions/{id}/deliveries", theirs.getString("id"))
                .then()
                .statusCode(200)
                .body("items.size()", is(0));
        Api.as(tokenOfA)
                .get("/api/v1/webhook-subscriptions/{id}/deliveries", mine.getString("id"))
                .then()
                .statusCode(200)
                .body("items[0].status", is("delivered"))
                .body("items[0].event_type", is("order.fulfilled"))
                .body("items[0].attempt_log[0].status_code", is(204));
        // no secret after the creation, and another company's subscription is not found
        Api.as(tokenOfA)
                .get("/api/v1/webhook-subscriptions/{id}", mine.getString("id"))
                .then()
                .statusCode(200)
                .body("secret", nullValue())
                .header("ETag", notNullValue());
        Api.as(tokenOfB)
                .get("/api/v1/webhook-subscriptions/{id}", mine.getString("id"))
                .then()
                .statusCode(404)
                .body("code", is("WEBHOOK_SUBSCRIPTION_NOT_FOUND"));
        Api.as(tokenOfB)
                .get("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(mine.getString("id"))));
    }

    @Test
    void aFailingTarget_isRetried_eachAttemptListed_thenGivenUp_andItsSubscriptionDisabled_withItsOwnerTold() {
        JsonPath subscription = subscribe(tokenOfA, "/hooks/failing", List.of("order.fulfilled"));
        String id = subscription.getString("id");
        fulfilledOrderOfA();
        deliverAll();

        Api.as(tokenOfA)
                .get("/api/v1/webhook-subscriptions/{id}/deliveries", id)
                .then()
                .statusCode(200)
                .body("items[0].status", is("pending"))
                .body("items[0].attempts", is(1))
                .body("items[0].attempt_log[0].status_code", is(500))
                .body("items[0].last_error", is("the target answered HTTP 500"));
        String delivery = Api.as(tokenOfA)
                .get("/api/v1/webhook-subscriptions/{id}/deliveries", id)
                .then()
                .extract()
                .path("items[0].id");

        // the next attempt is due, still within the 24 h window: retried, still failing
        TestData.exec(ds, "UPDATE outbox_events SET next_attempt_at = now() WHERE aggregate_id = ?::uuid", delivery);
        deliverAll();
        Api.as(tokenOfA)
                .get("/api/v1/webhook-subscriptions/{id}/deliveries", id)
                .then()
                .body("items[0].status", is("pending"))
                .body("items[0].attempt_log.size()", is(2));

        // the event is now more than 24 h old: the next failure gives up
        TestData.exec(
                ds,
                "UPDATE webhook_deliveries SET created_at = now() - interval '25 hours' WHERE id = ?::uuid",
                delivery);
        TestData.exec(ds, "UPDATE outbox_events SET next_attempt_at = now() WHERE aggregate_id = ?::uuid", delivery);
        deliverAll();

        Api.as(tokenOfA)
                .get("/api/v1/webhook-subscriptions/{id}/deliveries", id)
                .then()
                .body("items[0].status", is("failed"))
                .body("items[0].attempt_log.size()", is(3));
        Api.as(tokenOfA)
                .get("/api/v1/webhook-subscriptions/{id}", id)
                .then()
                .statusCode(200)
                .body("active", is(false))
                .body("disabled_reason", startsWith("gave up after 3 attempts"));
        assertThat(TestData.text(ds, "SELECT status FROM outbox_events WHERE aggregate_id = ?::uuid", delivery))
                .isEqualTo("FAILED");
        Api.as(tokenOfA)
                .queryParam("type", "webhook_subscription.disabled")
                .get("/api/v1/notifications")
                .then()
                .statusCode(200)
                .body("items[0].subject_id", is(id));
        assertThat(receiver.findAll(postRequestedFor(urlPathEqualTo("/hooks/failing"))))
                .hasSize(3);

        // enabled again by its owner
        Api.as(tokenOfA)
                .body(Map.of("active", true))
                .patch("/api/v1/webhook-subscriptions/{id}", id)
                .then()
                .statusCode(200)
                .body("active", is(true))
                .body("disabled_reason", nullValue());
    }

    @Test
    void targetsAndEventsOutsideTheRules_areRefused() {
        for (String target : List.of(
                "http://10.1.2.3/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://192.168.0.10/x",
                "http://[fd00::1]/x",
                "http://[::ffff:10.0.0.1]/x",
                "http://100.64.0.1/x")) {
            Api.asAdmin()
                    .body(Map.of("url", target, "events", List.of("order.sent")))
                    .post("/api/v1/webhook-subscriptions")
                    .then()
                    .statusCode(422)
                    .body("code", is("WEBHOOK_TARGET_REFUSED"))
                    .body("errors[0].field", is("url"));
        }
        Api.asAdmin()
                .body(Map.of("url", "ftp://127.0.0.1/x", "events", List.of("order.sent")))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400)
                .body("code", is("VALIDATION_FAILED"));
        Api.asAdmin()
                .body(Map.of("url", url("/hooks/ok"), "events", List.of("order.shipped")))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("events"));
        // a partner subscribes to its company's events only
        Api.as(tokenOfA)
                .body(Map.of("url", url("/hooks/ok"), "events", List.of("provider.unhealthy")))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400)
                .body("errors[0].field", is("events"));
        Api.as(tokenOfA)
                .body(Map.of("url", url("/hooks/ok")))
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(400);
    }

    @Test
    void aRetriedCreate_withItsIdempotencyKey_answersTheFirstSubscription_withoutItsSecret() {
        Map<String, Object> body = Map.of("url", url("/hooks/ok"), "events", List.of("order.sent"));
        String key = "hook-" + UUID.randomUUID();
        String first = Api.as(tokenOfA)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .body("secret", startsWith("whsec_"))
                .extract()
                .path("id");
        subscriptions.add(first);
        Api.as(tokenOfA)
                .header("Idempotency-Key", key)
                .body(body)
                .post("/api/v1/webhook-subscriptions")
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(first))
                .body("secret", nullValue());
        String rotated = Api.as(tokenOfA)
                .post("/api/v1/webhook-subscriptions/{id}/rotate-secret", first)
                .then()
                .statusCode(200)
                .extract()
                .path("secret");
        assertThat(rotated).startsWith("whsec_");
        assertThat(TestData.count(
                        ds,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ?::uuid "
                                + "AND action LIKE 'webhook_subscription.%'",
                        first))
                .isEqualTo(2);
        assertThat(TestData.text(ds, "SELECT secret::text FROM webhook_subscriptions WHERE id = ?::uuid", first))
                .doesNotContain(rotated)
                .contains("\"encrypted\"");
        Api.as(tokenOfA)
                .delete("/api/v1/webhook-subscriptions/{id}", first)
                .then()
                .statusCode(204);
        Api.as(tokenOfA).get("/api/v1/webhook-subscriptions/{id}", first).then().statusCode(404);
    }
}
