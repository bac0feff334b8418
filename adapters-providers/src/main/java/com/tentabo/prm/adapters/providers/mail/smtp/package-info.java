/**
 * Notification mail over SMTP (the Quarkus mailer): one Qute template per notification type and language under
 * {@code mail/} (its first line is the subject), wrapped in a plain-text and an HTML layout with the link to the
 * console page. With no SMTP server configured, each mail is logged (recipient and subject only) instead of sent.
 */
package com.tentabo.prm.adapters.providers.mail.smtp;
