package com.tentabo.prm.adapters.web.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the back-office pages, English ({@code messages/bo_en.properties}) and French
 * ({@code messages/bo_fr.properties}); templates read them as {@code {bo:key}}. A bundle of its own: Quarkus generates
 * one resolver per bundle and splits it past 300 messages, which the {@code msg} bundle must stay under.
 * {@code ConsoleMessagesTest} checks that both files and the methods hold the same keys.
 */
@MessageBundle(value = "bo", locale = "en")
public interface BackOfficeMessages {

    @Message
    String nav_fulfilment();

    @Message
    String fulfilment_title();

    @Message
    String fulfilment_intro();

    @Message
    String fulfilment_action();

    @Message
    String fulfilment_start();

    @Message
    String fulfilment_finish();

    @Message
    String fulfilment_start_label(Object number);

    @Message
    String fulfilment_finish_label(Object number);

    @Message
    String fulfilment_started(Object number);

    @Message
    String fulfilment_empty();

    @Message
    String order_activate_contract();

    @Message
    String order_activation_date();

    @Message
    String order_contract();

    @Message
    String nav_approvals();

    @Message
    String approvals_title();

    @Message
    String approvals_intro();

    @Message
    String approvals_waiting();

    @Message
    String approvals_disabled();

    @Message
    String approvals_provider();

    @Message
    String approvals_since();

    @Message
    String approvals_last_login();

    @Message
    String approvals_role();

    @Message
    String approvals_partner();

    @Message
    String approvals_distributor();

    @Message
    String approvals_approve();

    @Message
    String approvals_done(Object who);

    @Message
    String approvals_empty();

    @Message
    String order_billing_title();

    @Message
    String order_billing_number();

    @Message
    String order_billing_status();

    @Message
    String order_billing_status_pending();

    @Message
    String order_billing_status_accepted();

    @Message
    String order_billing_status_denied();

    @Message
    String order_billing_status_invoiced();

    @Message
    String order_billing_status_expired();

    @Message
    String order_billing_amount_before_tax();

    @Message
    String order_billing_amount();

    @Message
    String order_billing_synced();

    @Message
    String order_billing_totals_match();

    @Message
    String order_billing_totals_differ(String quote, String order);
}
