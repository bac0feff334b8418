package com.tentabo.prm.application.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.identity.port.in.EnsureAdminUserUseCase.EnsureAdminUserCommand;
import com.tentabo.prm.application.identity.port.in.EnsureAdminUserUseCase.EnsureAdminUserResult;
import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.identity.AdminUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code PRM_ADMIN_PASSWORD} obeys the rules of every password; a generated one is long enough. */
class EnsureAdminUserServiceTest {

    /** Admin accounts in memory: only what the start-up needs. */
    static final class Admins implements AdminUserRepository {
        final List<AdminUser> rows = new ArrayList<>();

        @Override
        public boolean anyExists() {
            return !rows.isEmpty();
        }

        @Override
        public Optional<AdminUser> findById(AdminUserId id) {
            return rows.stream().filter(a -> a.id().equals(id)).findFirst();
        }

        @Override
        public Optional<AdminUser> findByIdForUpdate(AdminUserId id) {
            return findById(id);
        }

        @Override
        public Optional<AdminUser> findByUsername(String username) {
            return rows.stream()
                    .filter(a -> a.username().equalsIgnoreCase(username))
                    .findFirst();
        }

        @Override
        public void save(AdminUser adminUser) {
            rows.removeIf(a -> a.id().equals(adminUser.id()));
            rows.add(adminUser);
        }

        @Override
        public long countActive() {
            return rows.stream().filter(AdminUser::active).count();
        }

        @Override
        public List<AdminUser> list(Instant afterCreatedAt, AdminUserId afterId, int limit) {
            return List.copyOf(rows);
        }

        @Override
        public boolean usernameTaken(String username) {
            return findByUsername(username).isPresent();
        }
    }

    /** Not bcrypt: the rule under test is about which passwords are accepted, not how they are hashed. */
    static final PasswordHasher HASHER = new PasswordHasher() {
        @Override
        public String hash(String password) {
            return "hashed:" + password.length();
        }

        @Override
        public boolean matches(String password, String hash) {
            return false;
        }
    };

    private final Admins admins = new Admins();
    private final EnsureAdminUserService service = new EnsureAdminUserService(
            admins, HASHER, UUID::randomUUID, Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void givenATooShortOrTooLongAdminPassword_thenTheServiceRefusesToStart_namingTheRuleNotTheValue() {
        assertThatThrownBy(() -> service.ensureAdminUser(new EnsureAdminUserCommand("admin", "admin", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PRM_ADMIN_PASSWORD")
                .hasMessageContaining("at least 8")
                .hasMessageNotContaining("'admin'");
        assertThatThrownBy(() -> service.ensureAdminUser(new EnsureAdminUserCommand("admin", "é".repeat(37), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("72 bytes");
        assertThat(admins.rows).isEmpty();
    }

    @Test
    void givenNoPassword_thenOneIsGeneratedThatObeysTheRules() {
        EnsureAdminUserResult result = service.ensureAdminUser(new EnsureAdminUserCommand(null, null, null));
        assertThat(result.created()).isTrue();
        assertThat(result.generatedPassword()).hasSizeGreaterThanOrEqualTo(Passwords.MIN_LENGTH);
        assertThat(result.toString()).doesNotContain(result.generatedPassword());
        assertThat(admins.rows).singleElement().extracting(AdminUser::username).isEqualTo("admin");
    }
}
