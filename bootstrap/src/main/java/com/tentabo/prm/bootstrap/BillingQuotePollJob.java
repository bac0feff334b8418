package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.provider.SyncLogRecord;
import com.tentabo.prm.application.provider.port.in.PollBillingQuotesUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Brings back the status of the billing provider's quotes every {@code prm.billing.quote-poll-interval} (default
 * 5 min; {@code off} turns it off) from its change feed. Several instances polling at once record the same status
 * once: a quote's copy is written only when it differs from the recorded one, the order's row locked.
 */
@ApplicationScoped
public class BillingQuotePollJob {

    private static final Logger LOG = Logger.getLogger(BillingQuotePollJob.class);
    private final PollBillingQuotesUseCase poll;

    public BillingQuotePollJob(PollBillingQuotesUseCase poll) {
        this.poll = poll;
    }

    @Scheduled(
            identity = "billing-quote-poll",
            every = "${prm.billing.quote-poll-interval:5m}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        Optional<SyncLogRecord> run = poll.pollActive();
        run.filter(log -> log.recordsSynced() > 0 || !"success".equals(log.status()))
                .ifPresent(log ->
                        LOG.infof("Billing quotes: %d orders updated, run %s", log.recordsSynced(), log.status()));
    }
}
