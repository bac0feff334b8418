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
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores authentic webhook deliveries once each. Receiving writes no audit row: nothing of the business changed yet
 * (the stored event is itself the record, shown by {@code /api/v1/webhook-events}).
 *
 * <p>Throughput (docs/performance.md, "Webhook intake"): the provider's decrypted settings are kept while its
 * version ({@link ProviderConfigDirectory#activeVersionNamed}, one indexed read, nothing decrypted) stays the same, so
 * a deactivation or a new secret counts from the next delivery; and the deliveries of concurrent requests are stored
 * together by {@link WebhookGroupCommit}: each request is answered once the transaction holding its row committed.
 */
@ApplicationScoped
public class WebhookIntakeService implements ReceiveWebhookUseCase {

    private static final int MAX_NAME = 50;
    /** Active providers are few; a bound all the same (a name is only kept once a provider of that name is active). */
    private static final int MAX_CACHED = 64;

    private record Versioned(String version, ProviderSettings settings) {}

    private final Transactions tx;
    private final ProviderConfigDirectory providers;
    private final ProviderGateways<WebhookGateway> gateways;
    private final WebhookGroupCommit commits;
    private final IdGenerator ids;
    private final Clock clock;
    private final Map<String, Versioned> settingsByName = new ConcurrentHashMap<>();

    public WebhookIntakeService(
            Transactions tx,
            ProviderConfigDirectory providers,
            ProviderGateways<WebhookGateway> gateways,
            WebhookEventRepository events,
            IdGenerator ids,
            Clock clock) {
        this.tx = tx;
        this.providers = providers;
        this.gateways = gateways;
        this.commits = new WebhookGroupCommit(tx, events);
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Receipt receive(String providerName, WebhookRequest request) {
        if (providerName == null || providerName.isBlank() || providerName.length() > MAX_NAME) {
            throw notAuthentic();
        }
        ProviderSettings settings = settings(providerName).orElseThrow(WebhookIntakeService::notAuthentic);
        WebhookGateway gateway = gateways.forName(settings.name()).orElseThrow(WebhookIntakeService::notAuthentic);
        Instant now = clock.instant();
        ParsedWebhook event =
                gateway.authenticate(settings, request, now).orElseThrow(WebhookIntakeService::notAuthentic);
        WebhookEventRepository.Stored stored = commits.store(new WebhookEventRepository.Incoming(
                ids.newId(),
                settings.name(),
                settings.type(),
                event,
                request.storableHeaders(),
                request.ipAddress(),
                now));
        return new Receipt(stored.id(), stored.duplicate());
    }

    /** The active provider's settings, decrypted again only when its version changed. */
    private Optional<ProviderSettings> settings(String providerName) {
        try {
            String key = providerName.toLowerCase(java.util.Locale.ROOT);
            Optional<String> version = tx.requiringNew(() -> providers.activeVersionNamed(providerName));
            if (version.isEmpty()) {
                settingsByName.remove(key);
                return Optional.empty();
            }
            Versioned known = settingsByName.get(key);
            if (known != null && known.version().equals(version.get())) {
                return Optional.of(known.settings());
            }
            Optional<ProviderSettings> settings = tx.requiringNew(() -> providers.activeSettingsNamed(providerName));
            if (settings.isPresent() && (settingsByName.size() < MAX_CACHED || settingsByName.containsKey(key))) {
                // read after the version: if the row changed in between, the next delivery reads it again
                settingsByName.put(key, new Versioned(version.get(), settings.get()));
            }
            return settings;
        } catch (ProviderFailure unreadable) {
            // the credentials cannot be decrypted: the provider will retry, and an operator sees the 503s
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "Webhooks of this provider cannot be checked now");
        }
    }

    private static DomainException notAuthentic() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "The webhook could not be authenticated");
    }
}
