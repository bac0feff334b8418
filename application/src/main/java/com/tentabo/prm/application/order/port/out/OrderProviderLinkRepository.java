package com.tentabo.prm.application.order.port.out;

import com.tentabo.prm.domain.id.OrderId;
import java.util.Map;
import java.util.Optional;

/**
 * The order's references in the billing provider and the CRM ({@code orders.billing_provider}, {@code billing_quote_id},
 * {@code billing_metadata}, {@code crm_provider}, {@code crm_deal_id}, {@code crm_metadata}), written when the outbox
 * delivers. They are not part of the order's version: recording them never makes a client's {@code If-Match} stale.
 */
public interface OrderProviderLinkRepository {

    record Link(String provider, String remoteId, Map<String, Object> metadata) {}

    Optional<Link> billingQuote(OrderId orderId);

    Optional<Link> crmDeal(OrderId orderId);

    void recordBillingQuote(OrderId orderId, Link link);

    /** The order's billing link read after locking the order's row until the transaction ends. */
    Optional<Link> lockBillingQuote(OrderId orderId);

    /** The order whose quote this is in the billing provider (name compared ignoring case), if any. */
    Optional<OrderId> orderOfBillingQuote(String provider, String quoteId);

    void recordCrmDeal(OrderId orderId, Link link);
}
