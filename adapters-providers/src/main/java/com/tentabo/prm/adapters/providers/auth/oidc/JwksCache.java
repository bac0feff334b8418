package com.tentabo.prm.adapters.providers.auth.oidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.JsonHttp;
import com.tentabo.prm.application.provider.ProviderFailure;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;

/**
 * The signing keys of each OIDC provider, fetched over https (the JWKS, found through the discovery document when
 * {@code jwks_uri} is not configured; the document must name the configured issuer exactly; plain http only for a
 * provider marked {@code "development": true}, with a warning in the log) and kept {@link #TTL}. A {@code kid} the cached set does not have triggers one
 * refetch (key rotation), at most once per {@link #REFRESH_INTERVAL} per provider, so that tokens with made-up kids
 * cannot make us hammer the provider. A fetch that fails throws the {@link ProviderFailure}.
 */
final class JwksCache {

    static final Duration TTL = Duration.ofMinutes(10);
    static final Duration REFRESH_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(JwksCache.class);

    /** One provider's keys: {@code fetchedAt} of the keys held, {@code attemptedAt} of the last fetch tried. */
    private static final class Entry {
        List<JsonWebKey> keys;
        Instant fetchedAt;
        Instant attemptedAt;
    }

    private final Clock clock;
    private final HttpClient client;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    JwksCache(HttpClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The public key with this kid usable for the algorithm; empty when the provider has none, even after a refetch. */
    Optional<JsonWebKey> find(OidcSettings oidc, String kid, String algorithm) {
        // a changed issuer or jwks_uri starts afresh
        Entry entry = entries.computeIfAbsent(
                oidc.providerName() + " " + oidc.issuer() + " " + oidc.jwksUri(), ignored -> new Entry());
        synchronized (entry) {
            Instant now = clock.instant();
            if (entry.keys == null || !now.isBefore(entry.fetchedAt.plus(TTL))) {
                load(entry, oidc, now);
            }
            Optional<JsonWebKey> key = match(entry.keys, kid, algorithm);
            if (key.isEmpty() && !now.isBefore(entry.attemptedAt.plus(REFRESH_INTERVAL))) {
                LOG.infof(
                        "OIDC provider %s: kid %s is not in the cached key set; fetching it again (key rotation?)",
                        oidc.providerName(), kid.length() <= 64 ? kid : kid.substring(0, 64) + "…");
                load(entry, oidc, now);
                key = match(entry.keys, kid, algorithm);
            }
            return key;
        }
    }

    private void load(Entry entry, OidcSettings oidc, Instant now) {
        entry.attemptedAt = now;
        JsonHttp http = new JsonHttp(client, new OidcDialect(oidc.providerName()));
        String jwksUri = oidc.jwksUri();
        if (jwksUri == null) {
            jwksUri = OidcDiscovery.fetch(http, oidc).endpoint("jwks_uri");
        }
        if (oidc.development() && !jwksUri.toLowerCase(java.util.Locale.ROOT).startsWith("https://")) {
            LOG.warnf(
                    "OIDC provider %s is a development configuration: its signing keys come over plain http from %s;"
                            + " never use it in production",
                    oidc.providerName(), jwksUri);
        }
        JsonNode set = http.get(endpoint(jwksUri, oidc), "", Map.of());
        try {
            // only public signature keys: a symmetric ("oct") key is never used, whatever a token says
            entry.keys = new JsonWebKeySet(set.toString())
                    .getJsonWebKeys().stream()
                            .filter(key -> key instanceof RsaJsonWebKey || key instanceof EllipticCurveJsonWebKey)
                            .filter(key -> key.getUse() == null || "sig".equals(key.getUse()))
                            .toList();
        } catch (JoseException | RuntimeException e) {
            throw ProviderFailure.permanent("OIDC " + oidc.providerName() + " JWKS cannot be read: "
                    + e.getClass().getSimpleName());
        }
        entry.fetchedAt = now;
    }

    private static JsonHttp.Endpoint endpoint(String url, OidcSettings oidc) {
        return new JsonHttp.Endpoint(url, Map.of(), oidc.timeout(), null);
    }

    private static Optional<JsonWebKey> match(List<JsonWebKey> keys, String kid, String algorithm) {
        return keys.stream()
                .filter(key -> kid.equals(key.getKeyId()))
                .filter(key -> key.getAlgorithm() == null || algorithm.equals(key.getAlgorithm()))
                .filter(key -> fits(key, algorithm))
                .findFirst();
    }

    /** RS* needs an RSA key, ES256 one on P-256, ES384 one on P-384. */
    private static boolean fits(JsonWebKey key, String algorithm) {
        if (algorithm.startsWith("RS")) {
            return key instanceof RsaJsonWebKey;
        }
        if (!(key instanceof EllipticCurveJsonWebKey ec)) {
            return false;
        }
        return switch (algorithm) {
            case AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256 -> "P-256".equals(ec.getCurveName());
            case AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384 -> "P-384".equals(ec.getCurveName());
            default -> false;
        };
    }
}
