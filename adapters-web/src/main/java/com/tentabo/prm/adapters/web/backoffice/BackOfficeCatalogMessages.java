package com.tentabo.prm.adapters.web.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the catalog, partner/distributor and user pages of the back office, English
 * ({@code messages/boc_en.properties}) and French ({@code messages/boc_fr.properties}); templates read them as
 * {@code {boc:key}}, {@link CatalogTexts} for the keys built at run time. A bundle of its own, like {@code bo}
 * ({@code BackOfficeCatalogMessagesTest} checks that both files and the methods hold the same keys).
 */
@MessageBundle(value = "boc", locale = "en")
public interface BackOfficeCatalogMessages {

    @Message
    String nav_catalog();

    @Message
    String nav_companies();

    @Message
    String nav_users();

    @Message
    String catalog_title();

    @Message
    String products_title();

    @Message
    String products_empty();

    @Message
    String product_new();

    @Message
    String product_create();

    @Message
    String product_new_tiers();

    @Message
    String product_details();

    @Message
    String product_name();

    @Message
    String product_type();

    @Message
    String product_type_hint();

    @Message
    String product_unit();

    @Message
    String product_description();

    @Message
    String product_activate();

    @Message
    String product_deactivate();

    @Message
    String pricing_mode();

    @Message
    String pricing_mode_hint();

    @Message
    String mode_volume();

    @Message
    String mode_graduated();

    @Message
    String active();

    @Message
    String inactive();

    @Message
    String save();

    @Message
    String unnamed();

    @Message
    String tiers_count();

    @Message
    String tiers_title();

    @Message
    String tiers_rules();

    @Message
    String tiers_none();

    @Message
    String tiers_save();

    @Message
    String tiers_valid();

    @Message
    String tiers_problems(Object count);

    @Message
    String tiers_refused();

    @Message
    String tier_row();

    @Message
    String tier_min();

    @Message
    String tier_max();

    @Message
    String tier_price();

    @Message
    String tier_period();

    @Message
    String tier_min_of(Object n);

    @Message
    String tier_max_of(Object n);

    @Message
    String tier_price_of(Object n);

    @Message
    String tier_period_of(Object n);

    @Message
    String tier_add();

    @Message
    String tier_remove();

    @Message
    String tier_remove_label(Object n);

    @Message
    String tier_problem(Object row, Object column);

    @Message
    String period_month();

    @Message
    String period_year();

    @Message
    String tier_required();

    @Message
    String tier_period_required();

    @Message
    String tier_not_negative();

    @Message
    String tier_max_above_min();

    @Message
    String tier_price_positive();

    @Message
    String tier_price_max(Object max);

    @Message
    String tier_decimals(Object count);

    @Message
    String tier_at_least_one();

    @Message
    String tier_at_most(Object max);

    @Message
    String tier_first_start();

    @Message
    String tier_same_period(Object period);

    @Message
    String tier_open_ended_last();

    @Message
    String tier_sorted();

    @Message
    String tier_overlap(Object start);

    @Message
    String tier_gap(Object start);

    @Message
    String tier_whole_number();

    @Message
    String tier_number();

    @Message
    String preview_caption();

    @Message
    String preview_quantity();

    @Message
    String preview_current();

    @Message
    String preview_per_month();

    @Message
    String preview_no_tier();

    @Message
    String saved_created();

    @Message
    String saved_details();

    @Message
    String saved_tiers();

    @Message
    String saved_activated();

    @Message
    String saved_deactivated();

    @Message
    String saved_assigned();

    @Message
    String saved_unassigned();

    @Message
    String saved_reactivated();

    @Message
    String durations_title();

    @Message
    String durations_intro();

    @Message
    String durations_empty();

    @Message
    String duration_name();

    @Message
    String duration_months();

    @Message
    String duration_discount();

    @Message
    String duration_name_of(Object months);

    @Message
    String duration_months_of(Object months);

    @Message
    String duration_discount_of(Object months);

    @Message
    String duration_save_of(Object months);

    @Message
    String duration_delete_of(Object months);

    @Message
    String duration_delete();

    @Message
    String duration_create();

    @Message
    String duration_created();

    @Message
    String duration_updated();

    @Message
    String duration_deleted();

    @Message
    String companies_title();

    @Message
    String partners_title();

    @Message
    String distributors_title();

    @Message
    String companies_empty();

    @Message
    String partner_new();

    @Message
    String distributor_new();

    @Message
    String company_create();

    @Message
    String company_profile();

    @Message
    String company_activate();

    @Message
    String company_deactivate();

    @Message
    String company_delete();

    @Message
    String company_name();

    @Message
    String company_legal_name();

    @Message
    String company_registration_number();

    @Message
    String company_email();

    @Message
    String company_phone();

    @Message
    String company_website();

    @Message
    String company_address_line1();

    @Message
    String company_address_line2();

    @Message
    String company_city();

    @Message
    String company_postal_code();

    @Message
    String company_country();

    @Message
    String company_notes();

    @Message
    String company_users();

    @Message
    String company_users_none();

    @Message
    String assignments_distributors();

    @Message
    String assignments_partners();

    @Message
    String assignments_none();

    @Message
    String assigned_at();

    @Message
    String assignment_deactivate();

    @Message
    String assignment_reactivate();

    @Message
    String assignment_deactivate_of(Object name);

    @Message
    String assignment_reactivate_of(Object name);

    @Message
    String assign_to_distributor();

    @Message
    String assign_partner();

    @Message
    String assign_notes();

    @Message
    String assign();

    @Message
    String users_title();

    @Message
    String users_intro();

    @Message
    String users_empty();

    @Message
    String users_invite();

    @Message
    String users_invite_intro();

    @Message
    String users_invite_send();

    @Message
    String users_invited_mailed(Object email);

    @Message
    String users_invited_by_admin(Object email);

    @Message
    String user_name();

    @Message
    String user_username();

    @Message
    String user_email();

    @Message
    String user_role();

    @Message
    String user_company();

    @Message
    String user_partner();

    @Message
    String user_distributor();

    @Message
    String user_provider();

    @Message
    String user_enabled();

    @Message
    String user_disabled();

    @Message
    String dir_title();

    @Message
    String dir_intro();

    @Message
    String dir_search();

    @Message
    String dir_results(Object provider);

    @Message
    String dir_truncated(Object limit);

    @Message
    String dir_none();

    @Message
    String dir_already();

    @Message
    String dir_no_email();

    @Message
    String dir_provision();

    @Message
    String dir_provisioned(Object email);

    @Message
    String dir_link();
}
