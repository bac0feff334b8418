package com.tentabo.prm.domain.notification;

import java.util.Locale;
import java.util.Optional;

/** The languages mail is written in. A recipient without a preference gets the configured default. */
public enum MailLocale {
    EN,
    FR;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code fr}, {@code FR}, {@code fr-FR}, {@code fr_CA} … → FR; anything else → empty. */
    public static Optional<MailLocale> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        for (MailLocale locale : values()) {
            if (locale.tag().equals(language)) {
                return Optional.of(locale);
            }
        }
        return Optional.empty();
    }
}
