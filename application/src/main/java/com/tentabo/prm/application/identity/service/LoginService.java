package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.audit.AuditAuthor;
import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.AuthProviderGateway;
import com.tentabo.prm.application.identity.port.out.AuthorizationCodeGateway;
import com.tentabo.prm.application.identity.port.out.IdTokenGateway;
import com.tentabo.prm.application.identity.port.out.LoginAttemptRepository;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.id.LoginAttemptId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.AdminUser;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Login of admin accounts ({@code admin_users}) and of provider users (every {@link AuthProviderGateway}).
 * Every bad-credential failure answers the same INVALID_CREDENTIALS, whatever was wrong. Failures are throttled per
 * (username, client address) and per client address with growing delays ({@link LoginThrottle}), never per username
 * alone, so that a stranger cannot lock an account's owner out. Successes and failures are audited (never the
 * password). The first login through a provider creates the {@code users} row disabled (pending approval). An admin
 * account's password hash in the replaced system's scheme is re-hashed in ours at its first successful sign-in.
 * A provider that cannot be reached throws a {@link RetryLaterException} (SERVICE_UNAVAILABLE): the other providers
 * are still tried, and when none knows the credentials the login answers that 503 instead of INVALID_CREDENTIALS,
 * not counted as a failure for throttling (the provider logs why it is unavailable).
 *
 * <p>An OpenID Connect ID token exchange ({@link #exchange}) goes through the same rules: the identity the
 * {@link IdTokenGateway} vouches for signs in like a provider user; a token that does not verify is one failure from
 * the caller's address (there is no username to count it against) answered with one generic INVALID_CREDENTIALS.
 * So does an authorization code the console's sign-in brings back ({@link #redeem}, through
 * {@link AuthorizationCodeGateway}).
 *
 * <p>Domain refusals do not roll back: the attempt, its audit row and a first-login user row commit with them.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = DomainException.class)
public class LoginService implements LoginUseCase {

    /** How long failures count ({@link LoginThrottle#WINDOW}). */
    public static final Duration WINDOW = LoginThrottle.WINDOW;
    /** The {@code login_attempts.username} of a refused ID token exchange: only counted by address. */
    static final String ID_TOKEN_ATTEMPT = "#id_token";

    private final AdminUserRepository admins;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final ProviderGateways<AuthProviderGateway> providers;
    private final IdTokenGateway idTokens;
    private final AuthorizationCodeGateway codes;
    private final LoginAttemptRepository attempts;
    private final LoginThrottle throttle;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final AtomicReference<String> dummyHash = new AtomicReference<>();
    private final Notifier notifier;

