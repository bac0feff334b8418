package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.in.ManageUsersUseCase.CreateUserCommand;
import com.tentabo.prm.application.identity.port.in.ProvisionFromDirectoryUseCase;
import com.tentabo.prm.application.identity.port.out.UserDirectoryGateway;
import com.tentabo.prm.application.identity.port.out.UserDirectoryGateway.DirectoryEntry;
import com.tentabo.prm.application.identity.port.out.UserRepository;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.identity.UserAccount;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Directory search and pre-provisioning. The directory is asked outside any database transaction (it may take up to
 * its time limit); the user is then created through {@link UserAdministrationService}, in its transaction, with its
 * rules (company checks, duplicate check, RESTRICTED_ADMIN limits) and its audit row, marked as coming from the
 * directory.
 */
@ApplicationScoped
public class DirectoryProvisioningService implements ProvisionFromDirectoryUseCase {

    private final UserDirectoryGateway directory;
    private final UserRepository users;
    private final UserAdministrationService administration;

    public DirectoryProvisioningService(
            UserDirectoryGateway directory, UserRepository users, UserAdministrationService administration) {
        this.directory = directory;
        this.users = users;
        this.administration = administration;
    }

    @Override
    public DirectoryPeople search(Caller caller, String text) {
        AccessPolicy.require(caller, Capability.USERS_MANAGE);
        String q = text == null ? "" : text.strip();
        if (q.length() < MIN_TEXT || q.length() > MAX_TEXT) {
            throw DomainException.invalid(
                    "q", "type " + MIN_TEXT + " to " + MAX_TEXT + " characters of a username, name or e-mail");
        }
        if (q.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("q", "must not contain control characters");
        }
        UserDirectoryGateway.DirectorySearch found = directory.search(q, LIMIT);
        List<Person> people = found.entries().stream()
                .map(entry -> new Person(
                        entry.providerId(),
                        entry.username(),
                        entry.email(),
                        entry.fullName(),
                        users.findByProvider(found.provider(), entry.providerId())
                                .map(UserAccount::id)
                                .orElse(null)))
                .toList();
        return new DirectoryPeople(found.provider(), people, found.truncated());
    }

    @Override
    public UserAccount provision(Caller caller, ProvisionCommand command) {
        if (command.role() == null) {
            AccessPolicy.require(caller, Capability.USERS_MANAGE);
            throw DomainException.invalid("role", "is required");
        }
        AccessPolicy.requireMayAdministerUser(caller, null, null, command.role());
        String providerId =
                command.providerId() == null ? "" : command.providerId().strip();
        if (providerId.isEmpty() || providerId.length() > 255) {
            throw DomainException.invalid("provider_id", "is required: the directory's id of the person");
        }
        DirectoryEntry entry = directory
                .entry(providerId)
                .orElseThrow(() -> new DomainException(
                        ErrorCode.DIRECTORY_ENTRY_NOT_FOUND,
                        "The directory holds no person with this id",
                        List.of(new FieldViolation("provider_id", "no such person in the directory"))));
        if (entry.email() == null) {
            throw DomainException.invalid("provider_id", "this person has no e-mail address in the directory");
        }
        if (users.findByProvider(entry.provider(), entry.providerId()).isPresent()) {
            throw new DomainException(
                    ErrorCode.DUPLICATE_VALUE,
                    "This person is a user already",
                    List.of(new FieldViolation("provider_id", "is a user already")));
        }
        PartnerId partnerId = command.role() == Role.PARTNER ? command.partnerId() : null;
        DistributorId distributorId = command.role() == Role.DISTRIBUTOR ? command.distributorId() : null;
        return administration.createFromDirectory(
                caller,
                new CreateUserCommand(
                        entry.provider(),
                        entry.providerId(),
                        usableUsername(entry.username()),
                        entry.email(),
                        entry.fullName(),
                        command.role(),
                        partnerId,
                        distributorId,
                        null,
                        true));
    }

    /** The directory's username when it fits {@code users.username}; else none (the person signs in all the same). */
    private static String usableUsername(String username) {
        return username != null
                        && UserAdministrationService.USERNAME.matcher(username).matches()
                ? username
                : null;
    }
}
