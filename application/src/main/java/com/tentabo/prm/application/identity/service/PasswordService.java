package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.audit.AuditAuthor;
import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.identity.port.in.LoginUseCase.LoginResult;
import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase;
import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.InvitationRepository;
import com.tentabo.prm.application.identity.port.out.LoginAttemptRepository;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.application.identity.port.out.UserCredentialRepository;
import com.tentabo.prm.application.identity.port.out.UserCredentialRepository.UserCredential;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.id.AdminUserId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LoginAttemptId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.AdminUser;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Invitations, password changes and resets ({@link ManagePasswordsUseCase}). Every path that sets a password
 * revokes the account's earlier credentials ({@link Invitations#revokeCredentials}). A wrong current password counts
 * as a failed login of the (username, address) pair, so the change endpoint cannot be used to guess passwords faster
 * than the login.
 *
 * <p>Domain refusals after the password is set (an invited account that is disabled or pending approval) do not roll
 * it back; every other refusal happens before anything is written.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = DomainException.class)
public class PasswordService implements ManagePasswordsUseCase {

    private final AdminUserRepository admins;
    private final UserRepository users;
    private final UserCredentialRepository credentials;
    private final InvitationRepository invitationRows;
    private final Invitations invitations;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final LoginAttemptRepository attempts;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Clock clock;

