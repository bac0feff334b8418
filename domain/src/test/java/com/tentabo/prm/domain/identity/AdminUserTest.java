package com.tentabo.prm.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.shared.DomainException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdminUserTest {

    private static final Instant NOW = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void givenABlankUsername_thenANewAccountIsRefused_butAStoredOneLoadsAndCanStillBeChanged() {
        assertThatThrownBy(() -> AdminUser.create(
                        new AdminUserId(UUID.randomUUID()), " ", "$2a$12$hash", "a@example.com", null, NOW))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.violations())
                                .extracting(v -> v.field())
                                .containsExactly("username"));

        AdminUser stored = new AdminUser(
                new AdminUserId(UUID.randomUUID()), "", "$2a$12$hash", "old@example.com", null, true, NOW, NOW, null);
        AdminUser changed =
                stored.withProfile("new@example.com", "Old Admin", NOW).withActive(false, NOW);
        assertThat(changed.username()).isEmpty();
        assertThat(changed.email()).isEqualTo("new@example.com");
        assertThat(changed.active()).isFalse();
    }
}
