package com.tentabo.prm.bootstrap.support;

import com.tentabo.prm.application.identity.port.out.AuthProviderGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * A directory for tests, plugged in through the same port as LDAP/OIDC/SAML will be: it knows every username that
 * starts with {@code directory-}, with the password {@value #PASSWORD}. Lets tests prove what a first login through
 * a provider does.
 */
@ApplicationScoped
public class TestDirectoryGateway implements AuthProviderGateway {

    public static final String NAME = "test-directory";
    public static final String PASSWORD = "directory-secret";

    @Override
    public String providerName() {
        return NAME;
    }

    @Override
    public Optional<ProviderIdentity> authenticate(String username, String password) {
        if (username.startsWith("directory-") && PASSWORD.equals(password)) {
            return Optional.of(new ProviderIdentity(
                    NAME, "uid=" + username, username, username + "@directory.example", "Directory " + username));
        }
        return Optional.empty();
    }
}
