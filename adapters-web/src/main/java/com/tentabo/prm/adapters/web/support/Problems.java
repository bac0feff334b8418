package com.tentabo.prm.adapters.web.support;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The refusals the console shows, English ({@code messages/err_en.properties}) and French
 * ({@code messages/err_fr.properties}), apart from {@link Msg} (one bundle of every text grows past what Qute's
 * generated resolver handles): {@code code_*} a problem's headline by stable error code, {@code field_*} a field's
 * message by the constraint it breaks ({@link FieldMessages}). {@link Formats#t} reads keys of these two prefixes here.
 */
@MessageBundle(value = "err", locale = "en")
public interface Problems {

    @Message
    String code_validation_failed();

    @Message
    String code_malformed_request();

    @Message
    String code_route_not_found();

    @Message
    String code_resource_not_found();

    @Message
    String code_method_not_allowed();

    @Message
    String code_not_acceptable();

    @Message
    String code_unsupported_media_type();

    @Message
    String code_concurrent_modification();

    @Message
    String code_precondition_failed();

    @Message
    String code_duplicate_value();

    @Message
    String code_referenced_record_missing();

    @Message
    String code_business_rule_violated();

    @Message
    String code_idempotency_key_reused();

    @Message
    String code_service_unavailable();

    @Message
    String code_internal_error();

    @Message
    String code_unauthenticated();

    @Message
    String code_invalid_credentials();

    @Message
    String code_account_pending_approval();

    @Message
    String code_account_disabled();

    @Message
    String code_forbidden();

    @Message
    String code_too_many_login_attempts();

    @Message
    String code_user_not_found();

    @Message
    String code_admin_user_not_found();

    @Message
    String code_api_key_not_found();

    @Message
    String code_last_active_admin();

    @Message
    String code_username_taken();

    @Message
    String code_product_not_found();

    @Message
    String code_duration_not_found();

    @Message
    String code_invalid_price_tiers();

    @Message
    String code_no_tier_for_quantity();

    @Message
    String code_product_inactive();

    @Message
    String code_product_in_use();

    @Message
    String code_duration_in_use();

    @Message
    String code_partner_not_found();

    @Message
    String code_distributor_not_found();

    @Message
    String code_lead_not_found();

    @Message
    String code_illegal_lead_transition();

    @Message
    String code_assignment_not_found();

    @Message
    String code_assignment_exists();

    @Message
    String code_company_in_use();

    @Message
    String code_lead_activity_not_found();

    @Message
    String code_lead_note_not_found();

    @Message
    String code_lead_not_won();

    @Message
    String code_lead_in_use();

    @Message
    String code_orders_not_available();

    @Message
    String code_invalid_cursor();

    @Message
    String code_order_not_found();

    @Message
    String code_contract_not_found();

    @Message
    String code_illegal_order_transition();

    @Message
    String code_illegal_contract_transition();

    @Message
    String code_order_not_editable();

    @Message
    String code_order_not_fulfilled();

    @Message
    String code_contract_already_activated();

    @Message
    String code_contract_not_renewable();

    @Message
    String code_audit_log_not_found();

    @Message
    String code_provider_not_found();

    @Message
    String code_sync_log_not_found();

    @Message
    String code_webhook_event_not_found();

    @Message
    String code_provider_exists();

    @Message
    String code_provider_in_use();

    @Message
    String code_credentials_key_missing();

    @Message
    String code_outbox_event_not_found();

    @Message
    String code_outbox_event_not_requeueable();

    @Message
    String code_webhook_event_not_requeueable();

    @Message
    String code_assignment_not_active();

    @Message
    String code_rate_limited();

    @Message
    String code_payload_too_large();

    @Message
    String code_invitation_invalid();

    @Message
    String code_password_not_local();

    @Message
    String code_authentication_busy();

    @Message
    String code_credentials_required();

    @Message
    String code_insecure_provider_endpoint();

    @Message
    String code_registration_not_found();

    @Message
    String code_illegal_registration_transition();

    @Message
    String code_registration_exists();

    @Message
    String code_registration_extension_unavailable();

    @Message
    String code_programme_level_not_found();

    @Message
    String code_programme_level_in_use();

    @Message
    String code_notification_not_found();

    @Message
    String code_webhook_subscription_not_found();

    @Message
    String code_webhook_target_refused();

    @Message
    String code_directory_not_configured();

    @Message
    String code_directory_entry_not_found();

    @Message
    String code_billing_provider_not_active();

    @Message
    String code_billing_provider_failed();

    @Message
    String code_billing_invoice_not_found();

    @Message
    String field_required();

    @Message
    String field_not_blank();

    @Message
    String field_max_length(Object max);

    @Message
    String field_too_long();

    @Message
    String field_max_items(Object max);

    @Message
    String field_at_least_one();

    @Message
    String field_between(Object min, Object max);

    @Message
    String field_at_least(Object min);

    @Message
    String field_at_most(Object max);

    @Message
    String field_not_negative();

    @Message
    String field_decimals(Object count);

    @Message
    String field_amount();

    @Message
    String field_email();

    @Message
    String field_currency();

    @Message
    String field_taken();

    @Message
    String field_whole_number();

    @Message
    String field_number();

    @Message
    String field_date();

    @Message
    String field_phone();

    @Message
    String field_website();

    @Message
    String field_company_number();

    @Message
    String field_future();

    @Message
    String field_not_after(Object other);

    @Message
    String field_after(Object other);

    @Message
    String field_unknown_record();

    @Message
    String field_id();

    @Message
    String field_control_characters();

    @Message
    String field_cursor();

    @Message
    String field_choose_status();

    @Message
    String field_other(Object detail);
}
