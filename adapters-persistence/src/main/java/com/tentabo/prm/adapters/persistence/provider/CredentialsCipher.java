package com.tentabo.prm.adapters.persistence.provider;

import com.tentabo.prm.application.provider.ProviderFailure;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts provider credentials for {@code provider_configs.credentials} with AES-256-GCM (DOMAIN.md): the key comes
 * from configuration ({@code PRM_PROVIDER_CREDENTIALS_KEY}, 32 bytes in Base64) and is never stored in the database.
 *
 * <p>Stored form: {@code {"encrypted": "v1:<base64 of a 12-byte nonce, then the ciphertext and its 16-byte tag>"}}.
 * The plaintext is the credentials as a JSON object of strings; the row's id is the additional authenticated data,
 * so a ciphertext copied onto another provider row does not decrypt. A credentials object without
 * {@code encrypted} (a row written by hand or by the old system) is read as plain text as it is.
 */
public final class CredentialsCipher {

    static final String FIELD = "encrypted";
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private CredentialsCipher(SecretKeySpec key) {
        this.key = key;
    }

    /** A cipher with the Base64 key, or one that refuses to encrypt or decrypt when no key is configured. */
    public static CredentialsCipher fromBase64(Optional<String> base64Key) {
        if (base64Key.isEmpty() || base64Key.get().isBlank()) {
            return new CredentialsCipher(null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.get().trim());
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("prm.providers.credentials-key is not Base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(
                    "prm.providers.credentials-key must be 32 bytes (AES-256) in Base64, was " + bytes.length
                            + " bytes");
        }
        return new CredentialsCipher(new SecretKeySpec(bytes, "AES"));
    }

    /**
     * A cipher with a random key that lives as long as this process (what it encrypts cannot be read after a restart):
     * for values that must not be stored in clear when no key is configured.
     */
    public static CredentialsCipher ephemeral() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new CredentialsCipher(new SecretKeySpec(bytes, "AES"));
    }

    public boolean hasKey() {
        return key != null;
    }

    /** The stored form of the credentials of provider row {@code rowId}. */
    public Map<String, Object> encrypt(UUID rowId, Map<String, String> credentials) {
        requireKey();
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(rowId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(CredentialsJson.write(credentials).getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return Map.of(FIELD, VERSION + Base64.getEncoder().encodeToString(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The credentials of provider row {@code rowId} as they were given; empty when none are stored. */
    public Map<String, String> decrypt(UUID rowId, String providerName, Map<String, Object> stored) {
        if (stored == null || stored.isEmpty()) {
            return Map.of();
        }
        Object sealed = stored.get(FIELD);
        if (sealed == null) {
            Map<String, String> plain = new LinkedHashMap<>();
            stored.forEach((name, value) -> plain.put(name, value == null ? null : value.toString()));
            return plain;
        }
        if (!hasKey()) {
            throw ProviderFailure.permanent("the credentials of provider '" + providerName
                    + "' are encrypted and no key is configured (PRM_PROVIDER_CREDENTIALS_KEY)");
        }
        String text = sealed.toString();
        try {
            if (!text.startsWith(VERSION)) {
                throw new GeneralSecurityException("unknown format");
            }
            byte[] bytes = Base64.getDecoder().decode(text.substring(VERSION.length()));
            if (bytes.length <= NONCE_BYTES) {
                throw new GeneralSecurityException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(rowId.toString().getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return CredentialsJson.read(new String(plain, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw ProviderFailure.permanent("the credentials of provider '" + providerName
                    + "' cannot be decrypted with the configured key (PRM_PROVIDER_CREDENTIALS_KEY)");
        }
    }

    private void requireKey() {
        if (!hasKey()) {
            throw new IllegalStateException("no provider credentials key is configured (PRM_PROVIDER_CREDENTIALS_KEY)");
        }
    }
}
