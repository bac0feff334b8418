package com.tentabo.prm.adapters.providers.mail.smtp;

/**
 * Whether an SMTP server is configured ({@code PRM_SMTP_HOST}); without one, mail is logged instead of sent. The
 * server itself (host, port, TLS, login, sender) is the Quarkus mailer's configuration ({@code quarkus.mailer.*}).
 */
public record SmtpSettings(boolean configured) {}
