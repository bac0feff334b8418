package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.identity.AdminUser;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

/** Login of admin accounts. Every failure answers the same INVALID_CREDENTIALS, whatever was wrong. */
@ApplicationScoped
@Transactional
public class LoginService implements LoginUseCase {

    private final AdminUserRepository admins;
    private final PasswordHasher hasher;
    private final Clock clock;

    public LoginService(AdminUserRepository admins, PasswordHasher hasher, Clock clock) {
        this.admins = admins;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Override
    public LoginResult login(LoginCommand command) {
        if (command.username() == null || command.password() == null) {
            throw invalid();
        }
        Optional<AdminUser> admin = admins.findByUsername(command.username().trim());
        if (admin.isEmpty() || !hasher.matches(command.password(), admin.get().passwordHash())) {
            throw invalid();
        }
        if (!admin.get().active()) {
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This admin account is disabled");
        }
        admins.save(admin.get().loggedIn(clock.instant()));
        return new LoginResult(PrincipalKind.ADMIN_USER, admin.get().id(), admin.get().username());
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.INVALID_CREDENTIALS, "Unknown username or wrong password");
    }
}
