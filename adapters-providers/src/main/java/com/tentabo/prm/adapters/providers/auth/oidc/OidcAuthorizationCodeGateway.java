package com.tentabo.prm.adapters.providers.auth.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.application.identity.port.out.AuthProviderGateway.ProviderIdentity;
import com.tentabo.prm.application.identity.port.out.AuthorizationCodeGateway;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.domain.shared.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.jboss.logging.Logger;

/**
 * The console's "Sign in with …" through the active OIDC provider: the authorization-code flow with PKCE (S256) and a
 * {@code nonce}. The authorization and token endpoints come from the provider's discovery document (issuer equal to the
 * configured one, https only outside development, as for the keys); the code is redeemed with the PKCE verifier (and
 * the optional {@code client_secret}, {@code client_secret_post}); the ID token of the answer is verified by
 * {@link OidcIdTokenGateway} exactly as an exchanged one, and its {@code nonce} must be the one this sign-in sent.
 */
@ApplicationScoped
public class OidcAuthorizationCodeGateway implements AuthorizationCodeGateway {

    private static final Logger LOG = Logger.getLogger(OidcAuthorizationCodeGateway.class);

    private final OidcIdTokenGateway idTokens;
    private final HttpClient client;

    public OidcAuthorizationCodeGateway(OidcIdTokenGateway idTokens, HttpClient client) {
        this.idTokens = idTokens;
        this.client = client;
    }

    @Override
    public Optional<SignInProvider> signInProvider() {
        try {
            return idTokens.activeOidcSettings().map(oidc -> new SignInProvider(oidc.displayName()));
        } catch (RetryLaterException unusable) {
            return Optional.empty(); // logged; the password form still works
        }
    }

    @Override
    public Optional<URI> authorizationUri(AuthorizationRequest request) {
        Optional<OidcSettings> active = idTokens.activeOidcSettings();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        OidcSettings oidc = active.get();
        String endpoint;
        try {
            endpoint = discovery(oidc).endpoint("authorization_endpoint");
        } catch (ProviderFailure failure) {
            throw OidcIdTokenGateway.unavailable(oidc, failure.getMessage());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", oidc.clientId());
        query.put("redirect_uri", request.redirectUri());
        query.put("scope", scopes(oidc.scopes()));
        query.put("state", request.state());
        query.put("nonce", request.nonce());
        query.put("code_challenge", request.codeChallenge());
        query.put("code_challenge_method", "S256");
        StringJoiner parameters = new StringJoiner("&");
        query.forEach((name, value) -> parameters.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return Optional.of(URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + parameters));
    }

    @Override
    public Optional<ProviderIdentity> redeem(Redemption redemption) {
        Optional<OidcSettings> active = idTokens.activeOidcSettings();
        if (active.isEmpty()) {
            LOG.info("Authorization code refused: no active OIDC auth provider");
            return Optional.empty();
        }
        OidcSettings oidc = active.get();
        if (redemption.code() == null
                || redemption.code().isBlank()
                || redemption.code().length() > 2048) {
            return OidcIdTokenGateway.refused(oidc, "the authorization code is missing or too long");
        }
        JsonNode answer;
        try {
            String tokenEndpoint = discovery(oidc).endpoint("token_endpoint");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "authorization_code");
            form.put("code", redemption.code());
            form.put("redirect_uri", redemption.redirectUri());
            form.put("client_id", oidc.clientId());
            form.put("code_verifier", redemption.codeVerifier());
            if (oidc.clientSecret() != null && !oidc.clientSecret().isBlank()) {
                form.put("client_secret", oidc.clientSecret());
            }
            answer = new JsonHttp(client, new OidcDialect(oidc.providerName()))
                    .postForm(
                            new JsonHttp.Endpoint(tokenEndpoint, Map.of(), oidc.timeout(), oidc.clientSecret()),
                            "",
                            form);
        } catch (ProviderFailure failure) {
            if (failure.isRetryable() || failure.isCredentialsRefused()) {
                // down, or our client is not accepted (a wrong client_secret): the user can do nothing about it
                throw OidcIdTokenGateway.unavailable(oidc, failure.getMessage());
            }
            // invalid_grant and the like: a code that is wrong, used, expired, or does not match the verifier
            return OidcIdTokenGateway.refused(oidc, "the token endpoint refused the code: " + failure.getMessage());
        }
        String idToken = JsonHttp.text(answer, "id_token");
        if (idToken == null) {
            return OidcIdTokenGateway.refused(oidc, "the token endpoint answered no id_token");
        }
        return idTokens.verify(oidc, idToken, redemption.nonce());
    }

    private OidcDiscovery discovery(OidcSettings oidc) {
        return OidcDiscovery.fetch(new JsonHttp(client, new OidcDialect(oidc.providerName())), oidc);
    }

    /** The configured scopes, {@code openid} always among them. */
    static String scopes(String configured) {
        boolean openid = Arrays.asList(configured.split("\\s+")).contains("openid");
        return openid ? configured : ("openid " + configured).strip();
    }
}
