package com.tentabo.prm.adapters.providers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.domain.provider.ProviderType;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JsonHttpTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private static final ProviderDialect DIALECT = new ProviderDialect() {
        @Override
        public String name() {
            return "acme";
        }

        @Override
        public String errorText(JsonNode body) {
            return JsonHttp.text(body, "message");
        }

        @Override
        public Duration retryAfter(int status, HttpHeaders headers) {
            return ProviderDialect.seconds(headers, "retry-after");
        }
    };

    private final JsonHttp http = new JsonHttp(JsonHttp.newClient(), DIALECT);

    private static JsonHttp.Endpoint endpoint(Duration timeout) {
        return new JsonHttp.Endpoint(server.baseUrl(), Map.of(), timeout, "s3cret");
    }

    private static ProviderSettings settings(Map<String, Object> configuration) {
        return new ProviderSettings("acme", ProviderType.CRM, configuration, Map.of());
    }

    private record Priced(BigDecimal unitPrice, String note) {}

    private static ProviderFailure failure(ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(ProviderFailure.class, call);
    }

    @Test
    void bodiesAreWrittenInSnakeCaseWithoutNullsAndWithPlainDecimals() {
        assertThat(JsonHttp.json(new Priced(new BigDecimal("1E+3"), null))).isEqualTo("{\"unit_price\":1000}");
        assertThat(JsonHttp.json(new Priced(new BigDecimal("0.10"), "x")))
                .isEqualTo("{\"unit_price\":0.10,\"note\":\"x\"}");
    }

    @Test
    void answersAreReadWithExactDecimals_moneyFromStringsOrNumbers() {
        server.stubFor(
                get("/amounts")
                        .willReturn(
                                okJson(
                                        "{\"id\": 4807770486, \"value\": 0.1, \"big\": 12345678901234567890.10, \"text\": \"8100.0\"}")));

        JsonNode answer = http.get(endpoint(JsonHttp.REQUEST_TIMEOUT), "/amounts", Map.of());

        assertThat(http.id(answer, "amounts")).isEqualTo("4807770486");
        assertThat(http.money(answer, "value")).isEqualByComparingTo("0.1");
        assertThat(http.money(answer, "big").toPlainString()).isEqualTo("12345678901234567890.10");
        assertThat(http.money(answer, "text").toPlainString()).isEqualTo("8100.0");
        assertThat(http.money(answer, "absent")).isNull();
    }

    @Test
    void aLongErrorIsCutTo300CharactersAndTheSecretIsBlanked() {
        String message = "s3cret " + "x".repeat(400);
        server.stubFor(get(urlPathEqualTo("/long"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"message\": \"" + message + "\"}")));

        ProviderFailure failure =
                failure(() -> http.get(endpoint(JsonHttp.REQUEST_TIMEOUT), "/long", Map.of("q", "s3cret")));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage())
                .startsWith("acme GET /long answered 400: [redacted] xxx")
                .doesNotContain("s3cret")
                .doesNotContain("?q=")
                .hasSize(
                        "acme GET /long answered 400: ".length() + "[redacted]".length() + 300 - "s3cret".length() + 1);
    }

    @Test
    void a408IsRetryable_andOther4xxArePermanent() {
        server.stubFor(get("/408").willReturn(aResponse().withStatus(408).withHeader("retry-after", "1")));
        server.stubFor(get("/409").willReturn(aResponse().withStatus(409)));

        ProviderFailure timeout = failure(() -> http.get(endpoint(JsonHttp.REQUEST_TIMEOUT), "/408", Map.of()));
        ProviderFailure conflict = failure(() -> http.get(endpoint(JsonHttp.REQUEST_TIMEOUT), "/409", Map.of()));

        assertThat(timeout.isRetryable()).isTrue();
        assertThat(timeout.retryAfter()).contains(Duration.ofSeconds(1));
        assertThat(conflict.isRetryable()).isFalse();
    }

    @Test
    void aSlowAnswerTimesOutRetryable() {
        server.stubFor(get("/slow").willReturn(okJson("{}").withFixedDelay(3_000)));

        ProviderFailure failure = failure(() -> http.get(endpoint(Duration.ofMillis(200)), "/slow", Map.of()));

        assertThat(failure.isRetryable()).isTrue();
        assertThat(failure.getMessage()).startsWith("acme GET /slow timed out");
    }

    @Test
    void anAnswerUpToTheCapIsRead_oneByteMoreIsGivenUpForGood_declaredOrStreamed() {
        JsonHttp capped = new JsonHttp(JsonHttp.newClient(), DIALECT, JsonHttp.Throttle.NONE, 64);
        String fits = "{\"note\":\"" + "x".repeat(64 - 11) + "\"}";
        String over = "{\"note\":\"" + "x".repeat(64 - 10) + "\"}";
        server.stubFor(get("/fits").willReturn(okJson(fits)));
        server.stubFor(get("/declared").willReturn(okJson(over)));
        server.stubFor(get("/streamed").willReturn(okJson(over).withChunkedDribbleDelay(4, 20)));

        assertThat(fits).hasSize(64);
        assertThat(capped.get(endpoint(JsonHttp.REQUEST_TIMEOUT), "/fits", Map.of())
                        .get("note")
                        .asText())
                .hasSize(53);
        for (String path : new String[] {"/declared", "/streamed"}) {
            ProviderFailure failure = failure(() -> capped.get(endpoint(JsonHttp.REQUEST_TIMEOUT), path, Map.of()));
            assertThat(failure.isRetryable()).as(path).isFalse();
            assertThat(failure.getMessage())
                    .as(path)
                    .isEqualTo("acme GET " + path + " answered 200 with a body over 64 bytes (given up unread)");
        }
    }

    @Test
    void theSharedCapIsEightMebibytes() {
        assertThat(JsonHttp.MAX_RESPONSE_BYTES).isEqualTo(8 * 1024 * 1024);
    }

    @Test
    void aSuccessThatIsNotJsonIsPermanent() {
        server.stubFor(get("/html").willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        ProviderFailure failure = failure(() -> http.get(endpoint(JsonHttp.REQUEST_TIMEOUT), "/html", Map.of()));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).isEqualTo("acme GET /html answered 200 with a body that is not JSON");
    }

    @Test
    void configurationIsReadOrRefusedByName() {
        assertThat(ProviderConfig.requestTimeout(settings(Map.of()))).isEqualTo(Duration.ofSeconds(10));
        assertThat(ProviderConfig.requestTimeout(settings(Map.of("timeout_seconds", 3))))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(ProviderConfig.baseUrl(settings(Map.of("base_url", "http://stub:8080/v2/")), "https://x"))
                .isEqualTo("http://stub:8080/v2");
        assertThat(ProviderConfig.optionalId(settings(Map.of()), "stage_id")).isNull();
        assertThat(ProviderConfig.optionalId(settings(Map.of("stage_id", 12)), "stage_id"))
                .isEqualTo(12L);

        ProviderFailure failure =
                failure(() -> ProviderConfig.requestTimeout(settings(Map.of("timeout_seconds", "0"))));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("timeout_seconds");
    }

    @Test
    void aBaseUrlThatIsNotHttpIsPermanent() {
        ProviderFailure failure = failure(() -> http.get(
                new JsonHttp.Endpoint("ftp://files.example", Map.of(), JsonHttp.REQUEST_TIMEOUT, null),
                "/x",
                Map.of()));

        assertThat(failure.isRetryable()).isFalse();
        assertThat(failure.getMessage()).contains("base_url");
    }
}
