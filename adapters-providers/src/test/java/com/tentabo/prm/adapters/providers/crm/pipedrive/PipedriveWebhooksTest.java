package com.tentabo.prm.adapters.providers.crm.pipedrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.WebhookRequest;
import com.tentabo.prm.application.provider.WebhookSubject;
import com.tentabo.prm.domain.provider.ProviderType;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import com.tentabo.prm.domain.shared.FieldViolation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pipedrive webhooks v2 (§1.7): HTTP Basic credentials set on the webhook, {@code meta.id} as the event id. */
class PipedriveWebhooksTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-15T18:00:01Z"), ZoneOffset.UTC);
    private static final String USER = "prm-hook";
    /** A colon in the password: only the first colon of user:password separates them (RFC 7617). */
    private static final String PASSWORD = "s3cr3t:pa55-W0rd";

    private static final String LEAD_ID = "adf21080-0e10-11eb-879b-05d71fb426ec";
    private static final String EVENT_ID = "8f2c5f4e-2d7b-4b0e-9f1e-1f1d2b0e6a11";
    /** A lead change delivered by webhook v2, shaped as the spec example (§1.9). */
    private static final String LEAD_CHANGE = """
            {"meta": {"action": "change", "entity": "lead", "entity_id": "%s", "id": "%s",
                      "company_id": "123", "correlation_id": "0b7e4c1a", "is_bulk_edit": false,
                      "timestamp": "2026-05-15T18:00:00.000Z", "type": "general", "user_id": "123", "version": "2.0",
                      "webhook_id": "456", "webhook_owner_id": "123", "change_source": "app", "attempt": 1,
                      "host": "acme-reseller.pipedrive.com", "permitted_user_ids": ["123"]},
             "data": {"id": "%s", "title": "Acme renewal lead", "owner_id": 3},
             "previous": {"title": "Acme lead"}}""".formatted(LEAD_ID, EVENT_ID, LEAD_ID);

    private final PipedriveWebhooks webhooks = new PipedriveWebhooks();

    private static ProviderSettings settings(Map<String, Object> configuration, Map<String, String> credentials) {
        return new ProviderSettings("pipedrive", ProviderType.CRM, configuration, credentials);
    }

    private static ProviderSettings settings() {
        return settings(
                Map.of("company_id", "123"),
                Map.of("api_token", "pd-api-token-3f9a77c1", "webhook_username", USER, "webhook_password", PASSWORD));
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static WebhookRequest delivery(String authorization, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return new WebhookRequest(body.getBytes(StandardCharsets.UTF_8), headers, "185.166.142.10");
    }

    private Optional<ParsedWebhook> authenticate(ProviderSettings settings, String authorization, String body) {
        return webhooks.authenticate(settings, delivery(authorization, body), CLOCK.instant());
    }

    private DomainException invalid(String body) {
        return catchThrowableOfType(
                DomainException.class, () -> authenticate(settings(), basic(USER + ":" + PASSWORD), body));
    }

    // ---- authenticate --------------------------------------------------------------------------------------------

    @Test
    void givenTheWebhooksBasicCredentials_authenticate_answersMetaIdAndEntityDotAction() {
        Optional<ParsedWebhook> parsed = authenticate(settings(), basic(USER + ":" + PASSWORD), LEAD_CHANGE);

        assertThat(parsed).contains(new ParsedWebhook(EVENT_ID, "lead.change", LEAD_CHANGE));
    }

    @Test
    void givenTheSchemeInLowerCaseAndANumericCompanyId_authenticate_stillAccepts() {
        String body = LEAD_CHANGE.replace("\"company_id\": \"123\"", "\"company_id\": 123");

        Optional<ParsedWebhook> parsed = authenticate(
                settings(Map.of("company_id", 123), settings().credentials()),
                basic(USER + ":" + PASSWORD).replace("Basic ", "basic "),
                body);

        assertThat(parsed).map(ParsedWebhook::eventId).contains(EVENT_ID);
    }

    @Test
    void givenNoCompanyIdConfigured_authenticate_acceptsAnyCompany() {
        Optional<ParsedWebhook> parsed = authenticate(
                settings(Map.of(), settings().credentials()),
                basic(USER + ":" + PASSWORD),
                LEAD_CHANGE.replace("\"company_id\": \"123\"", "\"company_id\": \"999\""));

        assertThat(parsed).map(ParsedWebhook::eventType).contains("lead.change");
    }

    static Stream<Arguments> refusedAuthorizations() {
        return Stream.of(
                Arguments.of("wrong password", basic(USER + ":s3cr3t:pa55-W0rD")),
                Arguments.of("password cut at its colon", basic(USER + ":s3cr3t")),
                Arguments.of("wrong user", basic("prm-hook2:" + PASSWORD)),
                Arguments.of("user and password swapped", basic(PASSWORD + ":" + USER)),
                Arguments.of("no header", null),
                Arguments.of("empty header", ""),
                Arguments.of("Basic without credentials", "Basic "),
                Arguments.of(
                        "Bearer token",
                        "Bearer "
                                + Base64.getEncoder()
                                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))),
                Arguments.of("credentials not in Base64", "Basic " + USER + ":" + PASSWORD),
                Arguments.of("not Base64 at all", "Basic %%%!!!"),
                Arguments.of("no colon", basic(USER + PASSWORD)),
                Arguments.of("empty user and password", basic(":")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedAuthorizations")
    void givenCredentialsThatAreNotTheWebhooks_authenticate_isEmptyWithoutThrowing(String why, String authorization) {
        Optional<ParsedWebhook> parsed = authenticate(settings(), authorization, LEAD_CHANGE);

        assertThat(parsed).isEmpty();
    }

    static Stream<Arguments> settingsWithoutWebhookCredentials() {
        return Stream.of(
                Arguments.of("no webhook credentials", Map.of("api_token", "pd-api-token-3f9a77c1")),
                Arguments.of("no password", Map.of("webhook_username", USER)),
                Arguments.of("no user", Map.of("webhook_password", PASSWORD)),
                Arguments.of("blank password", Map.of("webhook_username", USER, "webhook_password", " ")),
                Arguments.of("blank user", Map.of("webhook_username", "", "webhook_password", PASSWORD)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settingsWithoutWebhookCredentials")
    void givenTheProviderHasNoWebhookCredentials_authenticate_refusesEveryDelivery(
            String why, Map<String, String> credentials) {
        ProviderSettings settings = settings(Map.of("company_id", "123"), credentials);

        assertThat(authenticate(settings, basic(USER + ":" + PASSWORD), LEAD_CHANGE))
                .isEmpty();
        assertThat(authenticate(settings, basic(":"), LEAD_CHANGE)).isEmpty();
        assertThat(authenticate(settings, basic(USER + ":"), LEAD_CHANGE)).isEmpty();
        assertThat(authenticate(settings, null, LEAD_CHANGE)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"company_id\": \"124\"",
                "\"company_id\": null",
                "\"company_id\": \"\"",
                "\"company_id_\": \"123\""
            })
    void givenADeliveryForAnotherCompany_authenticate_isEmpty(String companyId) {
        String body = LEAD_CHANGE.replace("\"company_id\": \"123\"", companyId);

        assertThat(authenticate(settings(), basic(USER + ":" + PASSWORD), body)).isEmpty();
    }

    @Test
    void givenAnAuthenticBodyThatIsNotJson_authenticate_failsValidation() {
        DomainException failure = invalid("meta=change&entity=lead");

        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure.getMessage()).isEqualTo("body: is not JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {" {}", " x", "}", ","})
    void givenAnAuthenticBodyWithSomethingAfterItsObject_authenticate_failsValidation(String after) {
        DomainException failure = invalid(LEAD_CHANGE + after);

        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure.getMessage()).isEqualTo("body: is not JSON");
    }

    @Test
    void givenAnAuthenticBodyThatIsAJsonArray_authenticate_failsValidation() {
        DomainException failure = invalid("[" + LEAD_CHANGE + "]");

        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure.getMessage()).isEqualTo("body: must be a JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\"id\": null,", "\"id\": \"  \",", "\"id\": {\"value\": 1},", "\"id\": [],"})
    void givenAnAuthenticBodyWithoutMetaId_authenticate_failsValidation(String id) {
        String body = LEAD_CHANGE.replace("\"id\": \"" + EVENT_ID + "\",", id);
        assertThat(body).doesNotContain(EVENT_ID);

        DomainException failure = invalid(body);

        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure.getMessage()).isEqualTo("body.meta.id: is required");
        assertThat(failure.violations()).containsExactly(new FieldViolation("body.meta.id", "is required"));
    }

    @Test
    void givenAMetaIdOver255Characters_authenticate_failsValidation_while255AreAccepted() {
        String longest = "e".repeat(255);

        Optional<ParsedWebhook> accepted =
                authenticate(settings(), basic(USER + ":" + PASSWORD), LEAD_CHANGE.replace(EVENT_ID, longest));
        DomainException failure = invalid(LEAD_CHANGE.replace(EVENT_ID, longest + "e"));

        assertThat(accepted).map(ParsedWebhook::eventId).contains(longest);
        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure.getMessage()).isEqualTo("body.meta.id: is longer than 255 characters");
    }

    @Test
    void givenAnAuthenticBodyWithoutAction_authenticate_failsValidation() {
        DomainException failure = invalid(LEAD_CHANGE.replace("\"action\": \"change\", ", ""));

        assertThat(failure.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(failure.getMessage()).isEqualTo("body.meta.action: is required");
    }

    // ---- subject -------------------------------------------------------------------------------------------------

    @Test
    void subject_isMetaEntityEntityIdAndAction_withTheChangeSource() {
        assertThat(webhooks.subject("lead.change", LEAD_CHANGE))
                .contains(new WebhookSubject("lead", LEAD_ID, "change", "app", null));
    }

    @Test
    void subject_carriesTheObjectsUpdateTime_soThatAnEchoOrALateCopyCostsNoCall() {
        String echo = LEAD_CHANGE
                .replace("\"change_source\": \"app\"", "\"change_source\": \"api\"")
                .replace("\"owner_id\": 3}", "\"owner_id\": 3, \"update_time\": \"2026-05-15T18:00:00.250Z\"}");

        assertThat(webhooks.subject("lead.change", echo))
                .contains(new WebhookSubject(
                        "lead", LEAD_ID, "change", "api", java.time.Instant.parse("2026-05-15T18:00:00.250Z")));
    }

    @Test
    void givenNoMetaEntityId_subject_fallsBackOnDataId() {
        String deal = """
                {"meta": {"action": "change", "entity": "deal", "id": "e-1"},
                 "data": {"id": 746, "title": "Acme renewal"}, "previous": {"id": 1, "status": "open"}}""";

        assertThat(webhooks.subject("deal.change", deal)).contains(new WebhookSubject("deal", "746", "change"));
    }

    @Test
    void givenADeleteWithoutMetaEntityIdNorData_subject_fallsBackOnPreviousId() {
        String deleted = """
                {"meta": {"action": "delete", "entity": "lead", "entity_id": null, "id": "e-2"},
                 "data": null, "previous": {"id": "%s", "title": "Acme renewal lead"}}""".formatted(LEAD_ID);

        assertThat(webhooks.subject("lead.delete", deleted)).contains(new WebhookSubject("lead", LEAD_ID, "delete"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"meta\": {\"action\": \"change\", \"entity_id\": \"746\"}}",
                "{\"meta\": {\"action\": \"change\", \"entity\": \" \", \"entity_id\": \"746\"}}",
                "{\"meta\": {\"entity\": \"deal\", \"entity_id\": \"746\"}}",
                "{\"meta\": {\"action\": null, \"entity\": \"deal\", \"entity_id\": \"746\"}}",
                "{\"meta\": {\"action\": \"change\", \"entity\": \"deal\"}, \"data\": null, \"previous\": {}}",
                "{\"data\": {\"id\": 746}}",
                "not json at all",
                "[{\"meta\": {\"action\": \"change\", \"entity\": \"deal\", \"entity_id\": \"746\"}}]",
                "{\"meta\": ",
                ""
            })
    void givenAPayloadWithoutEntityActionOrIdOrThatIsNotJson_subject_isEmpty(String payload) {
        assertThat(webhooks.subject("deal.change", payload)).isEmpty();
    }
}
