package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.RequestOrigin;

import java.util.UUID;

/** Checks a username and password; the adapter turns the result into a signed token. */
public interface LoginUseCase {

    record LoginCommand(String username, String password, RequestOrigin origin) {
        @Override
        public String toString() {
            return "LoginCommand[username=" + username + "]";
        }
    }

    record LoginResult(PrincipalKind kind, UUID principalId, String username) { }

    LoginResult login(LoginCommand command);
}
