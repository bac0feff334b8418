package com.tentabo.prm.adapters.web.portal;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the deal registration and programme pages, English ({@code messages/prog_en.properties}) and French
 * ({@code messages/prog_fr.properties}); templates read them as {@code {prog:key}} (a key built at run time:
 * {@code {prog:message(key)}}). A bundle of its own: Quarkus generates one resolver per bundle and splits it past 300
 * messages, which the {@code msg} bundle must stay under. {@code ProgrammeMessagesTest} checks both files and the
 * methods hold the same keys.
 */
@MessageBundle(value = "prog", locale = "en")
public interface ProgrammeMessages {

    @Message
    String nav_registrations();

    @Message
    String nav_programme();

    @Message
    String lead_register();

    @Message
    String registrations_title();

    @Message
    String registrations_intro();

    @Message
    String registration_new();

    @Message
    String registration_new_intro();

    @Message
    String registration_organization();

    @Message
    String registration_number();

    @Message
    String registration_number_hint();

    @Message
    String registration_domain();

    @Message
    String registration_products();

    @Message
    String registration_value();

    @Message
    String registration_submit();

    @Message
    String registration_submitted_notice();

    @Message
    String registration_details();

    @Message
    String registration_lead();

    @Message
    String registration_submitted_at();

    @Message
    String registration_protection_end();

    @Message
    String registration_extended();

    @Message
    String registration_decision_reason();

    @Message
    String registration_orders();

    @Message
    String registration_order();

    @Message
    String registration_under_review_hint();

    @Message
    String registration_extension_pending();

    @Message
    String registration_history();

    @Message
    String registration_status_submitted();

    @Message
    String registration_status_approved();

    @Message
    String registration_status_rejected();

    @Message
    String registration_status_returned();

    @Message
    String registration_status_expired();

    @Message
    String registration_status_converted();

    @Message
    String registration_action_submit();

    @Message
    String registration_action_resubmit();

    @Message
    String registration_action_approve();

    @Message
    String registration_action_reject();

    @Message
    String registration_action_return();

    @Message
    String registration_action_request_extension();

    @Message
    String registration_action_grant_extension();

    @Message
    String registration_action_refuse_extension();

    @Message
    String registration_action_convert();

    @Message
    String registration_action_expire();

    @Message
    String registration_answer_title();

    @Message
    String registration_answer_intro();

    @Message
    String registration_answer();

    @Message
    String registration_answer_send();

    @Message
    String registration_extension_title();

    @Message
    String registration_extension_intro();

    @Message
    String registration_extension_until();

    @Message
    String registration_extension_reason();

    @Message
    String registration_extension_send();

    @Message
    String programme_title();

    @Message
    String programme_my_level();

    @Message
    String programme_no_level();

    @Message
    String programme_since();

    @Message
    String programme_discount();

    @Message
    String programme_bonus();

    @Message
    String programme_protection();

    @Message
    String programme_days(Object days);

    @Message
    String programme_progress();

    @Message
    String programme_period();

    @Message
    String programme_next(Object level);

    @Message
    String programme_bookings();

    @Message
    String programme_won();

    @Message
    String programme_met();

    @Message
    String programme_missing();

    @Message
    String programme_promotion_hint();

    @Message
    String programme_top();

    @Message
    String programme_history();

    @Message
    String programme_choose_partner();

    @Message
    String programme_levels();

    @Message
    String programme_level();

    @Message
    String registration_currency();
}
