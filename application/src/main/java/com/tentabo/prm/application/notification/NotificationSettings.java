package com.tentabo.prm.application.notification;

import com.tentabo.prm.domain.notification.MailLocale;
import java.time.Duration;
import java.util.Objects;

/**
 * How notifications go out ({@code prm.notifications.*}, produced by the bootstrap module).
 *
 * @param defaultLocale      the language of people who chose none
 * @param consoleUrl         the console's public address, which mail links start with ({@code https://prm.example.com})
 * @param webhookRetryWindow how long a failing webhook delivery is retried before it is given up (and its
 *                           subscription disabled)
 * @param deliveryThreads    how many mails and webhook calls of one outbox batch are sent at once
 */
public record NotificationSettings(
        MailLocale defaultLocale, String consoleUrl, Duration webhookRetryWindow, int deliveryThreads) {

    public NotificationSettings {
        Objects.requireNonNull(defaultLocale, "defaultLocale");
        Objects.requireNonNull(webhookRetryWindow, "webhookRetryWindow");
        consoleUrl = consoleUrl == null ? "" : consoleUrl.strip();
        while (consoleUrl.endsWith("/")) {
            consoleUrl = consoleUrl.substring(0, consoleUrl.length() - 1);
        }
        if (!consoleUrl.startsWith("http://") && !consoleUrl.startsWith("https://")) {
            throw new IllegalArgumentException(
                    "prm.notifications.console-url must be an http(s) address, was " + consoleUrl);
        }
        if (deliveryThreads < 1 || deliveryThreads > 64) {
            throw new IllegalArgumentException(
                    "prm.notifications.delivery-threads must be between 1 and 64, was " + deliveryThreads);
        }
        if (webhookRetryWindow.isNegative() || webhookRetryWindow.isZero()) {
            throw new IllegalArgumentException("prm.notifications.webhook-retry-window must be positive");
        }
    }

    /** The absolute address of a console page ({@code /ui/orders/…}). */
    public String linkTo(String path) {
        return consoleUrl + path;
    }

    public MailLocale localeOf(Recipient recipient) {
        return recipient.locale() == null ? defaultLocale : recipient.locale();
    }
}
