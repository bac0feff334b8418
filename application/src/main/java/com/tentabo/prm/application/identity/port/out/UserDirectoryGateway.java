package com.tentabo.prm.application.identity.port.out;

import java.util.List;
import java.util.Optional;

/**
 * The people of the active directory AUTH provider (LDAP), searched by the back office to pre-provision them: a
 * search is bounded (at most {@code sizeLimit} entries and the provider's time limit; {@link DirectorySearch#truncated()}
 * says that the directory holds more than shown) and its text is an assertion value, never filter syntax.
 *
 * <p>No active directory provider, or one whose configuration cannot work, throws a
 * {@link com.tentabo.prm.domain.shared.DomainException} DIRECTORY_NOT_CONFIGURED; a directory that cannot be reached
 * or refuses the service account a {@link com.tentabo.prm.domain.shared.RetryLaterException} SERVICE_UNAVAILABLE.
 */
public interface UserDirectoryGateway {

    /** The entries whose username, name or e-mail contain {@code text}, the first {@code sizeLimit} of them. */
    DirectorySearch search(String text, int sizeLimit);

    /** The one entry with this stable id ({@link AuthProviderGateway.ProviderIdentity#providerId()}), if any. */
    Optional<DirectoryEntry> entry(String providerId);

    /**
     * A person of the directory: {@code provider} and {@code providerId} are what its sign-in will carry
     * ({@code users.provider}, {@code users.provider_id}); the others may be null.
     */
    record DirectoryEntry(String provider, String providerId, String username, String email, String fullName) {}

    /** Entries found, in the directory's order, and whether more matched than were returned. */
    record DirectorySearch(String provider, List<DirectoryEntry> entries, boolean truncated) {
        public DirectorySearch {
            entries = List.copyOf(entries);
        }
    }
}
