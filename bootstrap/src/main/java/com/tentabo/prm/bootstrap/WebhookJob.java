package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.provider.port.in.ProcessWebhooksUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Processes received webhooks every {@code prm.webhooks.interval} (default 10 s; {@code off} turns it off). Safe on
 * every instance at once: events are claimed with {@code FOR UPDATE SKIP LOCKED} (docs/providers.md).
 */
@ApplicationScoped
public class WebhookJob {

    private static final Logger LOG = Logger.getLogger(WebhookJob.class);
    private final ProcessWebhooksUseCase process;

    public WebhookJob(ProcessWebhooksUseCase process) {
        this.process = process;
    }

    @Scheduled(
            identity = "webhook-processing",
            every = "${prm.webhooks.interval:10s}",
            delayed = "7s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void process() {
        ProcessWebhooksUseCase.Run run;
        do {
            run = process.processDue();
            if (run.total() > 0) {
                LOG.infof(
                        "Webhooks: %d processed, %d ignored, %d to retry, %d failed",
                        run.processed(), run.ignored(), run.retried(), run.failed());
            }
        } while (run.total() > 0 && run.retried() == 0 && run.failed() == 0);
    }
}
