package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.WebhookRequest;
import com.tentabo.prm.application.provider.port.in.ReceiveWebhookUseCase;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.provider.port.out.WebhookGateway;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores authentic webhook deliveries once each. Receiving writes no audit row: nothing of the business changed yet
 * (the stored event is itself the record, shown by {@code /api/v1/webhook-events}).
 */
@ApplicationScoped
@Transactional
public class WebhookIntakeService implements ReceiveWebhookUseCase {

    private static final int MAX_NAME = 50;

    private final ProviderConfigDirectory providers;
    private final ProviderGateways<WebhookGateway> gateways;
    private final WebhookEventRepository events;
    private final IdGenerator ids;
    private final Clock clock;

    public WebhookIntakeService(ProviderConfigDirectory providers, ProviderGateways<WebhookGateway> gateways,
                                WebhookEventRepository events, IdGenerator ids, Clock clock) {
        this.providers = providers;
        this.gateways = gateways;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Receipt receive(String providerName, WebhookRequest request) {
        if (providerName == null || providerName.isBlank() || providerName.length() > MAX_NAME) {
            throw notAuthentic();
        }
        ProviderSettings settings = settings(providerName).orElseThrow(WebhookIntakeService::notAuthentic);
        WebhookGateway gateway = gateways.forName(settings.name())
                .orElseThrow(WebhookIntakeService::notAuthentic);
        Instant now = clock.instant();
        ParsedWebhook event = gateway.authenticate(settings, request, now).orElseThrow(WebhookIntakeService::notAuthentic);
        Optional<UUID> known = events.lockAndFind(settings.name(), event.eventId());
        if (known.isPresent()) {
            return new Receipt(known.get(), true);
        }
        UUID id = ids.newId();
        events.insert(id, settings.name(), settings.type(), event, request.storableHeaders(), request.ipAddress(), now);
        return new Receipt(id, false);
    }

    private Optional<ProviderSettings> settings(String providerName) {
        try {
            return providers.activeSettingsNamed(providerName);
        } catch (ProviderFailure unreadable) {
            // the credentials cannot be decrypted: the provider will retry, and an operator sees the 503s
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "Webhooks of this provider cannot be checked now");
        }
    }

    private static DomainException notAuthentic() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "The webhook could not be authenticated");
    }
}
