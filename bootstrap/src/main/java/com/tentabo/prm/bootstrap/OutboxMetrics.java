package com.tentabo.prm.bootstrap;

import com.tentabo.prm.application.outbox.port.in.DeliverOutboxUseCase;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * The outbox and the webhooks on {@code /q/metrics}: {@code prm_outbox_deliveries_total{outcome}} counts what this
 * instance's worker did; {@code prm_outbox_events{status="pending"|"failed"}} and
 * {@code prm_webhook_events{status="pending"|"failed"}} are the backlogs in the database (all instances), read at each
 * scrape. An alert on {@code failed > 0} tells an operator a quote, a deal or a lead needs a person.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final Counter delivered;
    private final Counter retried;
    private final Counter failed;
    private final Counter skipped;
    private final AgroalDataSource dataSource;

    public OutboxMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.delivered = outcome(registry, "delivered");
        this.retried = outcome(registry, "retried");
        this.failed = outcome(registry, "failed");
        this.skipped = outcome(registry, "skipped");
        Gauge.builder("prm.outbox.events", this, m -> m.count("outbox_events", "PENDING"))
                .tag("status", "pending")
                .strongReference(true)
                .description("outbox events waiting for delivery")
                .register(registry);
        Gauge.builder("prm.outbox.events", this, m -> m.count("outbox_events", "FAILED"))
                .tag("status", "failed")
                .strongReference(true)
                .description("outbox events given up, waiting for a person")
                .register(registry);
        Gauge.builder("prm.webhook.events", this, m -> m.count("webhook_events", "pending"))
                .tag("status", "pending")
                .strongReference(true)
                .description("received webhooks waiting to be processed")
                .register(registry);
        Gauge.builder("prm.webhook.events", this, m -> m.count("webhook_events", "failed"))
                .tag("status", "failed")
                .strongReference(true)
                .description("received webhooks given up, waiting for a person")
                .register(registry);
    }

    void record(DeliverOutboxUseCase.Run run) {
        delivered.increment(run.delivered());
        retried.increment(run.retried());
        failed.increment(run.failed());
        skipped.increment(run.skipped());
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("prm.outbox.deliveries")
                .tag("outcome", outcome)
                .description("outbox events handled by this instance, by outcome")
                .register(registry);
    }

    /** Rows of one of the two queues ({@code outbox_events}, {@code webhook_events}, fixed names) in a status. */
    private double count(String table, String status) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE status = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            LOG.debugf("%s backlog not read: %s", table, e.getMessage());
            return Double.NaN;
        }
    }
}
