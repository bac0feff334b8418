package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.access.RequestOrigin;
import java.util.UUID;

/**
 * Checks a username and password, or exchanges an OpenID Connect ID token; the adapter turns the result into a signed
 * token. Both go through the same first-login, enabled, audit and throttling rules.
 */
public interface LoginUseCase {

    record LoginCommand(String username, String password, RequestOrigin origin) {
        @Override
        public String toString() {
            return "LoginCommand[username=" + username + "]";
        }
    }

    /** An ID token the active OIDC provider issued to a client app, to exchange for our own token. */
    record TokenExchangeCommand(String idToken, RequestOrigin origin) {
        @Override
        public String toString() {
            return "TokenExchangeCommand[id_token hidden]";
        }
    }

    /**
     * The code an OIDC provider sent back to the console's sign-in, with what that sign-in kept: the PKCE verifier and
     * the nonce the ID token must carry.
     */
    record CodeRedemptionCommand(
            String code, String redirectUri, String codeVerifier, String nonce, RequestOrigin origin) {
        @Override
        public String toString() {
            return "CodeRedemptionCommand[code hidden]";
        }
    }

    record LoginResult(PrincipalKind kind, UUID principalId, String username) {}

    LoginResult login(LoginCommand command);

    LoginResult exchange(TokenExchangeCommand command);

    /** Redeems an authorization code at the active OIDC provider and signs in whom its ID token names. */
    LoginResult redeem(CodeRedemptionCommand command);
}
