package com.tentabo.prm.adapters.web.support;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's texts, English ({@code messages/msg_en.properties}) and French ({@code messages/msg_fr.properties}):
 * templates read them as {@code {msg:key}}; both files hold the same keys (checked by a test). One method per key.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message
    String skip_to_content();

    @Message
    String nav_label();

    @Message
    String nav_dashboard();

    @Message
    String nav_leads();

    @Message
    String nav_quote();

    @Message
    String nav_orders();

    @Message
    String nav_contracts();

    @Message
    String nav_partners();

    @Message
    String nav_account();

    @Message
    String language();

    @Message
    String sign_out();

    @Message
    String sign_in();

    @Message
    String sign_in_title();

    @Message
    String sign_in_intro();

    @Message
    String username();

    @Message
    String password();

    @Message
    String sign_in_refused();

    @Message
    String sign_in_missing();

    @Message
    String sign_in_expired();

    @Message
    String sign_in_throttled();

    @Message
    String sign_in_not_allowed();

    @Message
    String sign_in_with(Object provider);

    @Message
    String sign_in_disabled();

    @Message
    String sign_in_oidc_refused();

    @Message
    String sign_in_oidc_cancelled();

    @Message
    String sign_in_oidc_unavailable();

    @Message
    String signed_in();

    @Message
    String signed_in_continue();

    @Message
    String error_title();

    @Message
    String error_bad_request();

    @Message
    String error_unauthenticated();

    @Message
    String error_forbidden();

    @Message
    String error_not_found();

    @Message
    String error_method_not_allowed();

    @Message
    String error_not_acceptable();

    @Message
    String error_unsupported_media_type();

    @Message
    String error_conflict();

    @Message
    String error_precondition_failed();

    @Message
    String error_unprocessable();

    @Message
    String error_too_many_requests();

    @Message
    String error_unavailable();

    @Message
    String error_internal();

    @Message
    String error_back();

    @Message
    String error_details();

    @Message
    String dashboard_title();

    @Message
    String dashboard_action();

    @Message
    String dashboard_to_send(Object count);

    @Message
    String dashboard_renew_soon();

    @Message
    String dashboard_pipeline();

    @Message
    String dashboard_open(Object count);

    @Message
    String dashboard_orders();

    @Message
    String dashboard_revenue(Object currency);

    @Message
    String dashboard_revenue_caption();

    @Message
    String dashboard_renewals();

    @Message
    String dashboard_renewals_count(Object count, Object days);

    @Message
    String dashboard_bookings();

    @Message
    String dashboard_bookings_caption();

    @Message
    String dashboard_month();

    @Message
    String dashboard_order_count();

    @Message
    String dashboard_net();

    @Message
    String dashboard_mrr();

    @Message
    String dashboard_mrr_contracts(Object count);

    @Message
    String dashboard_top_partners();

    @Message
    String dashboard_top_caption();

    @Message
    String within_days(Object days);

    @Message
    String days_left(Object days);

    @Message
    String none();

    @Message
    String status();

    @Message
    String count();

    @Message
    String value();

    @Message
    String total();

    @Message
    String contract();

    @Message
    String expires();

    @Message
    String role_admin();

    @Message
    String role_restricted_admin();

    @Message
    String role_partner();

    @Message
    String role_distributor();

    @Message
    String role_fulfiller();

    @Message
    String lead_status_new();

    @Message
    String lead_status_contacted();

    @Message
    String lead_status_qualified();

    @Message
    String lead_status_proposal();

    @Message
    String lead_status_negotiation();

    @Message
    String lead_status_won();

    @Message
    String lead_status_lost();

    @Message
    String order_status_created();

    @Message
    String order_status_sent();

    @Message
    String order_status_in_fulfillment();

    @Message
    String order_status_fulfilled();

    @Message
    String order_status_cancelled();

    @Message
    String contract_status_active();

    @Message
    String contract_status_expired();

    @Message
    String contract_status_cancelled();

    @Message
    String contract_status_lost();

    @Message
    String contract_status_upgraded();

    @Message
    String contract_status_downgraded();

    @Message
    String activity_type_call();

    @Message
    String activity_type_email();

    @Message
    String activity_type_meeting();

    @Message
    String activity_type_task();

    @Message
    String activity_type_deadline();

    @Message
    String activity_type_lunch();

    @Message
    String activity_type_other();

    @Message
    String leads_title();

    @Message
    String leads_board();

    @Message
    String leads_list();

    @Message
    String lead_new();

    @Message
    String lead_edit();

    @Message
    String lead_save();

    @Message
    String lead_create();

    @Message
    String lead_title();

    @Message
    String lead_organization();

    @Message
    String lead_contact_name();

    @Message
    String lead_contact_email();

    @Message
    String lead_contact_phone();

    @Message
    String lead_value();

    @Message
    String lead_currency();

    @Message
    String lead_probability();

    @Message
    String lead_close_date();

    @Message
    String lead_partner();

    @Message
    String lead_owner();

    @Message
    String lead_details();

    @Message
    String lead_created();

    @Message
    String lead_updated();

    @Message
    String board_hint();

    @Message
    String board_move();

    @Message
    String board_move_to();

    @Message
    String board_move_label(Object title);

    @Message
    String board_empty();

    @Message
    String board_more(Object count);

    @Message
    String reason();

    @Message
    String reason_optional();

    @Message
    String filter();

    @Message
    String filters();

    @Message
    String search();

    @Message
    String search_hint();

    @Message
    String any();

    @Message
    String apply();

    @Message
    String next_page();

    @Message
    String first_page();

    @Message
    String all_partners();

    @Message
    String status_change();

    @Message
    String status_change_none();

    @Message
    String status_history();

    @Message
    String activities();

    @Message
    String activity_add();

    @Message
    String activity_type();

    @Message
    String activity_subject();

    @Message
    String activity_due();

    @Message
    String activity_done();

    @Message
    String activity_mark_done();

    @Message
    String activity_mark_open();

    @Message
    String activity_open();

    @Message
    String notes();

    @Message
    String note_add();

    @Message
    String note_content();

    @Message
    String note_internal();

    @Message
    String note_pinned();

    @Message
    String quote_title();

    @Message
    String quote_intro();

    @Message
    String quote_line(Object n);

    @Message
    String quote_product();

    @Message
    String quote_duration();

    @Message
    String quote_quantity();

    @Message
    String quote_add_line();

    @Message
    String quote_remove_line(Object n);

    @Message
    String quote_price();

    @Message
    String quote_bands();

    @Message
    String quote_band(Object first, Object last);

    @Message
    String quote_unit_price();

    @Message
    String quote_term_unit_price();

    @Message
    String quote_gross();

    @Message
    String quote_discount();

    @Message
    String quote_net();

    @Message
    String quote_subtotal();

    @Message
    String quote_vat();

    @Message
    String quote_total();

    @Message
    String quote_monthly();

    @Message
    String quote_empty();

    @Message
    String quote_place();

    @Message
    String quote_convert(Object title);

    @Message
    String quote_for_lead();

    @Message
    String quote_no_lead();

    @Message
    String quote_months(Object months);

    @Message
    String quote_partner();

    @Message
    String orders_title();

    @Message
    String order_number();

    @Message
    String order_date();

    @Message
    String order_items();

    @Message
    String order_product();

    @Message
    String order_total();

    @Message
    String order_send();

    @Message
    String order_cancel();

    @Message
    String order_cancel_reason();

    @Message
    String order_sent_at();

    @Message
    String order_tax();

    @Message
    String order_lead();

    @Message
    String order_kind();

    @Message
    String order_kind_new();

    @Message
    String order_kind_renewal();

    @Message
    String order_kind_upgrade();

    @Message
    String order_kind_downgrade();

    @Message
    String order_placed();

    @Message
    String contracts_title();

    @Message
    String contracts_expiring();

    @Message
    String contracts_all();

    @Message
    String contract_number();

    @Message
    String contract_activation();

    @Message
    String contract_expiration();

    @Message
    String contract_value();

    @Message
    String contract_invoices();

    @Message
    String contract_invoice_number();

    @Message
    String contract_invoice_date();

    @Message
    String contract_invoice_amount();

    @Message
    String contract_invoice_status();

    @Message
    String contract_invoices_none();

    @Message
    String contract_renewal();

    @Message
    String contract_renew();

    @Message
    String contract_renewal_order(Object number);

    @Message
    String contract_order();

    @Message
    String account_title();

    @Message
    String account_profile();

    @Message
    String account_role();

    @Message
    String account_company();

    @Message
    String account_password();

    @Message
    String account_password_directory();

    @Message
    String password_current();

    @Message
    String password_new();

    @Message
    String password_repeat();

    @Message
    String password_rules();

    @Message
    String password_rules_broken();

    @Message
    String password_repeat_differs();

    @Message
    String password_current_wrong();

    @Message
    String password_change();

    @Message
    String password_changed();

    @Message
    String invitation_title();

    @Message
    String invitation_intro();

    @Message
    String invitation_submit();

    @Message
    String invitation_invalid();

    @Message
    String invitation_not_allowed();

    @Message
    String form_expired();

    @Message
    String api_keys();

    @Message
    String api_keys_intro();

    @Message
    String api_key_name();

    @Message
    String api_key_scopes();

    @Message
    String api_key_read_only();

    @Message
    String api_key_read_write();

    @Message
    String api_key_expires();

    @Message
    String api_key_create();

    @Message
    String api_key_created();

    @Message
    String api_key_prefix();

    @Message
    String api_key_last_used();

    @Message
    String api_key_revoke();

    @Message
    String api_key_revoke_named(Object name);

    @Message
    String api_key_revoked();

    @Message
    String api_key_never();

    @Message
    String partners_title();

    @Message
    String partner_name();

    @Message
    String partner_city();

    @Message
    String partner_country();

    @Message
    String partner_leads();

    @Message
    String partner_orders();

    @Message
    String yes();

    @Message
    String no();

    @Message
    String actions();

    @Message
    String nav_inbox();

    @Message
    String inbox_title();

    @Message
    String inbox_show();

    @Message
    String inbox_all();

    @Message
    String inbox_unread_only();

    @Message
    String inbox_unread();

    @Message
    String inbox_unread_mark();

    @Message
    String inbox_mark_read();

    @Message
    String inbox_mark_all_read();

    @Message
    String inbox_open();

    @Message
    String inbox_empty();
}