    public PasswordService(
            AdminUserRepository admins,
            UserRepository users,
            UserCredentialRepository credentials,
            InvitationRepository invitationRows,
            Invitations invitations,
            PasswordHasher hasher,
            LoginThrottle throttle,
            LoginAttemptRepository attempts,
            AuditRecorder audit,
            IdGenerator ids,
            Clock clock) {
        this.admins = admins;
        this.users = users;
        this.credentials = credentials;
        this.invitationRows = invitationRows;
        this.invitations = invitations;
        this.hasher = hasher;
        this.throttle = throttle;
        this.attempts = attempts;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public LoginResult acceptInvitation(String token, String password, RequestOrigin origin) {
        RequestOrigin from = origin == null ? RequestOrigin.UNKNOWN : origin;
        Instant now = clock.instant();
        InvitationRepository.Invitation invitation = usable(token, now).orElseThrow(PasswordService::invalidInvitation);
        Passwords.check("password", password);
        String hash = hasher.hash(password);
        invitationRows.markUsed(invitation.id(), now);
        invitations.revokeCredentials(invitation.kind(), invitation.principalId(), now);
        return switch (invitation.kind()) {
            case ADMIN_USER -> adminAccepted(invitation, hash, from, now);
            case USER -> userAccepted(invitation, hash, from, now);
        };
    }

    @Override
    public boolean invitationUsable(String token) {
        return usable(token, clock.instant()).isPresent();
    }

    /** The invitation of a well-formed token that is known, unused, not replaced and not expired. */
    private Optional<InvitationRepository.Invitation> usable(String token, Instant now) {
        if (token == null || !Invitations.TOKEN_SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return invitationRows
                .findByTokenHashForUpdate(ApiKeyService.sha256(token))
                .filter(i -> i.usableAt(now));
    }

    @Override
    public boolean hasOwnPassword(Caller caller) {
        return caller.kind() == PrincipalKind.ADMIN_USER
                || credentials.findByUserId(caller.userPrincipalId()).isPresent();
    }

    private LoginResult adminAccepted(
            InvitationRepository.Invitation invitation, String hash, RequestOrigin origin, Instant now) {
        AdminUser admin = admins.findByIdForUpdate(new AdminUserId(invitation.principalId()))
                .orElseThrow(PasswordService::invalidInvitation);
        admins.save(admin.withPasswordHash(hash, now));
        audit.record(
                AuditAuthor.signingIn(null, admin.id(), origin),
                passwordSet("admin_user", admin.id(), invitation),
                now);
        if (!admin.active()) {
            throw new DomainException(
                    ErrorCode.ACCOUNT_DISABLED, "Your password is set, but this admin account is disabled");
        }
        return new LoginResult(PrincipalKind.ADMIN_USER, admin.id().value(), admin.username());
    }

    private LoginResult userAccepted(
            InvitationRepository.Invitation invitation, String hash, RequestOrigin origin, Instant now) {
        UserAccount user =
                users.findById(new UserId(invitation.principalId())).orElseThrow(PasswordService::invalidInvitation);
        UserCredential credential = credentials.findByUserId(user.id()).orElseThrow(PasswordService::invalidInvitation);
        credentials.save(new UserCredential(user.id(), credential.username(), hash, credential.createdAt(), now));
        audit.record(AuditAuthor.signingIn(user.id(), null, origin), passwordSet("user", user.id(), invitation), now);
        if (!user.enabled()) {
            throw user.enabledAt() == null
                    ? new DomainException(
                            ErrorCode.ACCOUNT_PENDING_APPROVAL,
                            "Your password is set; your account is pending approval by an administrator")
                    : new DomainException(
                            ErrorCode.ACCOUNT_DISABLED, "Your password is set, but your account is disabled");
        }
        return new LoginResult(PrincipalKind.USER, user.id().value(), credential.username());
    }

    @Override
    public LoginResult changeOwnPassword(Caller caller, String currentPassword, String newPassword) {
        AccessPolicy.require(caller, Capability.OWN_PASSWORD_CHANGE);
        Instant now = clock.instant();
        String address = LoginThrottle.addressKey(caller.origin().ipAddress());
        if (caller.kind() == PrincipalKind.ADMIN_USER) {
            AdminUser admin = admins.findByIdForUpdate(caller.adminUserId())
                    .orElseThrow(() -> new DomainException(ErrorCode.UNAUTHENTICATED, "The account no longer exists"));
            String key = admin.username().toLowerCase(Locale.ROOT);
            checkCurrent(key, address, currentPassword, admin.passwordHash(), now);
            Passwords.check("new_password", newPassword);
            admins.save(admin.withPasswordHash(hasher.hash(newPassword), now));
            changed(caller, "admin_user", admin.id(), now);
            return new LoginResult(PrincipalKind.ADMIN_USER, admin.id().value(), admin.username());
        }
        UserCredential credential = credentials
                .findByUserId(caller.userPrincipalId())
                .orElseThrow(() -> new DomainException(
                        ErrorCode.PASSWORD_NOT_LOCAL,
                        "Your password is kept by your sign-in provider; " + "change it there"));
        checkCurrent(
                credential.username().toLowerCase(Locale.ROOT),
                address,
                currentPassword,
                credential.passwordHash(),
                now);
        Passwords.check("new_password", newPassword);
        credentials.save(new UserCredential(
                credential.userId(), credential.username(), hasher.hash(newPassword), credential.createdAt(), now));
        changed(caller, "user", credential.userId(), now);
        return new LoginResult(PrincipalKind.USER, credential.userId().value(), credential.username());
    }

    /** The current password must match; a wrong one is a failed login of the (username, address) pair. */
    private void checkCurrent(String usernameKey, String address, String currentPassword, String hash, Instant now) {
        throttle.check(usernameKey, address, now);
        if (currentPassword == null || !hasher.matches(currentPassword, hash)) {
            attempts.record(new LoginAttemptId(ids.newId()), usernameKey, address, false, now);
            throw DomainException.invalid("current_password", "is not your current password");
        }
    }

    private void changed(Caller caller, String entityType, EntityId id, Instant now) {
        invitations.revokeCredentials(caller.kind(), caller.principalId(), now);
        audit.record(
                caller,
                new AuditChange("password.changed", entityType, id.value(), List.of(Field.set("password", "***"))),
                now);
    }

    @Override
    public IssuedInvitation resetUserPassword(Caller caller, UserId userId) {
        AccessPolicy.require(caller, Capability.PASSWORDS_RESET);
        UserAccount user = users.findByIdForUpdate(userId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.USER_NOT_FOUND, "User", userId));
        UserCredential credential = credentials
                .findByUserId(user.id())
                .orElseThrow(() -> new DomainException(
                        ErrorCode.PASSWORD_NOT_LOCAL,
                        "This user signs in through provider " + user.provider()
                                + ", which keeps its password; reset it there"));
        Instant now = clock.instant();
        credentials.save(new UserCredential(
                user.id(), credential.username(), PasswordHasher.NO_PASSWORD, credential.createdAt(), now));
        invitations.revokeCredentials(PrincipalKind.USER, user.id().value(), now);
        IssuedInvitation issued =
                invitations.issue(PrincipalKind.USER, user.id().value(), credential.username(), Invitations.RESET, now);
        audit.record(caller, passwordReset("user", user.id(), issued), now);
        return issued;
    }

    @Override
    public IssuedInvitation resetAdminPassword(Caller caller, AdminUserId adminUserId) {
        AccessPolicy.require(caller, Capability.PASSWORDS_RESET);
        AccessPolicy.require(caller, Capability.ADMIN_USERS_MANAGE);
        AdminUser admin = admins.findByIdForUpdate(adminUserId)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.ADMIN_USER_NOT_FOUND, "Admin user", adminUserId));
        Instant now = clock.instant();
        admins.save(admin.withPasswordHash(PasswordHasher.NO_PASSWORD, now));
        invitations.revokeCredentials(PrincipalKind.ADMIN_USER, admin.id().value(), now);
        IssuedInvitation issued = invitations.issue(
                PrincipalKind.ADMIN_USER, admin.id().value(), admin.username(), Invitations.RESET, now);
        audit.record(caller, passwordReset("admin_user", admin.id(), issued), now);
        return issued;
    }

    /** A password set through an invitation: which kind of invitation. */
    private static AuditChange passwordSet(String entityType, EntityId id, InvitationRepository.Invitation invitation) {
        return new AuditChange(
                "password.set", entityType, id.value(), List.of(Field.set("through", invitation.purpose())));
    }

    /** A password reset by an administrator: until when the reset invitation may be used. */
    private static AuditChange passwordReset(String entityType, EntityId id, IssuedInvitation issued) {
        return new AuditChange(
                "password.reset",
                entityType,
                id.value(),
                List.of(Field.set("invitation_expires_at", issued.expiresAt())));
    }

    private static DomainException invalidInvitation() {
        return new DomainException(
                ErrorCode.INVITATION_INVALID,
                "This invitation link is unknown, already used, "
                        + "replaced by a newer one or expired; ask an administrator for a new one");
    }
}