    public LoginService(
            AdminUserRepository admins,
            UserRepository users,
            PasswordHasher hasher,
            ProviderGateways<AuthProviderGateway> providers,
            IdTokenGateway idTokens,
            AuthorizationCodeGateway codes,
            LoginAttemptRepository attempts,
            LoginThrottle throttle,
            AuditRecorder audit,
            IdGenerator ids,
            Clock clock,
            Notifier notifier) {
        this.notifier = notifier;
        this.admins = admins;
        this.users = users;
        this.hasher = hasher;
        this.providers = providers;
        this.idTokens = idTokens;
        this.codes = codes;
        this.attempts = attempts;
        this.throttle = throttle;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public LoginResult login(LoginCommand command) {
        if (command.username() == null
                || command.password() == null
                || command.username().isBlank()) {
            throw invalid();
        }
        String username = command.username().trim();
        String key = username.toLowerCase(Locale.ROOT);
        RequestOrigin origin = command.origin() == null ? RequestOrigin.UNKNOWN : command.origin();
        Instant now = clock.instant();
        throttle.check(key, LoginThrottle.addressKey(origin.ipAddress()), now);

        Optional<AdminUser> admin = admins.findByUsername(username);
        if (admin.isPresent()) {
            if (hasher.matches(command.password(), admin.get().passwordHash())) {
                return adminLoggedIn(currentHash(admin.get(), command.password(), now), key, origin, now);
            }
        }
        RetryLaterException unavailable = null;
        for (AuthProviderGateway provider : providers) {
            Optional<AuthProviderGateway.ProviderIdentity> identity;
            try {
                identity = provider.authenticate(username, command.password());
            } catch (RetryLaterException providerDown) {
                // another provider may still know the user; if none does, "retry later" beats "wrong password"
                unavailable = providerDown;
                continue;
            }
            if (identity.isPresent()) {
                return userLoggedIn(identity.get(), key, origin, now);
            }
        }
        if (admin.isEmpty()) {
            // same work as a wrong admin password, so that response times do not reveal which usernames exist
            hasher.matches(command.password(), dummyHash());
        }
        if (unavailable != null) {
            // not a failed attempt: a user retrying while the directory is down must not be throttled for it
            throw unavailable;
        }
        throw failed(key, username, "invalid_credentials", origin, now, invalid());
    }

    @Override
    public LoginResult exchange(TokenExchangeCommand command) {
        RequestOrigin origin = command.origin() == null ? RequestOrigin.UNKNOWN : command.origin();
        Instant now = clock.instant();
        throttle.check(null, LoginThrottle.addressKey(origin.ipAddress()), now);
        Optional<AuthProviderGateway.ProviderIdentity> identity = command.idToken() == null
                        || command.idToken().isBlank()
                ? Optional.empty()
                : idTokens.verify(command.idToken().strip()); // a RetryLaterException (IdP down) is not a failure
        if (identity.isEmpty()) {
            throw failed(ID_TOKEN_ATTEMPT, null, "invalid_id_token", origin, now, invalidIdToken());
        }
        return identityLoggedIn(identity.get(), origin, now);
    }

    /** A person an OIDC provider vouches for: the login key is the username, else the {@code sub}. */
    private LoginResult identityLoggedIn(
            AuthProviderGateway.ProviderIdentity identity, RequestOrigin origin, Instant now) {
        String username = identity.username() != null ? identity.username() : identity.providerId();
        return userLoggedIn(identity, username.toLowerCase(Locale.ROOT), origin, now);
    }

    @Override
    public LoginResult redeem(CodeRedemptionCommand command) {
        RequestOrigin origin = command.origin() == null ? RequestOrigin.UNKNOWN : command.origin();
        Instant now = clock.instant();
        throttle.check(null, LoginThrottle.addressKey(origin.ipAddress()), now);
        Optional<AuthProviderGateway.ProviderIdentity> identity = codes.redeem(new AuthorizationCodeGateway.Redemption(
                command.code(),
                command.redirectUri(),
                command.codeVerifier(),
                command.nonce())); // IdP down: not a failure
        if (identity.isEmpty()) {
            throw failed(ID_TOKEN_ATTEMPT, null, "invalid_authorization_code", origin, now, invalidIdToken());
        }
        return identityLoggedIn(identity.get(), origin, now);
    }

    /** Records and audits one failed attempt; returns the refusal to throw. */
    private DomainException failed(
            String key, String username, String reason, RequestOrigin origin, Instant now, DomainException refusal) {
        LoginAttemptId attempt = new LoginAttemptId(ids.newId());
        attempts.record(attempt, key, LoginThrottle.addressKey(origin.ipAddress()), false, now);
        audit.record(
                AuditAuthor.signingIn(null, null, origin),
                new AuditChange("login.failed", "login_attempt", attempt.value(), outcome(username, reason)),
                now);
        return refusal;
    }

    /** An admin account whose matching hash is in the replaced system's scheme, with it re-hashed in ours. */
    private AdminUser currentHash(AdminUser admin, String password, Instant now) {
        return hasher.isCurrent(admin.passwordHash(), password)
                ? admin
                : admin.withPasswordHash(hasher.rehash(password), now);
    }

    private LoginResult adminLoggedIn(AdminUser admin, String key, RequestOrigin origin, Instant now) {
        if (!admin.active()) {
            audit.record(
                    AuditAuthor.signingIn(null, admin.id(), origin),
                    new AuditChange(
                            "login.refused",
                            "admin_user",
                            admin.id().value(),
                            outcome(admin.username(), "account_disabled")),
                    now);
            throw new DomainException(ErrorCode.ACCOUNT_DISABLED, "This admin account is disabled");
        }
        admins.save(admin.loggedIn(now));
        attempts.record(new LoginAttemptId(ids.newId()), key, LoginThrottle.addressKey(origin.ipAddress()), true, now);
        UserId linked = users.findByProvider("database", admin.id().toString())
                .map(UserAccount::id)
                .orElse(null);
        audit.record(
                AuditAuthor.signingIn(linked, admin.id(), origin),
                new AuditChange(
                        "login.succeeded", "admin_user", admin.id().value(), outcome(admin.username(), "succeeded")),
                now);
        return new LoginResult(PrincipalKind.ADMIN_USER, admin.id().value(), admin.username());
    }

    private LoginResult userLoggedIn(
            AuthProviderGateway.ProviderIdentity identity, String key, RequestOrigin origin, Instant now) {
        UserAccount user = users.findByProvider(identity.provider(), identity.providerId())
                .orElseGet(() -> {
                    UserAccount created = UserAccount.firstLogin(
                            new UserId(ids.newId()),
                            identity.provider(),
                            identity.providerId(),
                            identity.email() == null ? identity.username() : identity.email(),
                            identity.fullName(),
                            identity.username(),
                            now);
                    users.save(created);
                    audit.record(
                            AuditAuthor.signingIn(created.id(), null, origin),
                            new AuditChange(
                                    "user.first_login",
                                    "user",
                                    created.id().value(),
                                    List.of(
                                            Field.set("provider", created.provider()),
                                            Field.set("username", String.valueOf(created.username())),
                                            Field.set("enabled", false))),
                            now);
                    notifier.notify(NotificationEvents.userPendingApproval(created));
                    return created;
                });
        if (!user.enabled()) {
            boolean pending = user.enabledAt() == null;
            audit.record(
                    AuditAuthor.signingIn(user.id(), null, origin),
                    new AuditChange(
                            "login.refused",
                            "user",
                            user.id().value(),
                            outcome(identity.username(), pending ? "pending_approval" : "account_disabled")),
                    now);
            throw pending
                    ? new DomainException(
                            ErrorCode.ACCOUNT_PENDING_APPROVAL, "Your account is pending approval by an administrator")
                    : new DomainException(ErrorCode.ACCOUNT_DISABLED, "Your account is disabled");
        }
        users.save(user.loggedIn(now));
        attempts.record(new LoginAttemptId(ids.newId()), key, LoginThrottle.addressKey(origin.ipAddress()), true, now);
        audit.record(
                AuditAuthor.signingIn(user.id(), null, origin),
                new AuditChange(
                        "login.succeeded", "user", user.id().value(), outcome(identity.username(), "succeeded")),
                now);
        return new LoginResult(
                PrincipalKind.USER, user.id().value(), user.username() != null ? user.username() : user.email());
    }

    /** The fields of a sign-in's row: the username tried (when there is one) and how it ended. */
    private static List<Field> outcome(String username, String outcome) {
        List<Field> fields = new ArrayList<>();
        if (username != null) {
            fields.add(Field.set("username", username));
        }
        fields.add(Field.set("outcome", outcome));
        return fields;
    }

    private String dummyHash() {
        return dummyHash.updateAndGet(hash -> hash != null ? hash : hasher.hash("no-such-user-" + UUID.randomUUID()));
    }

    private static DomainException invalid() {
        return new DomainException(ErrorCode.INVALID_CREDENTIALS, "Unknown username or wrong password");
    }

    /** One answer for every ID token that does not sign in: never which check failed. */
    private static DomainException invalidIdToken() {
        return new DomainException(ErrorCode.INVALID_CREDENTIALS, "The ID token is not accepted");
    }
}
