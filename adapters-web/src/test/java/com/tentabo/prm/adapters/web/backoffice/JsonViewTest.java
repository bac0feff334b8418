package com.tentabo.prm.adapters.web.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tentabo.prm.domain.shared.DomainException;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stored JSON shown to staff: changes as before/after rows, secrets hidden at any depth, settings read exactly. */
class JsonViewTest {

    @Test
    void auditChangesBecomeOneRowPerField_beforeAndAfter() {
        assertThat(JsonView.changes("{\"status\": {\"before\": \"ACTIVE\", \"after\": \"LOST\"}, "
                        + "\"reason\": {\"after\": \"churned\"}, \"total\": {\"before\": \"10.50\"}}"))
                .containsExactly(
                        new JsonView.Change("status", "ACTIVE", "LOST"),
                        new JsonView.Change("reason", null, "churned"),
                        new JsonView.Change("total", "10.50", null));
    }

    @Test
    void secretFieldsAreHiddenAtAnyDepth_andLegacyShapesStillRead() {
        assertThat(JsonView.changes("{\"password_hash\": {\"before\": \"x\", \"after\": \"y\"}, "
                        + "\"configuration\": {\"after\": {\"base_url\": \"https://a\", \"client_secret\": \"s3\"}}}"))
                .containsExactly(
                        new JsonView.Change("password_hash", null, "***"),
                        new JsonView.Change(
                                "configuration", null, "{\"base_url\":\"https://a\",\"client_secret\":\"***\"}"));
        assertThat(JsonView.changes("{\"name\": \"Acme\"}")).containsExactly(new JsonView.Change("name", null, "Acme"));
        assertThat(JsonView.changes("[1, 2]")).containsExactly(new JsonView.Change("", null, "[1,2]"));
        assertThat(JsonView.changes("not json")).containsExactly(new JsonView.Change("", null, "not json"));
        assertThat(JsonView.changes(null)).isEmpty();
        assertThat(JsonView.line("{\"token\": \"abc\", \"n\": 1}")).isEqualTo("{\"token\":\"***\",\"n\":1}");
        assertThat(JsonView.changes("{\"note\": {\"after\": \"" + "x".repeat(400) + "\"}}")
                        .get(0)
                        .after())
                .hasSize(JsonView.MAX_VALUE + 1)
                .endsWith("…");
    }

    @Test
    void settingsAreReadAsAJsonObjectWithExactNumbers_andAnythingElseIsRefused() {
        assertThat(JsonView.settings(
                        "{\"base_url\": \"https://x\", \"timeout\": 2.50, \"retries\": 3, \"development\": true}",
                        "settings"))
                .isEqualTo(Map.of(
                        "base_url",
                        "https://x",
                        "timeout",
                        new BigDecimal("2.50"),
                        "retries",
                        3L,
                        "development",
                        true));
        assertThat(JsonView.settings("  ", "settings")).isEmpty();
        assertThatThrownBy(() -> JsonView.settings("[1]", "settings"))
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("JSON object");
        assertThatThrownBy(() -> JsonView.settings("{oops", "settings")).isInstanceOf(DomainException.class);
        assertThatThrownBy(
                        () -> JsonView.settings("{\"a\": \"" + "x".repeat(JsonView.MAX_SETTINGS) + "\"}", "settings"))
                .isInstanceOf(DomainException.class);
        assertThat(JsonView.settings(Map.of("api_key", "legacy"))).contains("\"api_key\" : \"***\"");
    }
}
