package com.tentabo.prm.application.notification.port.out;

import com.tentabo.prm.domain.notification.MailLocale;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes and sends mail: the adapter renders the template of the message in the recipient's language (plain text and
 * HTML) and sends it. A failure is a {@link com.tentabo.prm.application.provider.ProviderFailure} (retryable or not).
 */
public interface MailGateway {

    /**
     * One mail.
     *
     * @param template the template name: a notification type's wire name, or {@code digest}
     * @param params   what the template shows
     * @param link     the absolute address of the console page the mail points to
     * @param items    for a digest: one entry per reminder (each a map of its template's params plus {@code type} and
     *                 {@code link}); empty otherwise
     */
    record MailRequest(
            String to,
            MailLocale locale,
            String template,
            Map<String, String> params,
            String link,
            List<Map<String, String>> items) {
        public MailRequest {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(template, "template");
            params = params == null ? Map.of() : Map.copyOf(params);
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /** Sends the mail (or, with no SMTP server configured, logs its recipient and subject); answers the subject. */
    String send(MailRequest request);
}
