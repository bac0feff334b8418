package com.tentabo.prm.application.provider.port.out;

import com.tentabo.prm.application.provider.BillingCustomerEntry;
import com.tentabo.prm.application.provider.BillingInvoice;
import com.tentabo.prm.application.provider.BillingInvoiceEntry;
import com.tentabo.prm.application.provider.BillingListPage;
import com.tentabo.prm.application.provider.BillingListQuery;
import com.tentabo.prm.application.provider.BillingQuoteEntry;
import com.tentabo.prm.application.provider.ProviderFailure;
import com.tentabo.prm.application.provider.ProviderSettings;
import com.tentabo.prm.application.provider.QuoteReceipt;
import com.tentabo.prm.application.provider.QuoteRequest;
import java.util.List;
import java.util.Optional;

/**
 * A billing provider (Pennylane, …). One implementation per provider; the active one is chosen at delivery time by
 * {@link #providerName()} matching the active {@code provider_configs} row of type BILLING.
 */
public interface BillingGateway {

    String providerName();

    /**
     * Issues the quote of a sent order, or finds the one an earlier attempt already issued for the same order.
     *
     * @throws ProviderFailure when the provider does not accept it
     */
    QuoteReceipt requestQuote(ProviderSettings settings, QuoteRequest request);

    /**
     * Every invoice the provider issued from the quote {@code quoteId} (an order's {@code billing_quote_id}), in the
     * provider's order; empty when there is none yet.
     *
     * @throws ProviderFailure when the provider does not answer the list
     */
    List<BillingInvoice> invoicesForQuote(ProviderSettings settings, String quoteId);

    /**
     * The quotes the provider changed since {@code since} (first page) or from {@code cursor} (next pages), oldest
     * change first.
     *
     * @throws ProviderFailure when the provider does not answer the feed
     */
    com.tentabo.prm.application.provider.QuoteChangePage quoteChanges(
            ProviderSettings settings, java.time.Instant since, String cursor);

    /**
     * The quote as the provider holds it now, or empty when it no longer has it.
     *
     * @throws ProviderFailure when the provider cannot be read
     */
    Optional<com.tentabo.prm.application.provider.BillingQuote> quote(ProviderSettings settings, String quoteId);

    /**
     * A page of the provider's customers, restricted to {@code query.customerIds()} when set.
     *
     * @throws ProviderFailure when the provider does not answer the list
     */
    default BillingListPage<BillingCustomerEntry> customers(ProviderSettings settings, BillingListQuery query) {
        throw ProviderFailure.permanent(providerName() + " cannot list its customers");
    }

    /**
     * A page of the provider's customer invoices, newest first, filtered as the query says.
     *
     * @throws ProviderFailure when the provider does not answer the list
     */
    default BillingListPage<BillingInvoiceEntry> invoices(ProviderSettings settings, BillingListQuery query) {
        throw ProviderFailure.permanent(providerName() + " cannot list its invoices");
    }

    /**
     * One customer invoice, or empty when the provider has none with this id.
     *
     * @throws ProviderFailure when the provider cannot be read
     */
    default Optional<BillingInvoiceEntry> invoice(ProviderSettings settings, String invoiceId) {
        throw ProviderFailure.permanent(providerName() + " cannot read an invoice");
    }

    /**
     * A page of the provider's quotes, newest first, filtered as the query says.
     *
     * @throws ProviderFailure when the provider does not answer the list
     */
    default BillingListPage<BillingQuoteEntry> quotes(ProviderSettings settings, BillingListQuery query) {
        throw ProviderFailure.permanent(providerName() + " cannot list its quotes");
    }
}
