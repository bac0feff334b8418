package com.tentabo.prm.application.identity.port.in;

import com.tentabo.prm.domain.access.ApiScope;
import com.tentabo.prm.domain.access.Caller;
import com.tentabo.prm.domain.id.ApiKeyId;
import com.tentabo.prm.domain.identity.ApiKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The caller's own API keys: create (the key is shown once), list, revoke. */
public interface ManageApiKeysUseCase {

    /** @param scopes null or empty = read and write; @param expiresAt null = never expires */
    record CreateApiKeyCommand(String name, Set<ApiScope> scopes, Instant expiresAt) {}

    /** The stored key and the secret, which exists only in this answer. */
    record CreatedApiKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "CreatedApiKey[" + key + "]";
        }
    }

    CreatedApiKey create(Caller caller, CreateApiKeyCommand command);

    List<ApiKey> listOwn(Caller caller);

    /** Revokes one of the caller's keys (an ADMIN may revoke anyone's); unknown or not visible → 404. */
    ApiKey revoke(Caller caller, ApiKeyId keyId);
}
