package com.tentabo.prm.adapters.providers.mail.smtp;

import com.tentabo.prm.application.notification.port.out.MailGateway;
import com.tentabo.prm.application.provider.ProviderFailure;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.Engine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Renders a notification mail in the recipient's language and sends it through the Quarkus mailer (plain text and
 * HTML). With no SMTP server configured, logs the recipient and the subject at INFO instead — never the body, which may
 * carry a link with a token. An SMTP failure is retryable (the outbox tries again with backoff).
 */
@ApplicationScoped
public class SmtpMailGateway implements MailGateway {

    private static final Logger LOG = Logger.getLogger(SmtpMailGateway.class);

    private final Mailer mailer;
    private final SmtpSettings settings;
    private final MailTemplates templates;

    public SmtpMailGateway(Mailer mailer, Engine engine, SmtpSettings settings) {
        this.mailer = mailer;
        this.settings = settings;
        this.templates = new MailTemplates(engine);
    }

    @Override
    public String send(MailRequest request) {
        Map<String, Object> data = new HashMap<>();
        data.put("p", request.params());
        data.put("link", request.link());
        data.put("items", request.items());
        // an invitation or password-reset link: its own link text and footer (it is no notification setting)
        data.put("account_mail", request.template().startsWith("account."));
        MailTemplates.Rendered mail =
                templates.render(request.template(), request.locale().tag(), data);
        if (!settings.configured()) {
            LOG.infof(
                    "Mail not sent (no SMTP server configured: PRM_SMTP_HOST) to %s: %s", request.to(), mail.subject());
            return mail.subject();
        }
        try {
            mailer.send(Mail.withText(request.to(), mail.subject(), mail.text()).setHtml(mail.html()));
        } catch (RuntimeException e) {
            throw ProviderFailure.retryable(
                    "SMTP: the mail to " + request.to() + " was not accepted: " + rootMessage(e), e);
        }
        return mail.subject();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " " + root.getMessage());
    }
}
