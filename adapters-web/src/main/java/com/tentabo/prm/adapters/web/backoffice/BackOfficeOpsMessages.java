package com.tentabo.prm.adapters.web.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the back office's operations pages (orders and contracts for staff, providers, audit trail), English
 * ({@code messages/bop_en.properties}) and French ({@code messages/bop_fr.properties}); templates read them as
 * {@code {bop:key}}. A bundle of its own, as {@link BackOfficeMessages}: Quarkus splits a bundle past 300 messages.
 * {@code BackOfficeOpsMessagesTest} checks that both files and the methods hold the same keys.
 */
@MessageBundle(value = "bop", locale = "en")
public interface BackOfficeOpsMessages {

    @Message
    String nav_providers();

    @Message
    String nav_audit();

    @Message
    String clear_filters();

    @Message
    String filter_partner();

    @Message
    String filter_distributor();

    @Message
    String all_distributors();

    @Message
    String filter_created_from();

    @Message
    String filter_created_to();

    @Message
    String filter_activated_from();

    @Message
    String filter_activated_to();

    @Message
    String filter_expires_from();

    @Message
    String filter_expires_to();

    @Message
    String contract_ended();

    @Message
    String lifecycle_title();

    @Message
    String lifecycle_intro();

    @Message
    String lifecycle_renew();

    @Message
    String lifecycle_change();

    @Message
    String lifecycle_change_submit();

    @Message
    String lifecycle_kind();

    @Message
    String lifecycle_upgrade();

    @Message
    String lifecycle_downgrade();

    @Message
    String lifecycle_quantity(Object product, Object months);

    @Message
    String lifecycle_reason();

    @Message
    String lifecycle_add();

    @Message
    String lifecycle_add_product();

    @Message
    String lifecycle_add_duration();

    @Message
    String lifecycle_add_quantity();

    @Message
    String lifecycle_add_none();

    @Message
    String lifecycle_end();

    @Message
    String lifecycle_end_as();

    @Message
    String lifecycle_none();

    @Message
    String providers_title();

    @Message
    String providers_intro();

    @Message
    String providers_sections();

    @Message
    String provider_name();

    @Message
    String provider_name_help();

    @Message
    String provider_type();

    @Message
    String type_crm();

    @Message
    String type_billing();

    @Message
    String type_auth();

    @Message
    String provider_active();

    @Message
    String provider_is_active();

    @Message
    String provider_inactive();

    @Message
    String provider_health();

    @Message
    String provider_last_check();

    @Message
    String provider_credentials();

    @Message
    String credential_set();

    @Message
    String credential_not_set();

    @Message
    String credentials_unreadable();

    @Message
    String provider_new();

    @Message
    String provider_settings();

    @Message
    String provider_settings_help();

    @Message
    String provider_no_settings();

    @Message
    String credential_name();

    @Message
    String credential_value();

    @Message
    String credential_help();

    @Message
    String credential_replace();

    @Message
    String credential_remove();

    @Message
    String provider_activate_now();

    @Message
    String provider_create();

    @Message
    String provider_edit();

    @Message
    String provider_save();

    @Message
    String provider_saved();

    @Message
    String provider_activate();

    @Message
    String provider_deactivate();

    @Message
    String provider_activated();

    @Message
    String provider_deactivated();

    @Message
    String provider_health_check();

    @Message
    String provider_checked();

    @Message
    String provider_sync();

    @Message
    String health_healthy();

    @Message
    String health_degraded();

    @Message
    String health_offline();

    @Message
    String health_unknown();

    @Message
    String health_history();

    @Message
    String health_checked_at();

    @Message
    String health_source();

    @Message
    String health_source_manual();

    @Message
    String health_source_scheduled();

    @Message
    String health_source_call();

    @Message
    String health_error();

    @Message
    String sync_logs();

    @Message
    String sync_started();

    @Message
    String sync_entity();

    @Message
    String sync_records();

    @Message
    String sync_failed();

    @Message
    String sync_errors();

    @Message
    String sync_done(Object synced, Object failed);

    @Message
    String outbox_title();

    @Message
    String outbox_intro();

    @Message
    String webhooks_title();

    @Message
    String webhooks_intro();

    @Message
    String event_created();

    @Message
    String event_received();

    @Message
    String event_topic();

    @Message
    String event_type();

    @Message
    String event_attempts();

    @Message
    String event_next_attempt();

    @Message
    String event_error();

    @Message
    String event_payload();

    @Message
    String event_action();

    @Message
    String event_order();

    @Message
    String event_requeue();

    @Message
    String event_requeue_label(Object what);

    @Message
    String event_requeued(Object what);

    @Message
    String audit_title();

    @Message
    String audit_intro();

    @Message
    String audit_entity_type();

    @Message
    String audit_entity_id();

    @Message
    String audit_actor();

    @Message
    String audit_actor_help();

    @Message
    String audit_action();

    @Message
    String audit_since();

    @Message
    String audit_until();

    @Message
    String audit_when();

    @Message
    String audit_record();

    @Message
    String audit_changes();

    @Message
    String audit_field();

    @Message
    String audit_before();

    @Message
    String audit_after();

    @Message
    String audit_system();

    @Message
    String provider_delete();

    @Message
    String provider_delete_intro();

    @Message
    String provider_delete_confirm();

    @Message
    String provider_deleted();
}
