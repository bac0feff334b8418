package com.tentabo.prm.domain.order;

/**
 * Where an order lives in the billing provider and the CRM once its quote and deal were delivered
 * ({@code orders.billing_provider}, {@code billing_quote_id}, {@code crm_provider}, {@code crm_deal_id}); all null
 * before. Only the delivery of the outbox sets them; no rule of the order depends on them.
 */
public record ProviderRefs(String billingProvider, String billingQuoteId, String crmProvider, String crmDealId) {
    public static final ProviderRefs NONE = new ProviderRefs(null, null, null, null);
}
