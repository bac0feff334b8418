package com.tentabo.prm.bootstrap;

import com.tentabo.prm.adapters.persistence.provider.CredentialsCipher;
import com.tentabo.prm.application.outbox.OutboxSettings;
import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox to the active billing provider and CRM every {@code prm.outbox.interval} (default 10 s; {@code off}
 * turns it off). Safe on every instance at once: events are claimed with {@code FOR UPDATE SKIP LOCKED}
 * (docs/providers.md).
 */
@ApplicationScoped
public class OutboxJob {

    private static final Logger LOG = Logger.getLogger(OutboxJob.class);
    private final DeliverOutboxUseCase deliver;
    private final OutboxMetrics metrics;

    public OutboxJob(DeliverOutboxUseCase deliver, OutboxMetrics metrics) {
        this.deliver = deliver;
        this.metrics = metrics;
    }

    @Scheduled(
            identity = "outbox-delivery",
            every = "${prm.outbox.interval:10s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        DeliverOutboxUseCase.Run run;
        do {
            run = deliver.deliverDue();
            metrics.record(run);
            if (run.total() > 0) {
                LOG.infof(
                        "Outbox: %d delivered, %d to retry, %d failed, %d skipped",
                        run.delivered(), run.retried(), run.failed(), run.skipped());
            }
        } while (run.total() > 0 && run.retried() == 0 && run.failed() == 0);
    }

    @Produces
    @Singleton
    static OutboxSettings settings(
            @ConfigProperty(name = "prm.outbox.batch-size", defaultValue = "20") int batchSize,
            @ConfigProperty(name = "prm.outbox.lease", defaultValue = "PT2M") Duration lease,
            @ConfigProperty(name = "prm.outbox.first-retry", defaultValue = "PT30S") Duration firstRetry,
            @ConfigProperty(name = "prm.outbox.max-retry", defaultValue = "PT1H") Duration maxRetry,
            @ConfigProperty(name = "prm.outbox.max-attempts", defaultValue = "15") int maxAttempts) {
        return new OutboxSettings(batchSize, lease, firstRetry, maxRetry, maxAttempts);
    }

    /** AES-256-GCM for {@code provider_configs.credentials}; without a key, encrypted credentials cannot be used. */
    @Produces
    @Singleton
    static CredentialsCipher credentialsCipher(
            @ConfigProperty(name = "prm.providers.credentials-key") Optional<String> key) {
        return CredentialsCipher.fromBase64(key);
    }
}
