package com.tentabo.prm.adapters.providers.auth.database;

import com.tentabo.prm.application.identity.port.out.AuthProviderGateway;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.application.identity.port.out.UserCredentialRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code database} auth provider: users without a directory, created by an administrator with a password
 * kept bcrypt-hashed in {@code user_credentials}. Usernames are matched case-insensitively. The {@code users} row's
 * {@code provider_id} is the user's own id.
 */
@ApplicationScoped
public class DatabaseAuthProviderGateway implements AuthProviderGateway {

    static final String NAME = "database";

    private final UserCredentialRepository credentials;
    private final PasswordHasher hasher;
    private final AtomicReference<String> dummyHash = new AtomicReference<>();

    public DatabaseAuthProviderGateway(UserCredentialRepository credentials, PasswordHasher hasher) {
        this.credentials = credentials;
        this.hasher = hasher;
    }

    @Override
    public String providerName() {
        return NAME;
    }

    @Override
    public Optional<ProviderIdentity> authenticate(String username, String password) {
        Optional<UserCredentialRepository.UserCredential> credential = credentials.findByUsername(username);
        if (credential.isEmpty()) {
            // as much work as a wrong password, so that response times do not reveal which usernames exist
            hasher.matches(password, dummyHash());
            return Optional.empty();
        }
        return credential
                .filter(c -> hasher.matches(password, c.passwordHash()))
                .map(c -> new ProviderIdentity(NAME, c.userId().toString(), c.username(), null, null));
    }

    private String dummyHash() {
        return dummyHash.updateAndGet(hash -> hash != null ? hash : hasher.hash("no-such-user-" + UUID.randomUUID()));
    }
}
