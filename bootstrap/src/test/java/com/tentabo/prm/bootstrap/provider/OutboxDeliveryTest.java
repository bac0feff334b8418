package com.tentabo.prm.bootstrap.provider;

import static org.assertj.core.api.Assertions.assertThat;

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
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox worker on the real database, where no provider call is needed: what it does with no provider active,
 * with a provider this version has no adapter for, with credentials it cannot decrypt, with a cancelled order, and
 * with several workers at once.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class OutboxDeliveryTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    TokenService tokens;

    @Inject
    OrderRepository orders;

    @Inject
    DeliverOutboxUseCase outbox;

    UUID partner;
    UUID partnerUser;
    String partnerToken;
    final List<UUID> providerRows = new ArrayList<>();

    @BeforeEach
    void setUp() {
        partner = TestData.partner(ds, "Outbox " + UUID.randomUUID());
        partnerUser = TestData.user(ds, Role.PARTNER, partner, null);
        partnerToken = TestData.tokenFor(tokens, partnerUser);
    }

    @AfterEach
    void removeProviders() {
        TestProviders.delete(ds, providerRows);
        providerRows.clear();
    }

    UUID sentOrder() {
        return TestOrders.sent(ds, orders, partner, partnerUser, partnerToken);
    }

    void activeProvider(String type, String name, String credentialsJson) {
        providerRows.add(TestProviders.activeWithStoredCredentials(ds, type, name, credentialsJson));
    }

    void deliverAll() {
        TestProviders.drain(() -> outbox.deliverDue().total());
    }

    String event(UUID order, String topic, String column) {
        return TestProviders.outboxEvent(ds, order, topic, column);
    }

    @Test
    void withNoProviderActive_bothEventsAreSkipped_withTheReason_andTheOrderIsUntouched() {
        UUID order = sentOrder();

        deliverAll();

        assertThat(event(order, "billing.quote.requested", "status")).isEqualTo("SKIPPED");
        assertThat(event(order, "billing.quote.requested", "last_error")).isEqualTo("no BILLING provider is active");
        assertThat(event(order, "crm.deal.requested", "status")).isEqualTo("SKIPPED");
        assertThat(event(order, "crm.deal.requested", "last_error")).isEqualTo("no CRM provider is active");
        assertThat(TestData.text(
                        ds,
                        "SELECT coalesce(billing_quote_id, '-') || coalesce(crm_deal_id, '-') FROM orders WHERE id = ?",
                        order))
                .isEqualTo("--");
    }

    @Test
    void anOrderCancelledBeforeDelivery_sendsNothing() {
        UUID order = sentOrder();
        Api.asAdmin()
                .body(Map.of("to", "cancelled", "reason", "changed our mind"))
                .post("/api/v1/orders/{id}/transitions", order)
                .then()
                .statusCode(200);

        deliverAll();

        assertThat(event(order, "billing.quote.requested", "status")).isEqualTo("SKIPPED");
        assertThat(event(order, "billing.quote.requested", "last_error")).contains("cancelled");
        assertThat(event(order, "crm.deal.requested", "last_error")).contains("cancelled");
    }

    @Test
    void anActiveProviderWithoutAnAdapter_failsTheEvent_atOnce_namingIt() {
        activeProvider("BILLING", "quickbooks", "{}");
        activeProvider("CRM", "salesforce", "{}");
        UUID order = sentOrder();

        deliverAll();

        assertThat(event(order, "billing.quote.requested", "status")).isEqualTo("FAILED");
        assertThat(event(order, "billing.quote.requested", "attempts")).isEqualTo("1");
        assertThat(event(order, "billing.quote.requested", "last_error"))
                .isEqualTo("the active BILLING provider 'quickbooks' has no adapter in this version");
        assertThat(event(order, "crm.deal.requested", "last_error")).contains("'salesforce'");
    }

    @Test
    void credentialsThatDoNotDecrypt_failTheEvent_withoutShowingThem() {
        activeProvider("BILLING", "pennylane", "{\"encrypted\": \"v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"}");
        UUID order = sentOrder();

        deliverAll();

        assertThat(event(order, "billing.quote.requested", "status")).isEqualTo("FAILED");
        assertThat(event(order, "billing.quote.requested", "last_error"))
                .isEqualTo("the credentials of provider 'pennylane' cannot be decrypted with the configured key "
                        + "(PRM_PROVIDER_CREDENTIALS_KEY)");
    }

    @Test
    void severalWorkersAtOnce_claimEachEventOnce() throws Exception {
        List<UUID> sent = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            sent.add(sentOrder());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> workers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                workers.add(() -> {
                    int handled = 0;
                    for (int run = 0; run < 20; run++) {
                        handled += outbox.deliverDue().total();
                    }
                    return handled;
                });
            }
            for (Future<Integer> worker : pool.invokeAll(workers)) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        for (UUID order : sent) {
            assertThat(TestData.count(
                            ds,
                            "SELECT count(*) FROM outbox_events WHERE aggregate_id = ? AND status = 'SKIPPED' "
                                    + "AND attempts = 1",
                            order))
                    .as("order %s: both events handled exactly once", order)
                    .isEqualTo(2);
        }
    }
}
