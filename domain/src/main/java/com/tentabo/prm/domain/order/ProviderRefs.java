package com.tentabo.prm.domain.order;

/**
 * Where an order lives in the billing provider and the CRM once its quote and deal were delivered
 * ({@code orders.billing_provider}, {@code billing_quote_id}, {@code crm_provider}, {@code crm_deal_id}); all null
 * before; and what the billing provider says of the quote ({@link BillingQuoteFacts}, from {@code billing_metadata}),
 * null before. Only the providers set them; no rule of the order depends on them.
 */
public record ProviderRefs(
        String billingProvider,
        String billingQuoteId,
        String crmProvider,
        String crmDealId,
        BillingQuoteFacts billingQuote) {
    public static final ProviderRefs NONE = new ProviderRefs(null, null, null, null);

    /** References without the billing provider's facts of the quote. */
    public ProviderRefs(String billingProvider, String billingQuoteId, String crmProvider, String crmDealId) {
        this(billingProvider, billingQuoteId, crmProvider, crmDealId, null);
    }
}
