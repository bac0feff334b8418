package com.tentabo.prm.application.notification;

import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.notification.MailLocale;
import com.tentabo.prm.domain.notification.NotificationType;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A person notifications reach: a {@code users} row or an admin account, with its address and preferences.
 *
 * @param locale      the language it chose, or null for the configured default
 * @param emailMuted  the types it does not want by e-mail (the inbox always has them)
 * @param dailyDigest reminders gathered in one mail a day instead of one mail each
 */
public record Recipient(
        PrincipalKind kind,
        UUID id,
        String email,
        String name,
        boolean enabled,
        MailLocale locale,
        Set<NotificationType> emailMuted,
        boolean dailyDigest) {

    public Recipient {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        emailMuted = emailMuted == null ? Set.of() : Set.copyOf(emailMuted);
    }

    /** Whether an event of this type is mailed to this person at once. */
    public boolean mailsAtOnce(NotificationType type) {
        return hasAddress() && !emailMuted.contains(type) && !(type.reminder() && dailyDigest);
    }

    /** Whether an event of this type waits for this person's daily digest. */
    public boolean mailsInDigest(NotificationType type) {
        return hasAddress() && !emailMuted.contains(type) && type.reminder() && dailyDigest;
    }

    private boolean hasAddress() {
        return email != null && email.contains("@");
    }
}
