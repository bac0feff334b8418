package com.tentabo.prm.application.notification;

import java.util.Locale;

/** Where the e-mail of one notification stands (column {@code notifications.email_status}, in lower case). */
public enum EmailStatus {
    /** Not mailed: the person has no address or does not want this type by e-mail. */
    NONE,
    /** In the outbox, sent after commit. */
    QUEUED,
    /** Waiting for the person's daily digest. */
    DIGEST,
    SENT,
    /** Not sent: the person was disabled (or removed) before the mail left. */
    SKIPPED,
    /** Given up after the outbox's last attempt. */
    FAILED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EmailStatus ofWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
