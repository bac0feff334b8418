package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.identity.port.in.EnsureAdminUserUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * At start, when no admin account exists, creates one from {@code PRM_ADMIN_USERNAME} / {@code PRM_ADMIN_PASSWORD}
 * (and optionally {@code PRM_ADMIN_EMAIL}); without a password, generates one and prints it once.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private final EnsureAdminUserUseCase ensureAdmin;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> email;

    public AdminBootstrap(EnsureAdminUserUseCase ensureAdmin,
                          @ConfigProperty(name = "prm.admin.username") Optional<String> username,
                          @ConfigProperty(name = "prm.admin.password") Optional<String> password,
                          @ConfigProperty(name = "prm.admin.email") Optional<String> email) {
        this.ensureAdmin = ensureAdmin;
        this.username = username;
        this.password = password;
        this.email = email;
    }

    void onStart(@Observes StartupEvent event) {
        var result = ensureAdmin.ensureAdminUser(new EnsureAdminUserUseCase.EnsureAdminUserCommand(
                username.orElse(null), password.orElse(null), email.orElse(null)));
        if (!result.created()) {
            return;
        }
        if (result.generatedPassword() != null) {
            LOG.warnf("No admin account existed: created '%s' with the generated password: %s "
                    + "(shown once; set PRM_ADMIN_USERNAME / PRM_ADMIN_PASSWORD to choose them)",
                    result.username(), result.generatedPassword());
        } else {
            LOG.infof("No admin account existed: created '%s' from PRM_ADMIN_USERNAME / PRM_ADMIN_PASSWORD", result.username());
        }
    }
}
