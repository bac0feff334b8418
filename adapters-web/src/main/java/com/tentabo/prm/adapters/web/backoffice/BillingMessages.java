package com.tentabo.prm.adapters.web.backoffice;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the billing pages ({@link BillingPage}), English ({@code messages/bil_en.properties}) and French
 * ({@code messages/bil_fr.properties}); templates read them as {@code {bil:key}}, and the keys built at run time
 * start with {@code bil_}. A bundle of its own, as {@link BackOfficeMessages}: Quarkus splits a bundle past 300
 * messages.
 */
@MessageBundle(value = "bil", locale = "en")
public interface BillingMessages {

    @Message
    String nav_billing();

    @Message
    String title();

    @Message
    String intro();

    @Message
    String sections();

    @Message
    String bil_tab_invoices();

    @Message
    String bil_tab_quotes();

    @Message
    String bil_tab_customers();

    @Message
    String status();

    @Message
    String any_status();

    @Message
    String date_from();

    @Message
    String date_to();

    @Message
    String apply();

    @Message
    String bil_status_draft();

    @Message
    String bil_status_finalized();

    @Message
    String bil_status_pending();

    @Message
    String bil_status_accepted();

    @Message
    String bil_status_denied();

    @Message
    String bil_status_invoiced();

    @Message
    String bil_status_expired();

    @Message
    String paid();

    @Message
    String number();

    @Message
    String date();

    @Message
    String deadline();

    @Message
    String amount();

    @Message
    String remaining();

    @Message
    String contract();

    @Message
    String order();

    @Message
    String see_contract();

    @Message
    String see_order();

    @Message
    String no_contract();

    @Message
    String no_order();

    @Message
    String bil_link_quote();

    @Message
    String bil_link_manual();

    @Message
    String bil_link_not_contract_related();

    @Message
    String customer_name();

    @Message
    String customer_type();

    @Message
    String customer_reference();

    @Message
    String customer_emails();

    @Message
    String customer_company();

    @Message
    String none();

    @Message
    String first_page();

    @Message
    String next_page();

    @Message
    String back();

    @Message
    String invoice_title();

    @Message
    String invoice_details();

    @Message
    String provider();

    @Message
    String saved();

    @Message
    String link_title();

    @Message
    String link_intro();

    @Message
    String link_contract();

    @Message
    String link_attach();

    @Message
    String link_not_related();

    @Message
    String link_forget();
}
