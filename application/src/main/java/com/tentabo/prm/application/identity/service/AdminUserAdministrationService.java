package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.identity.port.in.ManageAdminUsersUseCase;
import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase;
import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.application.identity.port.out.UserCredentialRepository;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.identity.AdminUser;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

@ApplicationScoped
@Transactional
public class AdminUserAdministrationService implements ManageAdminUsersUseCase {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

    private final AdminUserRepository admins;
    private final UserCredentialRepository credentials;
    private final Invitations invitations;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Clock clock;

    public AdminUserAdministrationService(
            AdminUserRepository admins,
            UserCredentialRepository credentials,
            Invitations invitations,
            AuditRecorder audit,
            IdGenerator ids,
            Clock clock) {
        this.admins = admins;
        this.credentials = credentials;
        this.invitations = invitations;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Page<AdminUser> list(Caller caller, String cursor, int limit) {
        AccessPolicy.require(caller, Capability.ADMIN_USERS_READ);
        int size = Cursor.limit(limit);
        Cursor after = Cursor.decode(cursor);
        List<AdminUser> rows = admins.list(
                after == null ? null : after.createdAt(), after == null ? null : new AdminUserId(after.id()), size + 1);
        if (rows.size() <= size) {
            return new Page<>(rows, null);
        }
        AdminUser last = rows.get(size - 1);
        return new Page<>(
                rows.subList(0, size), Cursor.after(last.createdAt(), last.id().value()));
    }

    @Override
    public AdminUser get(Caller caller, AdminUserId id) {
        AccessPolicy.require(caller, Capability.ADMIN_USERS_READ);
        return admins.findById(id).orElseThrow(() -> notFound(id));
    }

    @Override
    public CreatedAdminUser createWithInvitation(Caller caller, CreateAdminUserCommand command) {
        AccessPolicy.require(caller, Capability.ADMIN_USERS_MANAGE);
        String username = command.username() == null ? "" : command.username().trim();
        if (!USERNAME.matcher(username).matches()) {
            throw DomainException.invalid("username", "must be 1 to 100 letters, digits or . _ @ + -");
        }
        String email = email(command.email());
        if (command.password() != null) {
            throw DomainException.invalid(
                    "password",
                    "nobody sets another person's password: the account's owner "
                            + "sets its own through the invitation in this answer");
        }
        if (admins.usernameTaken(username) || credentials.usernameTaken(username)) {
            throw new DomainException(
                    ErrorCode.USERNAME_TAKEN,
                    "The username " + username + " is already taken",
                    List.of(new FieldViolation("username", "is already taken")));
        }
        Instant now = clock.instant();
        AdminUser admin = AdminUser.create(
                new AdminUserId(ids.newId()),
                username,
                PasswordHasher.NO_PASSWORD,
                email,
                blankToNull(command.fullName()),
                now);
        admins.save(admin);
        ManagePasswordsUseCase.IssuedInvitation invitation = invitations.issue(
                PrincipalKind.ADMIN_USER, admin.id().value(), admin.username(), Invitations.INVITATION, now);
        audit.record(
                caller,
                AuditChange.created("admin_user", admin.id().value(), describe(admin))
                        .as("admin_user.created")
                        .with(Field.set("invitation", "issued")),
                now);
        return new CreatedAdminUser(admin, invitation);
    }

    @Override
    public AdminUser update(Caller caller, AdminUserId id, UpdateAdminUserCommand command, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.ADMIN_USERS_MANAGE);
        if (command.password() != null) {
            throw DomainException.invalid(
                    "password",
                    "is set by the account's owner (POST /api/v1/auth/password) "
                            + "or through a reset invitation (POST /api/v1/admin-users/{id}/password-reset)");
        }
        AdminUser before = forChange(id, expected);
        Instant now = clock.instant();
        AdminUser after = before;
        if (command.email() != null || command.fullName() != null) {
            after = after.withProfile(
                    command.email() != null ? email(command.email()) : before.email(),
                    command.fullName() != null ? blankToNull(command.fullName()) : before.fullName(),
                    now);
        }
        if (command.active() != null && command.active() != before.active()) {
            if (!command.active()) {
                refuseDeactivation(caller, before);
            }
            after = after.withActive(command.active(), now);
        }
        AuditChange changes =
                AuditChange.changed("admin_user.updated", "admin_user", id.value(), describe(before), describe(after));
        if (changes.isEmpty()) {
            return before;
        }
        admins.save(after);
        audit.record(caller, changes, now);
        return after;
    }

    @Override
    public AdminUser deactivate(Caller caller, AdminUserId id, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.ADMIN_USERS_MANAGE);
        AdminUser before = forChange(id, expected);
        if (!before.active()) {
            return before;
        }
        refuseDeactivation(caller, before);
        Instant now = clock.instant();
        AdminUser after = before.withActive(false, now);
        admins.save(after);
        audit.record(
                caller,
                AuditChange.changed(
                        "admin_user.deactivated", "admin_user", id.value(), describe(before), describe(after)),
                now);
        return after;
    }

    private void refuseDeactivation(Caller caller, AdminUser target) {
        if (caller.isAdminAccount() && caller.principalId().equals(target.id().value())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "An admin account cannot deactivate itself");
        }
        if (target.active() && admins.countActive() <= 1) {
            throw new DomainException(
                    ErrorCode.LAST_ACTIVE_ADMIN, "The last active admin account cannot be deactivated");
        }
    }

    private static String email(String raw) {
        String email = raw == null ? "" : raw.trim();
        if (email.isEmpty() || email.length() > 255 || !email.contains("@")) {
            throw DomainException.invalid("email", "must be an e-mail address");
        }
        return email;
    }

    private static Map<String, Object> describe(AdminUser admin) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("username", admin.username());
        values.put("email", admin.email());
        values.put("full_name", admin.fullName());
        values.put("active", admin.active());
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static DomainException notFound(AdminUserId id) {
        return DomainException.notFound(ErrorCode.ADMIN_USER_NOT_FOUND, "Admin user", id);
    }

    /** The account, locked, and still the version the caller read when it sent {@code If-Match}. */
    private AdminUser forChange(AdminUserId id, ExpectedVersion expected) {
        AdminUser admin = admins.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
        expected.requireMatch(admin.updatedAt());
        return admin;
    }
}
