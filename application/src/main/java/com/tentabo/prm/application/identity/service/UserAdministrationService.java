package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.AuditFields;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.identity.port.in.ManagePasswordsUseCase;
import com.tentabo.prm.application.identity.port.in.ManageUsersUseCase;
import com.tentabo.prm.application.identity.port.out.AdminUserRepository;
import com.tentabo.prm.application.identity.port.out.CompanyDirectory;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.application.identity.port.out.UserCredentialRepository;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.application.notification.NotificationEvents;
import com.tentabo.prm.application.notification.service.Notifier;
import com.tentabo.prm.application.shared.Cursor;
import com.tentabo.prm.application.shared.ExpectedVersion;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.Page;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

@ApplicationScoped
@Transactional
public class UserAdministrationService implements ManageUsersUseCase {

    static final String DATABASE = "database";
    private static final Pattern PROVIDER = Pattern.compile("[a-z][a-z0-9_-]{0,49}");
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,100}");

    private final UserRepository users;
    private final UserCredentialRepository credentials;
    private final AdminUserRepository admins;
    private final CompanyDirectory companies;
    private final Invitations invitations;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final Notifier notifier;

    public UserAdministrationService(
            UserRepository users,
            UserCredentialRepository credentials,
            AdminUserRepository admins,
            CompanyDirectory companies,
            Invitations invitations,
            AuditRecorder audit,
            IdGenerator ids,
            Clock clock,
            Notifier notifier) {
        this.notifier = notifier;
        this.users = users;
        this.credentials = credentials;
        this.admins = admins;
        this.companies = companies;
        this.invitations = invitations;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Page<UserAccount> list(Caller caller, ListUsersQuery query) {
        TenantScope scope;
        if (AccessPolicy.can(caller, Capability.USERS_READ)) {
            scope = new TenantScope.Everything();
        } else {
            AccessPolicy.require(caller, Capability.COLLEAGUES_READ);
            scope = AccessPolicy.scopeOf(caller);
        }
        int limit = Cursor.limit(query.limit());
        Cursor after = Cursor.decode(query.cursor());
        String provider = query.provider() == null ? null : query.provider().toLowerCase(Locale.ROOT);
        String search = query.search() == null || query.search().isBlank()
                ? null
                : query.search().trim();
        if (search != null && search.length() > MAX_SEARCH) {
            throw DomainException.invalid("search", "must be at most " + MAX_SEARCH + " characters");
        }
        List<UserAccount> rows = users.list(
                scope,
                new UserRepository.UserFilter(
                        query.role(), query.enabled(), provider, query.partnerId(), query.distributorId(), search),
                after == null ? null : after.createdAt(),
                after == null ? null : new UserId(after.id()),
                limit + 1);
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        UserAccount last = rows.get(limit - 1);
        return new Page<>(
                rows.subList(0, limit), Cursor.after(last.createdAt(), last.id().value()));
    }

    @Override
    public UserAccount get(Caller caller, UserId userId) {
        if (!AccessPolicy.can(caller, Capability.USERS_READ)) {
            AccessPolicy.require(caller, Capability.COLLEAGUES_READ);
        }
        UserAccount user = users.findById(userId).orElseThrow(() -> notFound(userId));
        AccessPolicy.requireMayReadUser(caller, user.id(), user.company());
        return user;
    }

    @Override
    public CreatedUser createWithInvitation(Caller caller, CreateUserCommand command) {
        return create(caller, command, null);
    }

    /**
     * A directory user pre-provisioned from its entry ({@link DirectoryProvisioningService}): the rules and the audit
     * row of {@link #createWithInvitation}, the row saying {@code source: directory}.
     */
    public UserAccount createFromDirectory(Caller caller, CreateUserCommand command) {
        return create(caller, command, "directory").user();
    }

    private CreatedUser create(Caller caller, CreateUserCommand command, String source) {
        AccessPolicy.requireMayAdministerUser(caller, null, null, command.role());
        if (command.password() != null) {
            throw DomainException.invalid(
                    "password",
                    "nobody sets another person's password: a database user "
                            + "sets its own through the invitation in this answer");
        }
        if (command.role() == null) {
            throw DomainException.invalid("role", "is required");
        }
        String provider = command.provider() == null
                ? DATABASE
                : command.provider().trim().toLowerCase(Locale.ROOT);
        if (!PROVIDER.matcher(provider).matches()) {
            throw DomainException.invalid("provider", "must be a provider name such as database, ldap, oidc or saml");
        }
        String username = command.username() == null ? null : command.username().trim();
        if (username != null && !USERNAME.matcher(username).matches()) {
            throw DomainException.invalid("username", "must be 1 to 100 letters, digits or . _ @ + -");
        }
        String email = command.email() == null ? "" : command.email().trim();
        if (email.isEmpty() || email.length() > 255 || !email.contains("@")) {
            throw DomainException.invalid("email", "must be an e-mail address");
        }
        checkCompanyExists(command.partnerId(), command.distributorId());
        UserId id = new UserId(ids.newId());
        String providerId;
        if (DATABASE.equals(provider)) {
            if (username == null) {
                throw DomainException.invalid("username", "is required for a database user");
            }
            if (command.providerId() != null) {
                throw DomainException.invalid("provider_id", "is chosen by the server for a database user");
            }
            if (credentials.usernameTaken(username) || admins.usernameTaken(username)) {
                throw new DomainException(
                        ErrorCode.USERNAME_TAKEN,
                        "The username " + username + " is already taken",
                        List.of(new FieldViolation("username", "is already taken")));
            }
            providerId = id.toString();
        } else {
            providerId =
                    command.providerId() == null ? "" : command.providerId().trim();
            if (providerId.isEmpty() || providerId.length() > 255) {
                throw DomainException.invalid("provider_id", "is required: the directory's id of this person");
            }
            if (users.findByProvider(provider, providerId).isPresent()) {
                throw new DomainException(
                        ErrorCode.DUPLICATE_VALUE,
                        "This provider user already exists",
                        List.of(new FieldViolation("provider_id", "already exists for this provider")));
            }
        }
        Instant now = clock.instant();
        boolean enabled = command.enabled() == null || command.enabled();
        UserAccount user = UserAccount.provisioned(
                id,
                provider,
                providerId,
                email,
                blankToNull(command.fullName()),
                username,
                command.role(),
                command.partnerId(),
                command.distributorId(),
                enabled,
                caller.adminUserId(),
                now);
        users.save(user);
        ManagePasswordsUseCase.IssuedInvitation invitation = null;
        if (DATABASE.equals(provider)) {
            // the username is reserved now; the password is its owner's to set
            credentials.save(
                    new UserCredentialRepository.UserCredential(id, username, PasswordHasher.NO_PASSWORD, now, now));
            if (caller.role() == Role.ADMIN) {
                invitation = invitations.issue(PrincipalKind.USER, id.value(), username, Invitations.INVITATION, now);
            }
        }
        List<Field> created = AuditFields.created(describe(user));
        if (DATABASE.equals(provider)) {
            created.add(Field.set("invitation", invitation != null ? "issued" : "awaiting_admin"));
        }
        if (source != null) {
            created.add(Field.set("source", source));
        }
        audit.record(caller, new AuditChange("user.created", "user", id.value(), created), now);
        return new CreatedUser(user, invitation);
    }

    @Override
    public UserAccount setEnablement(
            Caller caller, UserId userId, boolean enabled, String reason, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.USERS_MANAGE);
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > 500) {
            throw DomainException.invalid("reason", "is required (1 to 500 characters)");
        }
        UserAccount before = forChange(userId, expected);
        AccessPolicy.requireMayAdministerUser(caller, before.id(), before.role(), null);
        Instant now = clock.instant();
        UserAccount after = before.withEnablement(enabled, caller.adminUserId(), now);
        if (after.equals(before)) {
            return before;
        }
        users.save(after);
        audit.record(
                caller,
                AuditChange.changed(
                                enabled ? "user.enabled" : "user.disabled",
                                "user",
                                userId.value(),
                                describe(before),
                                describe(after))
                        .with(Field.set("reason", why)),
                now);
        if (enabled && before.enabledAt() == null) {
            notifier.notify(NotificationEvents.userApproved(after));
        }
        return after;
    }

    @Override
    public UserAccount setRole(
            Caller caller,
            UserId userId,
            Role role,
            PartnerId partnerId,
            DistributorId distributorId,
            ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.USERS_MANAGE);
        if (role == null) {
            throw DomainException.invalid("role", "is required");
        }
        UserAccount before = forChange(userId, expected);
        AccessPolicy.requireMayAdministerUser(caller, before.id(), before.role(), role);
        PartnerId partner = partnerId != null ? partnerId : (role == Role.PARTNER ? before.partnerId() : null);
        DistributorId distributor =
                distributorId != null ? distributorId : (role == Role.DISTRIBUTOR ? before.distributorId() : null);
        return change(
                caller, before, before.withRole(role, partner, distributor, clock.instant()), "user.role_changed");
    }

    @Override
    public UserAccount setCompany(
            Caller caller, UserId userId, PartnerId partnerId, DistributorId distributorId, ExpectedVersion expected) {
        AccessPolicy.require(caller, Capability.USERS_MANAGE);
        if ((partnerId == null) == (distributorId == null)) {
            throw DomainException.invalid("partner_id", "give exactly one of partner_id and distributor_id");
        }
        UserAccount before = forChange(userId, expected);
        AccessPolicy.requireMayAdministerUser(caller, before.id(), before.role(), null);
        if (partnerId != null && before.role() != Role.PARTNER) {
            throw DomainException.invalid("partner_id", "only a PARTNER user belongs to a partner; set its role first");
        }
        if (distributorId != null && before.role() != Role.DISTRIBUTOR) {
            throw DomainException.invalid(
                    "distributor_id", "only a DISTRIBUTOR user belongs to a distributor; set its role first");
        }
        return change(
                caller,
                before,
                before.withRole(before.role(), partnerId, distributorId, clock.instant()),
                "user.company_changed");
    }

    /** The user, locked, and still the version the caller read when it sent {@code If-Match}. */
    private UserAccount forChange(UserId userId, ExpectedVersion expected) {
        UserAccount user = users.findByIdForUpdate(userId).orElseThrow(() -> notFound(userId));
        expected.requireMatch(user.updatedAt());
        return user;
    }

    private UserAccount change(Caller caller, UserAccount before, UserAccount after, String action) {
        checkCompanyExists(after.partnerId(), after.distributorId());
        users.save(after);
        audit.record(
                caller,
                AuditChange.changed(action, "user", after.id().value(), describe(before), describe(after)),
                after.updatedAt());
        return after;
    }

    private void checkCompanyExists(PartnerId partnerId, DistributorId distributorId) {
        if (partnerId != null && !companies.partnerExists(partnerId)) {
            throw new DomainException(
                    ErrorCode.REFERENCED_RECORD_MISSING,
                    "Partner " + partnerId + " does not exist",
                    List.of(new FieldViolation("partner_id", "no such partner")));
        }
        if (distributorId != null && !companies.distributorExists(distributorId)) {
            throw new DomainException(
                    ErrorCode.REFERENCED_RECORD_MISSING,
                    "Distributor " + distributorId + " does not exist",
                    List.of(new FieldViolation("distributor_id", "no such distributor")));
        }
    }

    private static Map<String, Object> describe(UserAccount user) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("provider", user.provider());
        values.put("username", user.username());
        values.put("email", user.email());
        values.put("role", user.role());
        values.put("enabled", user.enabled());
        values.put("partner_id", user.partnerId());
        values.put("distributor_id", user.distributorId());
        return values;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static DomainException notFound(UserId id) {
        return DomainException.notFound(ErrorCode.USER_NOT_FOUND, "User", id);
    }
}
