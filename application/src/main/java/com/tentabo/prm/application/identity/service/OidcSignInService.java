package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.identity.port.in.LoginUseCase;
import com.tentabo.prm.application.identity.port.in.OidcSignInUseCase;
import com.tentabo.prm.application.identity.port.out.AuthorizationCodeGateway;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The console's OIDC sign-in flow. Each start draws a fresh state, nonce and PKCE verifier (32 random bytes each,
 * base64url); the code challenge is the verifier's SHA-256 (S256). The flow lives in the browser (a cookie the
 * console scopes to its callback), so any instance can finish it; finishing requires the provider's {@code state} to
 * equal the flow's (compared in constant time) before its end, and each state finishes once: finished states are
 * remembered until their flow would have expired (per instance; the console also deletes the cookie, and the
 * provider's codes are single-use).
 */
@ApplicationScoped
public class OidcSignInService implements OidcSignInUseCase {

    private static final System.Logger LOG = System.getLogger(OidcSignInService.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String VERSION = "v1";
    /** A flow: version, state, nonce, verifier (43 base64url characters each), end (epoch seconds), next page. */
    private static final Pattern FLOW = Pattern.compile("v1\\.[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}\\.[A-Za-z0-9_-]{43}"
            + "\\.[0-9]{1,12}\\.[A-Za-z0-9_-]{0,2800}");
    /** Finished states are swept of expired ones every so many finishes. */
    private static final int SWEEP_EVERY = 256;

    private final AuthorizationCodeGateway codes;
    private final LoginUseCase login;
    private final Clock clock;
    private final Map<String, Instant> finished = new ConcurrentHashMap<>();

    public OidcSignInService(AuthorizationCodeGateway codes, LoginUseCase login, Clock clock) {
        this.codes = codes;
        this.login = login;
        this.clock = clock;
    }

    @Override
    public Optional<String> providerLabel() {
        return codes.signInProvider().map(AuthorizationCodeGateway.SignInProvider::label);
    }

    @Override
    public Optional<Started> start(String redirectUri, String next) {
        String state = random();
        String nonce = random();
        String verifier = random();
        Optional<URI> location = codes.authorizationUri(
                new AuthorizationCodeGateway.AuthorizationRequest(redirectUri, state, nonce, challenge(verifier)));
        long end = clock.instant().plus(FLOW_LIFETIME).getEpochSecond();
        String page = BASE64URL.encodeToString((next == null ? "" : next).getBytes(StandardCharsets.UTF_8));
        return location.map(uri -> new Started(
                uri,
                String.join(
                        ".", VERSION, state, nonce, verifier, Long.toString(end), page.length() <= 2800 ? page : "")));
    }

    @Override
    public Finished finish(FinishCommand command) {
        if (command.flow() == null || !FLOW.matcher(command.flow()).matches()) {
            throw refused("no sign-in flow, or an unreadable one (cookie missing or expired)");
        }
        String[] parts = command.flow().split("\\.", -1);
        String state = parts[1];
        Instant end = Instant.ofEpochSecond(Long.parseLong(parts[4]));
        String next;
        try {
            next = new String(Base64.getUrlDecoder().decode(parts[5]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unreadable) {
            throw refused("the sign-in flow is unreadable");
        }
        if (command.state() == null
                || !MessageDigest.isEqual(
                        state.getBytes(StandardCharsets.US_ASCII),
                        command.state().getBytes(StandardCharsets.UTF_8))) {
            throw refused("the state is not the one of this browser's sign-in");
        }
        Instant now = clock.instant();
        if (!now.isBefore(end)) {
            throw refused("the sign-in flow has expired");
        }
        if (finished.putIfAbsent(state, end) != null) {
            throw refused("the state was already used");
        }
        if (finished.size() % SWEEP_EVERY == 0) {
            finished.values().removeIf(until -> !now.isBefore(until));
        }
        LoginUseCase.LoginResult signedIn = login.redeem(new LoginUseCase.CodeRedemptionCommand(
                command.code(), command.redirectUri(), parts[3], parts[2], command.origin()));
        return new Finished(signedIn, next);
    }

    private static DomainException refused(String why) {
        LOG.log(System.Logger.Level.INFO, "OIDC sign-in refused: {0}", why);
        return new DomainException(ErrorCode.INVALID_CREDENTIALS, "The sign-in could not be completed; start again");
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /** RFC 7636 S256: base64url(SHA-256(ASCII(verifier))). */
    static String challenge(String verifier) {
        try {
            return BASE64URL.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
