package com.tentabo.prm.adapters.web.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the back-office pages of deal registrations and the partner programme (the review queue, a
 * registration side by side with its conflicts, the programme levels), English ({@code messages/bor_en.properties})
 * and French ({@code messages/bor_fr.properties}); templates read them as {@code {bor:key}} (or
 * {@code {bor:message(key)}}). Also the inbox titles of the registration and programme notifications. A bundle of its
 * own: Quarkus splits a bundle's resolver past 300 messages, which {@code msg} must stay under.
 * {@code BackOfficeProgrammeMessagesTest} checks that both files and the methods hold the same keys.
 */
@MessageBundle(value = "bor", locale = "en")
public interface BackOfficeProgrammeMessages {

    @Message
    String nav_review();

    @Message
    String nav_levels();

    @Message
    String review_title();

    @Message
    String review_intro();

    @Message
    String review_decided(Object who);

    @Message
    String review_waiting();

    @Message
    String review_partner();

    @Message
    String review_conflict();

    @Message
    String review_empty();

    @Message
    String review_extensions();

    @Message
    String review_extension_until();

    @Message
    String review_extensions_empty();

    @Message
    String review_flags();

    @Message
    String review_flags_intro();

    @Message
    String review_flag_order();

    @Message
    String review_flag_ordering();

    @Message
    String review_flag_protecting();

    @Message
    String review_flag_at();

    @Message
    String review_flags_empty();

    @Message
    String review_status_submitted();

    @Message
    String review_status_approved();

    @Message
    String review_status_rejected();

    @Message
    String review_status_returned();

    @Message
    String review_status_expired();

    @Message
    String review_status_converted();

    @Message
    String review_conflict_none();

    @Message
    String review_conflict_overlap();

    @Message
    String review_conflict_conflict();

    @Message
    String review_conflict_incumbent();

    @Message
    String review_contested();

    @Message
    String review_this();

    @Message
    String review_others();

    @Message
    String review_others_intro();

    @Message
    String review_kind_lead();

    @Message
    String review_kind_registration();

    @Message
    String review_kind_contract();

    @Message
    String review_matched_by();

    @Message
    String review_reason_registration_number();

    @Message
    String review_reason_domain();

    @Message
    String review_reason_name();

    @Message
    String review_reason_similar_name();

    @Message
    String review_similarity();

    @Message
    String review_until();

    @Message
    String review_no_match();

    @Message
    String review_decide();

    @Message
    String review_decide_intro();

    @Message
    String review_reason();

    @Message
    String review_approve();

    @Message
    String review_return();

    @Message
    String review_reject();

    @Message
    String review_extension_title();

    @Message
    String review_grant();

    @Message
    String review_refuse();

    @Message
    String levels_title();

    @Message
    String levels_intro();

    @Message
    String levels_deleted();

    @Message
    String levels_assigned();

    @Message
    String levels_saved();

    @Message
    String levels_name();

    @Message
    String levels_rank();

    @Message
    String levels_discount();

    @Message
    String levels_bonus();

    @Message
    String levels_protection();

    @Message
    String levels_min_bookings();

    @Message
    String levels_min_won();

    @Message
    String levels_empty();

    @Message
    String levels_new();

    @Message
    String levels_create();

    @Message
    String levels_assign_title();

    @Message
    String levels_assign_intro();

    @Message
    String levels_level();

    @Message
    String levels_assign();

    @Message
    String levels_history_of();

    @Message
    String levels_history(Object partner);

    @Message
    String levels_from();

    @Message
    String levels_to();

    @Message
    String levels_current();

    @Message
    String levels_no_history();

    @Message
    String levels_edit();

    @Message
    String levels_save();

    @Message
    String levels_delete_title();

    @Message
    String levels_delete_intro();

    @Message
    String levels_delete();
}
