package com.tentabo.prm.adapters.providers.auth.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.tentabo.prm.application.identity.port.out.AuthProviderGateway;
import com.tentabo.prm.application.identity.port.out.UserCredentialRepository;
import com.tentabo.prm.domain.id.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabaseAuthProviderGatewayTest {

    /** In-memory credentials, case-insensitive like the table's unique index. */
    static final class InMemoryCredentials implements UserCredentialRepository {
        private final Map<String, UserCredential> byName = new HashMap<>();

        @Override
        public Optional<UserCredential> findByUsername(String username) {
            return Optional.ofNullable(byName.get(username.toLowerCase(Locale.ROOT)));
        }

        @Override
        public Optional<UserCredential> findByUserId(UserId userId) {
            return byName.values().stream()
                    .filter(c -> c.userId().equals(userId))
                    .findFirst();
        }

        @Override
        public boolean usernameTaken(String username) {
            return byName.containsKey(username.toLowerCase(Locale.ROOT));
        }

        @Override
        public void save(UserCredential credential) {
            byName.put(credential.username().toLowerCase(Locale.ROOT), credential);
        }
    }

    @Test
    void givenStoredCredential_whenPasswordMatches_thenIdentityNamesTheUserAsDatabaseProvider_elseEmpty() {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher();
        InMemoryCredentials credentials = new InMemoryCredentials();
        UserId userId = new UserId(UUID.randomUUID());
        credentials.save(new UserCredentialRepository.UserCredential(
                userId, "Alice", hasher.hash("correct horse"), Instant.EPOCH, Instant.EPOCH));
        DatabaseAuthProviderGateway gateway = new DatabaseAuthProviderGateway(credentials, hasher);

        Optional<AuthProviderGateway.ProviderIdentity> identity = gateway.authenticate("alice", "correct horse");
        assertThat(identity).hasValueSatisfying(i -> {
            assertThat(i.provider()).isEqualTo("database");
            assertThat(i.providerId()).isEqualTo(userId.toString());
            assertThat(i.username()).isEqualTo("Alice");
        });
        assertThat(gateway.authenticate("alice", "wrong horse")).isEmpty();
        assertThat(gateway.authenticate("bob", "correct horse")).isEmpty();
        assertThat(gateway.providerName()).isEqualTo("database");
    }
}
