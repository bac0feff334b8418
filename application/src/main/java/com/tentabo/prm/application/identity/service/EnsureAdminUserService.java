package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.in.EnsureAdminUserUseCase;
import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.identity.AdminUser;
import com.tentabo.prm.domain.shared.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

@ApplicationScoped
@Transactional
public class EnsureAdminUserService implements EnsureAdminUserUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final AdminUserRepository admins;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;

    public EnsureAdminUserService(AdminUserRepository admins, PasswordHasher hasher, IdGenerator ids, Clock clock) {
        this.admins = admins;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public EnsureAdminUserResult ensureAdminUser(EnsureAdminUserCommand command) {
        if (admins.anyExists()) {
            return new EnsureAdminUserResult(false, null, null);
        }
        String username =
                blank(command.username()) ? "admin" : command.username().trim();
        boolean generate = blank(command.password());
        String password = generate ? randomPassword() : command.password();
        try {
            Passwords.check("PRM_ADMIN_PASSWORD", password);
        } catch (DomainException refused) {
            // the same rule as every other password; the message names the rule, never the value
            throw new IllegalArgumentException(
                    "PRM_ADMIN_PASSWORD " + refused.violations().get(0).message(), refused);
        }
        String email = blank(command.email())
                ? username + "@localhost"
                : command.email().trim();
        admins.save(AdminUser.create(
                new AdminUserId(ids.newId()),
                username,
                hasher.hash(password),
                email,
                "Administrator",
                clock.instant()));
        return new EnsureAdminUserResult(true, username, generate ? password : null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
