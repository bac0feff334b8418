package com.tentabo.prm.adapters.persistence.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.application.provider.ProviderFailure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialsCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    static final String OTHER_KEY =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    final CredentialsCipher cipher = CredentialsCipher.fromBase64(Optional.of(KEY));
    final UUID row = UUID.randomUUID();

    @Test
    void credentialsComeBackAsGiven_andTheStoredFormShowsNoneOfThem() {
        Map<String, String> credentials = Map.of("api_token", "pl-secret-é\"\\", "webhook_secret", "whsec");

        Map<String, Object> stored = cipher.encrypt(row, credentials);

        assertThat(stored).containsOnlyKeys("encrypted");
        assertThat(stored.get("encrypted").toString())
                .startsWith("v1:")
                .doesNotContain("pl-secret")
                .doesNotContain("whsec");
        assertThat(cipher.decrypt(row, "pennylane", stored)).isEqualTo(credentials);
    }

    @Test
    void theSameCredentialsEncryptDifferentlyEachTime() {
        assertThat(cipher.encrypt(row, Map.of("api_token", "t")))
                .isNotEqualTo(cipher.encrypt(row, Map.of("api_token", "t")));
    }

    @Test
    void aCiphertextMovedToAnotherRow_orReadWithAnotherKey_orAltered_isRefusedWithoutShowingIt() {
        Map<String, Object> stored = cipher.encrypt(row, Map.of("api_token", "secret-1"));
        String sealed = stored.get("encrypted").toString();
        char last = sealed.charAt(sealed.length() - 5);
        String altered = sealed.substring(0, sealed.length() - 5)
                + (last == 'A' ? 'B' : 'A')
                + sealed.substring(sealed.length() - 4);

        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), "pennylane", stored))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("cannot be decrypted");
        assertThatThrownBy(() ->
                        CredentialsCipher.fromBase64(Optional.of(OTHER_KEY)).decrypt(row, "pennylane", stored))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageNotContaining("secret-1");
        assertThatThrownBy(() -> cipher.decrypt(row, "pennylane", Map.of("encrypted", altered)))
                .isInstanceOf(ProviderFailure.class);
        assertThatThrownBy(() -> cipher.decrypt(row, "pennylane", Map.of("encrypted", "v1:not base64!")))
                .isInstanceOf(ProviderFailure.class);
        assertThatThrownBy(() -> cipher.decrypt(row, "pennylane", Map.of("encrypted", "v9:AAAA")))
                .isInstanceOf(ProviderFailure.class);
    }

    @Test
    void withoutAKey_encryptedCredentialsAreAFailureNamingTheSetting_andNothingIsEncrypted() {
        CredentialsCipher none = CredentialsCipher.fromBase64(Optional.empty());
        Map<String, Object> stored = cipher.encrypt(row, Map.of("api_token", "t"));

        assertThat(none.hasKey()).isFalse();
        assertThatThrownBy(() -> none.decrypt(row, "pipedrive", stored))
                .isInstanceOf(ProviderFailure.class)
                .hasMessageContaining("PRM_PROVIDER_CREDENTIALS_KEY");
        assertThatThrownBy(() -> none.encrypt(row, Map.of("api_token", "t"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void credentialsStoredInPlainText_byTheOldSystemOrByHand_areReadAsTheyAre() {
        assertThat(cipher.decrypt(row, "pipedrive", Map.of("api_token", "legacy", "port", 389)))
                .containsEntry("api_token", "legacy")
                .containsEntry("port", "389");
        assertThat(cipher.decrypt(row, "pipedrive", null)).isEmpty();
    }

    @Test
    void aKeyThatIsNot32BytesOfBase64IsRefusedAtStart() {
        assertThatThrownBy(() -> CredentialsCipher.fromBase64(Optional.of("c2hvcnQ=")))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> CredentialsCipher.fromBase64(Optional.of("%%%")))
                .hasMessageContaining("not Base64");
    }
}
