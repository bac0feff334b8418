package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.identity.UserAccount;
import java.util.List;

/**
 * The people of the active LDAP provider, for ADMIN and RESTRICTED_ADMIN: search them (by a part of their username,
 * name or e-mail; at most {@link #LIMIT} shown, the answer saying when the directory holds more) and pre-provision
 * one with a role and a company, so that their first sign-in finds them already approved. The user row is made from
 * the directory's entry, read again at provisioning (username, e-mail, name are never the caller's to choose); a
 * RESTRICTED_ADMIN never grants ADMIN, as for every user it creates.
 */
public interface ProvisionFromDirectoryUseCase {

    /** At most this many people are shown by one search. */
    int LIMIT = 25;

    int MIN_TEXT = 2;
    int MAX_TEXT = 100;

    /** A person of the directory; {@code userId} is the user already provisioned for them, or null. */
    record Person(String providerId, String username, String email, String fullName, UserId userId) {}

    /** {@code truncated}: the directory holds more people matching the text than shown; refine the search. */
    record DirectoryPeople(String provider, List<Person> people, boolean truncated) {
        public DirectoryPeople {
            people = List.copyOf(people);
        }
    }

    /** @param providerId the directory's stable id of the person, as a search gave it */
    record ProvisionCommand(String providerId, Role role, PartnerId partnerId, DistributorId distributorId) {}

    DirectoryPeople search(Caller caller, String text);

    /** The user created enabled; 409 DUPLICATE_VALUE when the person is a user already. */
    UserAccount provision(Caller caller, ProvisionCommand command);
}
