package com.tentabo.prm.bootstrap;

import com.tentabo.prm.adapters.providers.mail.smtp.SmtpSettings;
import com.tentabo.prm.adapters.providers.webhook.outbound.WebhookTargetRules;
import com.tentabo.prm.application.notification.NotificationSettings;
import com.tentabo.prm.application.notification.port.in.SendRemindersUseCase;
import com.tentabo.prm.domain.notification.MailLocale;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The daily reminders (cron {@code prm.notifications.reminder-cron}, default 07:00 UTC; {@code off} stops it): contracts
 * 90, 60 and 30 days before their end, then the daily digests. Safe on every instance at once and when run twice: each
 * reminder is written once per contract, threshold and recipient (docs/notifications.md). Also the notification
 * settings of the application.
 */
@ApplicationScoped
public class NotificationJob {

    private static final Logger LOG = Logger.getLogger(NotificationJob.class);
    private final SendRemindersUseCase reminders;

    public NotificationJob(SendRemindersUseCase reminders) {
        this.reminders = reminders;
    }

    @Scheduled(
            identity = "notification-reminders",
            cron = "${prm.notifications.reminder-cron:0 0 7 * * ?}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        SendRemindersUseCase.Run run = reminders.sendDue();
        LOG.infof(
                "Reminders: %d contract(s) near their end, %d notification(s) written, %d digest(s) queued",
                run.contracts(), run.notified(), run.digests());
    }

    @Produces
    @Singleton
    static NotificationSettings notificationSettings(
            @ConfigProperty(name = "prm.notifications.default-locale", defaultValue = "en") String defaultLocale,
            @ConfigProperty(name = "prm.notifications.console-url", defaultValue = "http://localhost:8080")
                    String consoleUrl,
            @ConfigProperty(name = "prm.notifications.webhook-retry-window", defaultValue = "PT24H") Duration window,
            @ConfigProperty(name = "prm.notifications.delivery-threads", defaultValue = "8") int threads) {
        MailLocale locale = MailLocale.parse(defaultLocale)
                .orElseThrow(() -> new IllegalArgumentException(
                        "prm.notifications.default-locale must be en or fr, was " + defaultLocale));
        return new NotificationSettings(locale, consoleUrl, window, threads);
    }

    /** SMTP is on when {@code PRM_SMTP_HOST} is set; the server itself is {@code quarkus.mailer.*}. */
    @Produces
    @Singleton
    static SmtpSettings smtpSettings(@ConfigProperty(name = "prm.mail.smtp-host") Optional<String> host) {
        return new SmtpSettings(host.filter(h -> !h.isBlank()).isPresent());
    }

    @Produces
    @Singleton
    static WebhookTargetRules webhookTargetRules(
            @ConfigProperty(name = "prm.webhooks.outbound.allow-http", defaultValue = "false") boolean allowHttp,
            @ConfigProperty(name = "prm.webhooks.outbound.allowed-private-ranges") Optional<List<String>> ranges) {
        return new WebhookTargetRules(allowHttp, ranges.orElse(List.of()));
    }
}
