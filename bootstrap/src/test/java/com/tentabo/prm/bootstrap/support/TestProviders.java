package com.tentabo.prm.bootstrap.support;

import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.adapters.persistence.shared.JsonText;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntSupplier;
import javax.sql.DataSource;

/**
 * Active provider rows for tests, written directly. The bootstrap tests share one database and expect no active
 * provider: a test that adds one deletes it afterwards ({@link #delete}).
 */
public final class TestProviders {

    private TestProviders() {}

    /** An active provider whose credentials are sealed as the service seals them. */
    public static UUID active(
            DataSource ds,
            CredentialsCipher cipher,
            String type,
            String name,
            Map<String, Object> configuration,
            Map<String, String> credentials) {
        UUID id = UUID.randomUUID();
        insert(ds, id, type, name, JsonText.write(configuration), JsonText.write(cipher.encrypt(id, credentials)));
        return id;
    }

    /** An active provider with credentials stored exactly as given (legacy plain text, a broken ciphertext…). */
    public static UUID activeWithStoredCredentials(DataSource ds, String type, String name, String credentialsJson) {
        return activeAsStored(ds, type, name, "{}", credentialsJson);
    }

    /** An active provider with its configuration and credentials stored exactly as given (JSON texts). */
    public static UUID activeAsStored(
            DataSource ds, String type, String name, String configurationJson, String credentialsJson) {
        UUID id = UUID.randomUUID();
        insert(ds, id, type, name, configurationJson, credentialsJson);
        return id;
    }

    public static void delete(DataSource ds, Iterable<UUID> ids) {
        ids.forEach(id -> TestData.exec(ds, "DELETE FROM provider_configs WHERE id = ?", id));
    }

    /** Runs a worker until a run handles nothing (other tests' events may share the batches), at most 2,000 runs. */
    public static void drain(IntSupplier run) {
        for (int i = 0; i < 2000 && run.getAsInt() > 0; i++) {
            // next batch
        }
    }

    /** A column of the outbox event of the order about the topic. */
    public static String outboxEvent(DataSource ds, UUID order, String topic, String column) {
        return TestData.text(
                ds, "SELECT " + column + " FROM outbox_events WHERE aggregate_id = ? AND topic = ?", order, topic);
    }

    private static void insert(
            DataSource ds, UUID id, String type, String name, String configurationJson, String credentialsJson) {
        TestData.exec(
                ds,
                "INSERT INTO provider_configs (id, provider_type, provider_name, is_active, configuration, "
                        + "credentials, created_at, updated_at) VALUES (?, ?::providertype, ?, true, ?::jsonb, ?::jsonb, now(), now())",
                id,
                type,
                name,
                configurationJson,
                credentialsJson);
    }
}
