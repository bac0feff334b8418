package com.tentabo.prm.application.provider.service;

import com.tentabo.prm.application.provider.ParsedWebhook;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.WebhookRequest;
import com.tentabo.prm.application.provider.port.in.ReceiveWebhookUseCase;
import com.tentabo.prm.application.provider.port.out.ProviderConfigDirectory;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository.Incoming;
import com.tentabo.prm.application.provider.port.out.WebhookEventRepository.Stored;
import com.tentabo.prm.application.provider.port.out.WebhookGateway;
import com.tentabo.prm.application.shared.IdGenerator;
import com.tentabo.prm.application.shared.port.out.ProviderGateways;
import com.tentabo.prm.application.shared.port.out.Transactions;
import com.tentabo.prm.domain.id.WebhookEventId;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Stores authentic webhook deliveries once each. Receiving writes no audit row: nothing of the business changed yet
 * (the stored event is itself the record, shown by {@code /api/v1/webhook-events}).
 *
 * <p>Throughput (docs/performance.md, "Webhook intake"): a delivery is checked against the provider's decrypted
 * settings kept in memory with their version ({@link ProviderConfigDirectory#activeVersionNamed}, one indexed read,
 * nothing decrypted), without reading the database; the deliveries of concurrent requests are then stored together by
 * {@link WebhookGroupCommit}, whose transaction reads each provider's version once and stores only the deliveries
 * checked against the current one. A delivery checked against settings that changed meanwhile (a new secret, a
 * deactivation), or refused by the kept settings, is checked again against the settings read afresh: a change counts
 * from the next delivery, and each request is answered once the transaction holding its row committed.
 *
 * <p>The caller's thread (an HTTP event loop) never waits: a delivery the kept settings accept is checked there (a
 * signature or a password, and one pass over the body) and handed to the group commit, whose writer thread completes
 * the answer once committed; everything that reads the database (a provider not known yet, a delivery the kept
 * settings refuse, settings that changed meanwhile) runs on the {@code blocking} executor the caller gives.
 */
@ApplicationScoped
public class WebhookIntakeService implements ReceiveWebhookUseCase {

    private static final int MAX_NAME = 50;
    /** Active providers are few; a bound all the same (a name is only kept once a provider of that name is active). */
    private static final int MAX_CACHED = 64;
    /** Checks of one delivery against settings that changed each time, before giving up (503). */
    private static final int MAX_CHECKS = 4;

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
        this.commits = new WebhookGroupCommit(tx, events, providers::activeVersionNamed);
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Receipt> receive(String providerName, WebhookRequest request, Executor blocking) {
        if (providerName == null || providerName.isBlank() || providerName.length() > MAX_NAME) {
            return CompletableFuture.failedFuture(notAuthentic());
        }
        Instant now = clock.instant();
        String key = providerName.toLowerCase(Locale.ROOT);
        Versioned kept = settingsByName.get(key);
        Optional<CompletableFuture<Optional<Stored>>> submitted =
                kept == null ? Optional.empty() : submitIfAuthentic(kept, request, now);
        if (submitted.isEmpty()) {
            // not known yet, or refused by the kept settings: checked against the settings read afresh
            return CompletableFuture.supplyAsync(() -> receiveAfresh(providerName, key, request, now), blocking);
        }
        return submitted
                .get()
                .thenCompose(stored -> stored.isPresent()
                        ? CompletableFuture.completedFuture(receipt(stored.get()))
                        // checked against settings that changed meanwhile: checked again, off the caller's thread
                        : CompletableFuture.supplyAsync(
                                () -> receiveAfresh(providerName, key, request, now), blocking));
    }

    /**
     * Checks the delivery against the kept settings without reading the database and hands it to the group commit;
     * empty when those settings refuse it (a bad body is only told to a sender the current settings accept).
     */
    private Optional<CompletableFuture<Optional<Stored>>> submitIfAuthentic(
            Versioned kept, WebhookRequest request, Instant now) {
        Optional<WebhookGateway> gateway = gateways.forName(kept.settings().name());
        if (gateway.isEmpty()) {
            return Optional.empty();
        }
        Optional<ParsedWebhook> event;
        try {
            event = gateway.get().authenticate(kept.settings(), request, now);
        } catch (DomainException unreadable) {
            return Optional.empty();
        }
        return event.map(parsed -> commits.submit(incoming(kept, parsed, request, now), kept.version()));
    }

    /**
     * Blocking: checks the delivery against the provider's current settings (read, and decrypted when they changed)
     * and stores it, again while the settings change under it.
     */
    private Receipt receiveAfresh(String providerName, String key, WebhookRequest request, Instant now) {
        for (int check = 0; check < MAX_CHECKS; check++) {
            Versioned settings = current(providerName, key).orElseThrow(WebhookIntakeService::notAuthentic);
            WebhookGateway gateway =
                    gateways.forName(settings.settings().name()).orElseThrow(WebhookIntakeService::notAuthentic);
            ParsedWebhook event = gateway.authenticate(settings.settings(), request, now)
                    .orElseThrow(WebhookIntakeService::notAuthentic);
            Optional<Stored> stored = commits.store(incoming(settings, event, request, now), settings.version());
            if (stored.isPresent()) {
                return receipt(stored.get());
            }
            // checked against settings that changed meanwhile: check it again against the current ones
        }
        throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "The provider's settings keep changing; retry later");
    }

    private Incoming incoming(Versioned settings, ParsedWebhook event, WebhookRequest request, Instant now) {
        return new Incoming(
                new WebhookEventId(ids.newId()),
                settings.settings().name(),
                settings.settings().type(),
                event,
                request.storableHeaders(),
                request.ipAddress(),
                now);
    }

    private static Receipt receipt(Stored stored) {
        return new Receipt(stored.id(), stored.duplicate());
    }

    /** Stops the group commit's writer (what is queued is written first). */
    @PreDestroy
    void stop() {
        commits.close();
    }

    /** The active provider's settings and their version, decrypted again only when the version changed; kept. */
    private Optional<Versioned> current(String providerName, String key) {
        try {
            Optional<String> version = tx.requiringNew(() -> providers.activeVersionNamed(providerName));
            if (version.isEmpty()) {
                settingsByName.remove(key);
                return Optional.empty();
            }
            Versioned known = settingsByName.get(key);
            if (known != null && known.version().equals(version.get())) {
                return Optional.of(known);
            }
            Optional<ProviderSettings> settings = tx.requiringNew(() -> providers.activeSettingsNamed(providerName));
            if (settings.isEmpty()) {
                settingsByName.remove(key);
                return Optional.empty();
            }
            // read after the version: if the row changed in between, the group commit finds the version stale
            Versioned fresh = new Versioned(version.get(), settings.get());
            if (settingsByName.size() < MAX_CACHED || settingsByName.containsKey(key)) {
                settingsByName.put(key, fresh);
            }
            return Optional.of(fresh);
        } catch (ProviderFailure unreadable) {
            // the credentials cannot be decrypted: the provider will retry, and an operator sees the 503s
            throw new DomainException(ErrorCode.SERVICE_UNAVAILABLE, "Webhooks of this provider cannot be checked now");
        }
    }

    private static DomainException notAuthentic() {
        return new DomainException(ErrorCode.UNAUTHENTICATED, "The webhook could not be authenticated");
    }
}
