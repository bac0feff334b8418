package com.tentabo.prm.adapters.persistence.provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tentabo.prm.adapters.persistence.shared.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;

/** Credentials as a JSON object of strings: the plaintext that {@link CredentialsCipher} seals. */
final class CredentialsJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() {};

    private CredentialsJson() {}

    static String write(Map<String, String> credentials) {
        return JsonText.write(credentials);
    }

    static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            // never include the text: it is the secret
            throw new IllegalArgumentException("decrypted credentials are not a JSON object of strings");
        }
    }
}
