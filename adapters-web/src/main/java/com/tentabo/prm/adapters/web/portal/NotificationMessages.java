package com.tentabo.prm.adapters.web.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The titles of the notifications ({@code notif_<type>}, one per {@code NotificationType}) and the texts of the
 * notification preferences page, English ({@code messages/ntf_en.properties}) and French
 * ({@code messages/ntf_fr.properties}); templates read them as {@code {ntf:key}}, {@code Formats.t} finds a
 * {@code notif_} key here. A bundle of its own: the {@code msg} bundle must stay under 300 messages.
 */
@MessageBundle(value = "ntf", locale = "en")
public interface NotificationMessages {

    @Message
    String notif_contract_activated();

    @Message
    String notif_contract_expiring();

    @Message
    String notif_lead_assigned();

    @Message
    String notif_order_cancelled();

    @Message
    String notif_order_fulfilled();

    @Message
    String notif_order_sent();

    @Message
    String notif_other();

    @Message
    String notif_outbox_event_failed();

    @Message
    String notif_programme_level_changed();

    @Message
    String notif_provider_unhealthy();

    @Message
    String notif_quote_status_changed();

    @Message
    String notif_registration_approved();

    @Message
    String notif_registration_conflict();

    @Message
    String notif_registration_expired();

    @Message
    String notif_registration_expiring();

    @Message
    String notif_registration_rejected();

    @Message
    String notif_registration_returned();

    @Message
    String notif_registration_submitted();

    @Message
    String notif_user_approved();

    @Message
    String notif_user_pending_approval();

    @Message
    String notif_webhook_event_failed();

    @Message
    String notif_webhook_subscription_disabled();

    @Message
    String prefs_by_email();

    @Message
    String prefs_digest();

    @Message
    String prefs_event();

    @Message
    String prefs_intro();

    @Message
    String prefs_link();

    @Message
    String prefs_locale();

    @Message
    String prefs_locale_default(Object locale);

    @Message
    String prefs_save();

    @Message
    String prefs_saved();

    @Message
    String prefs_title();
}
