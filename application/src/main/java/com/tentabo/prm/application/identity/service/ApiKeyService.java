package com.tentabo.prm.application.identity.service;

import com.tentabo.prm.application.audit.AuditChange;
import com.tentabo.prm.application.audit.AuditChange.Field;
import com.tentabo.prm.application.audit.service.AuditRecorder;
import com.tentabo.prm.application.identity.port.in.AuthenticateApiKeyUseCase;
import com.tentabo.prm.application.identity.port.in.ManageApiKeysUseCase;
import com.tentabo.prm.application.identity.port.in.ResolveCallerUseCase;
import com.tentabo.prm.application.identity.port.out.ApiKeyRepository;
import com.tentabo.prm.application.identity.port.out.PasswordHasher;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.domain.access.AccessPolicy;
import com.tentabo.prm.domain.access.ApiScope;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.access.Capability;
import com.tentabo.prm.domain.access.RequestOrigin;
import com.tentabo.prm.domain.access.Role;
import com.tentabo.prm.domain.id.ApiKeyId;
import com.tentabo.prm.domain.identity.ApiKey;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * API keys: {@code tnt_} + 32 random bytes in base64url (43 characters). Only the SHA-256 hash (hex) and the first
 * {@value #PREFIX_LENGTH} characters are stored; the key is shown once. The replaced system's keys, copied at adoption
 * (V12), have the same shape but only their first {@value #LEGACY_PREFIX_LENGTH} characters as prefix and a bcrypt
 * hash: they are looked up by that shorter prefix, and only when no key of ours matches.
 */
@ApplicationScoped
@Transactional
public class ApiKeyService implements ManageApiKeysUseCase, AuthenticateApiKeyUseCase {

    public static final String KEY_MARK = "tnt_";
    static final int PREFIX_LENGTH = 12;
    static final int LEGACY_PREFIX_LENGTH = 8;
    private static final Pattern KEY_SHAPE = Pattern.compile("tnt_[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiKeyRepository keys;
    private final PasswordHasher legacyHashes;
    private final ResolveCallerUseCase resolveCaller;
    private final AuditRecorder audit;
    private final IdGenerator ids;
    private final Clock clock;

    public ApiKeyService(
            ApiKeyRepository keys,
            PasswordHasher legacyHashes,
            ResolveCallerUseCase resolveCaller,
            AuditRecorder audit,
            IdGenerator ids,
            Clock clock) {
        this.keys = keys;
        this.legacyHashes = legacyHashes;
        this.resolveCaller = resolveCaller;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public CreatedApiKey create(Caller caller, CreateApiKeyCommand command) {
        AccessPolicy.require(caller, Capability.OWN_API_KEYS_MANAGE);
        Instant now = clock.instant();
        String name = command.name() == null ? "" : command.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.invalid("name", "must be 1 to 100 characters");
        }
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw DomainException.invalid("expires_at", "must be in the future");
        }
        Set<ApiScope> scopes = command.scopes() == null || command.scopes().isEmpty()
                ? EnumSet.allOf(ApiScope.class)
                : EnumSet.copyOf(command.scopes());
        if (!caller.scopes().containsAll(scopes)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "A key cannot have scopes the current credential lacks");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = KEY_MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = new ApiKey(
                new ApiKeyId(ids.newId()),
                name,
                secret.substring(0, PREFIX_LENGTH),
                sha256(secret),
                caller.kind(),
                caller.principalId(),
                scopes,
                command.expiresAt(),
                null,
                null,
                now);
        keys.save(key);
        audit.record(
                caller,
                AuditChange.created("api_key", key.id().value(), describe(key)).as("api_key.created"),
                now);
        return new CreatedApiKey(key, secret);
    }

    @Override
    public List<ApiKey> listOwn(Caller caller) {
        AccessPolicy.require(caller, Capability.OWN_API_KEYS_READ);
        return keys.listOwnedBy(caller.kind(), caller.principalId());
    }

    @Override
    public ApiKey revoke(Caller caller, ApiKeyId keyId) {
        AccessPolicy.require(caller, Capability.OWN_API_KEYS_MANAGE);
        ApiKey key = keys.findById(keyId)
                .filter(k -> k.ownedBy(caller.kind(), caller.principalId()) || caller.role() == Role.ADMIN)
                .orElseThrow(() -> DomainException.notFound(ErrorCode.API_KEY_NOT_FOUND, "API key", keyId));
        if (key.revokedAt() != null) {
            return key;
        }
        Instant now = clock.instant();
        ApiKey revoked = key.revoked(now);
        keys.save(revoked);
        audit.record(
                caller,
                new AuditChange(
                        "api_key.revoked",
                        "api_key",
                        key.id().value(),
                        List.of(Field.changed("revoked_at", null, now))),
                now);
        return revoked;
    }

    @Override
    public Caller authenticate(String presentedKey, RequestOrigin origin) {
        if (presentedKey == null || !KEY_SHAPE.matcher(presentedKey).matches()) {
            throw refused("The API key is malformed");
        }
        byte[] hash = sha256(presentedKey).getBytes(StandardCharsets.US_ASCII);
        ApiKey key = keys.findByPrefix(presentedKey.substring(0, PREFIX_LENGTH)).stream()
                .filter(k -> MessageDigest.isEqual(hash, k.keyHash().getBytes(StandardCharsets.US_ASCII)))
                .findFirst()
                .or(() -> keys.findByPrefix(presentedKey.substring(0, LEGACY_PREFIX_LENGTH)).stream()
                        .filter(k -> k.keyHash().startsWith("$2") && legacyHashes.matches(presentedKey, k.keyHash()))
                        .findFirst())
                .orElseThrow(() -> refused("The API key is unknown"));
        Instant now = clock.instant();
        if (!key.usableAt(now)) {
            throw refused(key.revokedAt() != null ? "The API key has been revoked" : "The API key has expired");
        }
        // a key created before its owner's password was last set, changed or reset is refused there
        Caller owner = resolveCaller.resolve(key.ownerKind(), key.ownerId(), key.createdAt(), origin);
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        scopes.addAll(key.scopes());
        scopes.retainAll(owner.scopes());
        if (key.lastUsedIsStaleAt(now)) {
            keys.touch(key.id(), now, now.minus(ApiKey.LAST_USED_RESOLUTION));
        }
        return owner.withScopes(scopes);
    }

    private static Map<String, Object> describe(ApiKey key) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", key.name());
        values.put("prefix", key.prefix());
        values.put(
                "scopes",
                key.scopes().stream()
                        .map(s -> s.name().toLowerCase(java.util.Locale.ROOT))
                        .sorted()
                        .collect(Collectors.joining(",")));
        values.put("expires_at", key.expiresAt());
        return values;
    }

    private static DomainException refused(String detail) {
        return new DomainException(ErrorCode.UNAUTHENTICATED, detail);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
