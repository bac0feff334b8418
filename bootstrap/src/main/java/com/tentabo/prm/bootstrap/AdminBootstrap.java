package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.identity.port.in.EnsureAdminUserUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start, when no admin account exists, creates one from {@code PRM_ADMIN_USERNAME} / {@code PRM_ADMIN_PASSWORD}
 * (and optionally {@code PRM_ADMIN_EMAIL}; the password obeys the rules of every password). Without a password, one is
 * generated and written to {@code <prm.data-dir>/admin-password}, a file readable by its owner only; the log says
 * where, never the password. Where such a file cannot be made (no POSIX permissions), the password is shown once on
 * the terminal ({@link System#console()}, not the log) instead.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private final EnsureAdminUserUseCase ensureAdmin;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> email;
    private final Path dataDir;

    static final String PASSWORD_FILE = "admin-password";

    public AdminBootstrap(
            EnsureAdminUserUseCase ensureAdmin,
            @ConfigProperty(name = "prm.admin.username") Optional<String> username,
            @ConfigProperty(name = "prm.admin.password") Optional<String> password,
            @ConfigProperty(name = "prm.admin.email") Optional<String> email,
            @ConfigProperty(name = "prm.data-dir", defaultValue = "./data") String dataDir) {
        this.ensureAdmin = ensureAdmin;
        this.username = username;
        this.password = password;
        this.email = email;
        this.dataDir = Path.of(dataDir);
    }

    void onStart(@Observes StartupEvent event) {
        var result = ensureAdmin.ensureAdminUser(new EnsureAdminUserUseCase.EnsureAdminUserCommand(
                username.orElse(null), password.orElse(null), email.orElse(null)));
        if (!result.created()) {
            return;
        }
        if (result.generatedPassword() != null) {
            handOver(result.username(), result.generatedPassword());
        } else {
            LOG.infof(
                    "No admin account existed: created '%s' from PRM_ADMIN_USERNAME / PRM_ADMIN_PASSWORD",
                    result.username());
        }
    }

    /** The generated password goes to an owner-only file (or once to the terminal); never to the log. */
    private void handOver(String username, String password) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        try {
            writeOwnerOnly(file, password + System.lineSeparator());
            LOG.warnf(
                    "No admin account existed: created '%s' with a generated password, written to %s (readable by "
                            + "its owner only). Sign in, change it (POST /api/v1/auth/password) and delete the file; or set "
                            + "PRM_ADMIN_USERNAME / PRM_ADMIN_PASSWORD before the first start to choose them",
                    username, file.toAbsolutePath());
        } catch (IOException | UnsupportedOperationException noPrivateFile) {
            java.io.Console terminal = System.console();
            if (terminal != null) {
                LOG.warnf(
                        "No admin account existed: created '%s' with a generated password; it cannot be written to "
                                + "an owner-only file (%s), so it is shown once on the terminal",
                        username, noPrivateFile.getMessage());
                terminal.printf("Generated password of the admin account '%s': %s%n", username, password);
                terminal.flush();
            } else {
                LOG.errorf(
                        "No admin account existed: created '%s' with a generated password that can be handed over "
                                + "neither in an owner-only file (%s) nor on a terminal; set PRM_ADMIN_PASSWORD, delete the "
                                + "account's admin_users row and start again",
                        username, noPrivateFile.getMessage());
            }
        }
    }

    /** Creates (or replaces) the file with permissions rw------- before anything is written to it. */
    static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
