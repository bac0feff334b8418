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
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Deleting a provider from its page: ADMIN only, confirmed by a ticked box, an inactive provider only (as the API);
 * an active one keeps its row and answers 409; a RESTRICTED_ADMIN sees no delete form and is refused by hand.
 */
@QuarkusTest
@WithTestResource(PostgresResource.class)
class ProviderDeletionPagesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PasswordHasher hasher;

    private ConsoleBrowser browser(Role role) {
        return new ConsoleBrowser("en")
                .from(Api.freshAddress())
                .signIn(ConsoleUsers.create(dataSource, hasher, role, null, null), ConsoleUsers.PASSWORD);
    }

    private UUID provider(boolean active) {
        UUID id = UUID.randomUUID();
        TestData.exec(
                dataSource,
                "INSERT INTO provider_configs (id, provider_type, provider_name, is_active, "
                        + "configuration, credentials, created_at, updated_at) VALUES (?, 'CRM'::providertype, ?, ?, '{}'::jsonb,"
                        + " '{}'::jsonb, now(), now())",
                id,
                "delete-me-" + id.toString().substring(0, 8),
                active);
        return id;
    }

    private long rows(UUID id) {
        return TestData.count(dataSource, "SELECT count(*) FROM provider_configs WHERE id = ?", id);
    }

    @Test
    void anAdminDeletesAnInactiveProviderOnceConfirmed() {
        UUID inactive = provider(false);
        ConsoleBrowser admin = browser(Role.ADMIN);
        Document page = admin.page("/ui/providers/" + inactive);
        assertThat(page.select("#delete-provider input[name=confirm]")).hasSize(1);

        Response unconfirmed = admin.post("/ui/providers/" + inactive + "/delete", Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(rows(inactive)).isEqualTo(1);

        Response deleted = admin.post("/ui/providers/" + inactive + "/delete", Map.of("confirm", "yes"));
        assertThat(deleted.statusCode()).isEqualTo(303);
        assertThat(rows(inactive)).isZero();
        assertThat(TestData.count(
                        dataSource,
                        "SELECT count(*) FROM audit_logs WHERE entity_id = ? AND action = 'delete'",
                        inactive))
                .isEqualTo(1);
        Document list = admin.pageAsIs(deleted.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(list.select("#deleted").text()).isEqualTo("The provider is deleted.");

        assertThat(admin.post("/ui/providers/" + UUID.randomUUID() + "/delete", Map.of("confirm", "yes"))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anActiveProviderIsNotOfferedForDeletion_andRefusedByHand_asARestrictedAdminIs() {
        UUID active = provider(true);
        try {
            ConsoleBrowser admin = browser(Role.ADMIN);
            assertThat(admin.page("/ui/providers/" + active).select("#delete-provider"))
                    .isEmpty();
            assertThat(admin.post("/ui/providers/" + active + "/delete", Map.of("confirm", "yes"))
                            .statusCode())
                    .isEqualTo(409);
            assertThat(rows(active)).isEqualTo(1);
        } finally {
            // other tests expect no active provider
            TestData.exec(dataSource, "DELETE FROM provider_configs WHERE id = ?", active);
        }

        UUID inactive = provider(false);
        ConsoleBrowser restricted = browser(Role.RESTRICTED_ADMIN);
        assertThat(restricted.page("/ui/providers/" + inactive).select("#delete-provider"))
                .isEmpty();
        assertThat(restricted
                        .post("/ui/providers/" + inactive + "/delete", Map.of("confirm", "yes"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(rows(inactive)).isEqualTo(1);
    }
}
