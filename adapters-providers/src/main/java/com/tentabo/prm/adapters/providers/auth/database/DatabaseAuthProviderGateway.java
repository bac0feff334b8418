package com.tentabo.prm.adapters.providers.auth.database;

import com.tentabo.prm.application.identity.port.out.AuthProviderGateway;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.application.identity.port.out.UserCredentialRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

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
        return credentials.findByUsername(username)
                .filter(credential -> hasher.matches(password, credential.passwordHash()))
                .map(credential -> new ProviderIdentity(NAME, credential.userId().toString(), credential.username(),
                        null, null));
    }
}
