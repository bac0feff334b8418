package com.tentabo.prm.adapters.providers.crm.pipedrive;

import com.fasterxml.jackson.databind.JsonNode;
import com.tentabo.prm.adapters.providers.http.WebhookBodies;
import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.WebhookRequest;
import com.tentabo.prm.application.provider.WebhookSubject;
import com.tentabo.prm.application.provider.port.out.WebhookGateway;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Pipedrive webhooks (v2). Pipedrive signs nothing: it sends the HTTP Basic credentials set on the webhook
 * ({@code http_auth_user} / {@code http_auth_password}), kept here as the credentials {@code webhook_username} and
 * {@code webhook_password}. With configuration {@code company_id}, a delivery for another company is refused too.
 * The event id is {@code meta.id} (retries re-send it), the type {@code <meta.entity>.<meta.action>}.
 */
@ApplicationScoped
public class PipedriveWebhooks implements WebhookGateway {

    /** What the intake reads of a delivery. */
    private static final List<String> READ = List.of("/meta/id", "/meta/entity", "/meta/action", "/meta/company_id");

    @Override
    public String providerName() {
        return PipedriveCrmGateway.NAME;
    }

    @Override
    public Optional<ParsedWebhook> authenticate(ProviderSettings settings, WebhookRequest request, Instant now) {
        String user = settings.credentials().get("webhook_username");
        String password = settings.credentials().get("webhook_password");
        if (user == null
                || user.isBlank()
                || password == null
                || password.isBlank()
                || !basicAuthMatches(request.header("authorization"), user, password)) {
            return Optional.empty();
        }
        WebhookBodies.Values body = WebhookBodies.values(request.body(), READ);
        String company = settings.setting("company_id", null);
        if (company != null && !company.equals(body.text("/meta/company_id", ""))) {
            return Optional.empty();
        }
        String eventId = body.required("/meta/id", WebhookBodies.MAX_EVENT_ID);
        String entity = body.required("/meta/entity", 50);
        String action = body.required("/meta/action", 40);
        return Optional.of(WebhookBodies.parsed(eventId, entity + "." + action, request.body()));
    }

    /**
     * {@code meta.entity}, {@code meta.entity_id} (else {@code data.id}, else {@code previous.id}), {@code meta.action},
     * {@code meta.change_source} and {@code data.update_time}.
     */
    @Override
    public Optional<WebhookSubject> subject(String eventType, String payloadJson) {
        JsonNode body;
        try {
            body = WebhookBodies.object(payloadJson.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
        String entity = body.at("/meta/entity").asText("");
        String action = body.at("/meta/action").asText("");
        String id = firstText(body.at("/meta/entity_id"), body.at("/data/id"), body.at("/previous/id"));
        return entity.isBlank() || action.isBlank() || id == null
                ? Optional.empty()
                : Optional.of(new WebhookSubject(
                        entity,
                        id,
                        action,
                        firstText(body.at("/meta/change_source")),
                        PipedriveCrmGateway.instant(firstText(body.at("/data/update_time")))));
    }

    private static String firstText(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isValueNode()
                    && !candidate.isNull()
                    && !candidate.asText().isBlank()) {
                return candidate.asText().strip();
            }
        }
        return null;
    }

    private static boolean basicAuthMatches(String header, String user, String password) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        // both halves are always compared, so the time taken does not tell which one was wrong
        boolean sameUser = WebhookBodies.sameSecret(decoded.substring(0, colon), user);
        boolean samePassword = WebhookBodies.sameSecret(decoded.substring(colon + 1), password);
        return sameUser & samePassword;
    }
}
