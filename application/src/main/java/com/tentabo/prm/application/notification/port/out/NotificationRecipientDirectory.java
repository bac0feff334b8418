package com.tentabo.prm.application.notification.port.out;

import com.tentabo.prm.application.notification.Audience;
import com.tentabo.prm.application.notification.Recipient;
import com.tentabo.prm.domain.access.PrincipalKind;
import com.tentabo.prm.domain.notification.MailLocale;
import com.tentabo.prm.domain.notification.NotificationType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The people notifications reach, with their addresses and preferences ({@code notification_preferences}). */
public interface NotificationRecipientDirectory {

    /**
     * The people of an audience as they are now. Groups hold enabled people only; {@link Audience.Kind#USER} and
     * {@link Audience.Kind#ADMIN_ACCOUNT} answer the person whatever its state (the caller checks {@code enabled}).
     * A users row linked to an admin account is answered as that admin account.
     */
    List<Recipient> recipients(Audience audience);

    /** One person as it is now, or empty when it no longer exists. */
    Optional<Recipient> find(PrincipalKind kind, UUID id);

    /** The people of these ids (of one kind) that exist, in one statement (the delivery of a batch of mails). */
    List<Recipient> findAll(PrincipalKind kind, java.util.Collection<UUID> ids);

    /** Inserts or replaces the preferences of one person. */
    void savePreferences(
            PrincipalKind kind,
            UUID id,
            MailLocale locale,
            Set<NotificationType> emailMuted,
            boolean dailyDigest,
            Instant at);
}
