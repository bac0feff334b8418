package com.tentabo.prm.adapters.providers.billing.pennylane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.WebhookRequest;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pennylane webhooks (§2.6): {@code X-Pennylane-Signature: t=<unix s>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>},
 * five minutes of tolerance either way. Signatures are computed here independently of the adapter's own code.
 */
class PennylaneWebhooksTest {

    /** 2026-07-01T00:00:00Z, the {@code created} of the research notes' delivery. */
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_782_864_000L), ZoneOffset.UTC);

    private static final long NOW = CLOCK.instant().getEpochSecond();
    private static final String SECRET = "pl-webhook-secret-9c4e";
    /** The research notes' delivery (§2.8), compact, as Pennylane sends it: its id is a JSON number. */
    private static final String DELIVERY = "{\"id\":987654,\"event\":\"customer_invoice.e_invoicing_status_updated\","
            + "\"retry_count\":0,\"created\":1782864000,\"data\":{\"context\":{\"company_id\":\"abc-123\","
            + "\"firm_id\":\"firm-456\"},\"object\":{\"id\":42,\"e_invoicing\":{\"status\":\"accepted\"}},"
            + "\"previous_attributes\":{\"e_invoicing\":{\"status\":\"submitted\"}}}}";
    /** HMAC-SHA256(SECRET, "1782864000." + DELIVERY), computed with {@code openssl dgst -sha256 -hmac}. */
    private static final String DELIVERY_SIGNATURE = "a72054ac9ec39b1aff0a6185b534f379ac46779a8f0845d5ece698ad10347bf2";

    private final PennylaneWebhooks webhooks = new PennylaneWebhooks();

    private static ProviderSettings settings(Map<String, String> credentials) {
        return new ProviderSettings("pennylane", ProviderType.BILLING, Map.of(), credentials);
    }

    private static ProviderSettings settings() {
        return settings(Map.of("api_token", "pl-company-token-7d1e9c", "webhook_secret", SECRET));
    }

    private static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The header Pennylane would send for {@code body} signed at {@code timestamp} with {@code secret}. */
    private static String signature(String secret, long timestamp, String body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + body);
    }

    private static WebhookRequest delivery(String signatureHeader, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "Pennylane-Webhooks");
        if (signatureHeader != null) {
            headers.put("X-Pennylane-Signature", signatureHeader);
        }
        return new WebhookRequest(body.getBytes(StandardCharsets.UTF_8), headers, "52.47.1.10");
    }

    private Optional<ParsedWebhook> authenticate(String signatureHeader, String body) {
        return webhooks.authenticate(settings(), delivery(signatureHeader, body), CLOCK.instant());
    }

    @Test
    void theTestsSigningAgreesWithAnHmacComputedElsewhere() {
        assertThat(hmac(SECRET, NOW + "." + DELIVERY)).isEqualTo(DELIVERY_SIGNATURE);
    }

    @Test
    void givenAValidSignature_authenticate_answersTheDeliveryIdAsTextAndTheEvent() {
        Optional<ParsedWebhook> parsed = authenticate("t=" + NOW + ",v1=" + DELIVERY_SIGNATURE, DELIVERY);

        assertThat(parsed)
                .contains(new ParsedWebhook("987654", "customer_invoice.e_invoicing_status_updated", DELIVERY));
    }

    @Test
    void givenATextId_authenticate_answersItAsIs() {
        String body = DELIVERY.replace("\"id\":987654", "\"id\":\"dlv_01HZX3\"");

        Optional<ParsedWebhook> parsed = authenticate(signature(SECRET, NOW, body), body);

        assertThat(parsed).map(ParsedWebhook::eventId).contains("dlv_01HZX3");
    }

    @Test
    void givenTheSignatureInUpperCaseHex_authenticate_accepts() {
        String header = "t=" + NOW + ",v1=" + DELIVERY_SIGNATURE.toUpperCase(Locale.ROOT);

        assertThat(authenticate(header, DELIVERY)).map(ParsedWebhook::eventId).contains("987654");
    }

    @Test
    void givenThePartsInAnotherOrderWithSpaces_authenticate_accepts() {
        String header = "v1=" + DELIVERY_SIGNATURE + ", t=" + NOW;

        assertThat(authenticate(header, DELIVERY)).map(ParsedWebhook::eventId).contains("987654");
    }

    @Test
    void givenTheBodyAlteredByOneByte_authenticate_isEmpty() {
        String altered = DELIVERY.replace("987654", "987655");

        assertThat(altered).isNotEqualTo(DELIVERY);
        assertThat(authenticate("t=" + NOW + ",v1=" + DELIVERY_SIGNATURE, altered))
                .isEmpty();
    }

    @Test
    void givenTheBodyReserialisedWithSpaces_authenticate_isEmpty() {
        String sameJson = DELIVERY.replace(",\"event\"", ", \"event\"");

        assertThat(authenticate("t=" + NOW + ",v1=" + DELIVERY_SIGNATURE, sameJson))
                .isEmpty();
    }

    @Test
    void givenASignatureWithAnotherSecret_authenticate_isEmpty() {
        assertThat(authenticate(signature("pl-webhook-secret-9c4f", NOW, DELIVERY), DELIVERY))
                .isEmpty();
    }

    @Test
    void givenTheTimestampChangedAfterSigning_authenticate_isEmpty() {
        assertThat(authenticate("t=" + (NOW + 1) + ",v1=" + DELIVERY_SIGNATURE, DELIVERY))
                .isEmpty();
    }

    @Test
    void givenASignatureOfTheBodyAlone_authenticate_isEmpty() {
        assertThat(authenticate("t=" + NOW + ",v1=" + hmac(SECRET, DELIVERY), DELIVERY))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {-360, 360, -301, 301, -86_400})
    void givenASignatureMoreThanFiveMinutesFromNow_authenticate_isEmpty(long offsetSeconds) {
        long signedAt = NOW + offsetSeconds;

        assertThat(authenticate(signature(SECRET, signedAt, DELIVERY), DELIVERY))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {-240, 240, -300, 300, 0})
    void givenASignatureWithinFiveMinutesOfNow_authenticate_accepts(long offsetSeconds) {
        long signedAt = NOW + offsetSeconds;

        assertThat(authenticate(signature(SECRET, signedAt, DELIVERY), DELIVERY))
                .map(ParsedWebhook::eventType)
                .contains("customer_invoice.e_invoicing_status_updated");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "t=abc,v1=00",
                "t=abc,v1=" + DELIVERY_SIGNATURE,
                "v1=" + DELIVERY_SIGNATURE,
                "t=1782864000",
                "t=1782864000,v1=",
                "t=1782864000,v0=" + DELIVERY_SIGNATURE,
                "t=1782864000,v1=" + "a72054ac9ec39b1aff0a6185b534f379",
                "t=1782864000;v1=" + DELIVERY_SIGNATURE,
                "t=99999999999999999999,v1=00",
                "sha256=" + DELIVERY_SIGNATURE,
                DELIVERY_SIGNATURE,
                "",
                " ",
                ","
            })
    void givenAMalformedSignatureHeader_authenticate_isEmptyWithoutThrowing(String header) {
        assertThat(authenticate(header, DELIVERY)).isEmpty();
    }

    @Test
    void givenNoSignatureHeader_authenticate_isEmpty() {
        assertThat(authenticate(null, DELIVERY)).isEmpty();
    }

    @Test
    void givenNoWebhookSecretConfigured_authenticate_isEmpty() {
        WebhookRequest request = delivery("t=" + NOW + ",v1=" + DELIVERY_SIGNATURE, DELIVERY);

        assertThat(webhooks.authenticate(
                        settings(Map.of("api_token", "pl-company-token-7d1e9c")), request, CLOCK.instant()))
                .isEmpty();
        assertThat(webhooks.authenticate(settings(Map.of("webhook_secret", " ")), request, CLOCK.instant()))
                .isEmpty();
    }

    @Test
    void givenAnAuthenticBodyThatIsNotAJsonObject_authenticate_failsValidation() {
        String body = "[" + DELIVERY + "]";

        DomainException failure =
                catchThrowableOfType(DomainException.class, () -> authenticate(signature(SECRET, NOW, body), body));

        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure.getMessage()).isEqualTo("body: must be a JSON object");
    }

    @Test
    void givenAnAuthenticBodyWithoutEvent_authenticate_failsValidation() {
        String body = DELIVERY.replace("\"event\":\"customer_invoice.e_invoicing_status_updated\",", "");

        DomainException failure =
                catchThrowableOfType(DomainException.class, () -> authenticate(signature(SECRET, NOW, body), body));

        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure.getMessage()).isEqualTo("body.event: is required");
    }

    @Test
    void subject_isAlwaysEmpty() {
        assertThat(webhooks.subject("customer_invoice.e_invoicing_status_updated", DELIVERY))
                .isEmpty();
        assertThat(webhooks.subject("dms_file.created", "not json")).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aQuoteEvent_isAboutTheQuoteAtDataId_andOtherEventsAboutNothing() {
        PennylaneWebhooks hooks = new PennylaneWebhooks();

        org.assertj.core.api.Assertions.assertThat(hooks.subject(
                        "quote.updated",
                        "{\"id\": \"d1\", \"event\": \"quote.updated\", \"data\": {\"id\": 4807770486}}"))
                .contains(new com.tentabo.prm.application.provider.WebhookSubject("quote", "4807770486", "updated"));
        org.assertj.core.api.Assertions.assertThat(hooks.subject("quote.deleted", "{\"data\": {\"id\": 4807770486}}")
                        .orElseThrow()
                        .action())
                .isEqualTo("delete");
        org.assertj.core.api.Assertions.assertThat(
                        hooks.subject("customer_invoice.e_invoicing_status_updated", "{\"data\": {\"id\": 1}}"))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(hooks.subject("quote.updated", "{\"data\": {}}"))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(hooks.subject("quote.updated", "not json"))
                .isEmpty();
    }
}
