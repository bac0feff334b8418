package com.tentabo.prm.adapters.persistence.order;

import com.tentabo.prm.adapters.persistence.shared.JsonText;
import com.tentabo.prm.adapters.persistence.shared.SqlRows;
import com.tentabo.prm.application.order.port.out.OrderProviderLinkRepository;
import com.tentabo.prm.domain.id.OrderId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the provider columns of {@code orders} only: the order's version and {@code updated_at} stay as they are, so
 * a delivery never races a person's change of the order.
 */
@ApplicationScoped
public class JpaOrderProviderLinkRepository implements OrderProviderLinkRepository {

    private final EntityManager em;

    public JpaOrderProviderLinkRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Link> billingQuote(OrderId orderId) {
        return Optional.ofNullable(em.find(OrderEntity.class, orderId.value()))
                .filter(o -> o.billingQuoteId != null)
                .map(o -> new Link(o.billingProvider, o.billingQuoteId, o.billingMetadata));
    }

    @Override
    public Optional<Link> crmDeal(OrderId orderId) {
        return Optional.ofNullable(em.find(OrderEntity.class, orderId.value()))
                .filter(o -> o.crmDealId != null)
                .map(o -> new Link(o.crmProvider, o.crmDealId, o.crmMetadata));
    }

    @Override
    public void recordBillingQuote(OrderId orderId, Link link) {
        record("billing_provider", "billing_quote_id", "billing_metadata", orderId, link);
    }

    @Override
    public Optional<Link> lockBillingQuote(OrderId orderId) {
        if (SqlRows.query(
                        em,
                        "SELECT id FROM orders WHERE id = ? FOR UPDATE",
                        List.of(orderId.value()),
                        rs -> rs.getObject(1))
                .isEmpty()) {
            return Optional.empty();
        }
        OrderEntity cached = em.find(OrderEntity.class, orderId.value());
        em.refresh(cached);
        return billingQuote(orderId);
    }

    @Override
    public Optional<OrderId> orderOfBillingQuote(String provider, String quoteId) {
        return SqlRows.query(
                        em,
                        "SELECT id FROM orders WHERE billing_quote_id = ? AND lower(billing_provider) = lower(?) "
                                + "ORDER BY created_at, id LIMIT 1",
                        List.of(quoteId, provider),
                        rs -> new OrderId(rs.getObject(1, UUID.class)))
                .stream()
                .findFirst();
    }

    @Override
    public void recordCrmDeal(OrderId orderId, Link link) {
        record("crm_provider", "crm_deal_id", "crm_metadata", orderId, link);
    }

    /**
     * One UPDATE of the three columns, never through the entity (whose {@code @Version} would move). The metadata
     * keeps what the old system stored and adds, or replaces, what the provider answered.
     */
    private void record(String providerColumn, String idColumn, String metadataColumn, OrderId orderId, Link link) {
        em.createNativeQuery("UPDATE orders SET " + providerColumn + " = ?2, " + idColumn + " = ?3, " + metadataColumn
                        + " = COALESCE(" + metadataColumn + ", '{}'::jsonb) || CAST(?4 AS jsonb) WHERE id = ?1")
                .setParameter(1, orderId.value())
                .setParameter(2, link.provider())
                .setParameter(3, link.remoteId())
                .setParameter(4, JsonText.write(link.metadata()))
                .executeUpdate();
    }
}
