package com.tentabo.prm.adapters.persistence.order;

import com.tentabo.prm.adapters.persistence.shared.DayClauses;
import com.tentabo.prm.adapters.persistence.shared.ScopeClauses;
import com.tentabo.prm.adapters.persistence.shared.StoredMoney;
import com.tentabo.prm.application.audit.AuditEntry;
import com.tentabo.prm.application.order.port.out.OrderRepository;
import com.tentabo.prm.domain.access.TenantRef;
import com.tentabo.prm.domain.access.TenantScope;
import com.tentabo.prm.domain.id.ContractId;
import com.tentabo.prm.domain.id.DistributorId;
import com.tentabo.prm.domain.id.DurationId;
import com.tentabo.prm.domain.id.EntityId;
import com.tentabo.prm.domain.id.LeadId;
import com.tentabo.prm.domain.id.OrderId;
import com.tentabo.prm.domain.id.OrderItemId;
import com.tentabo.prm.domain.id.PartnerId;
import com.tentabo.prm.domain.id.ProductId;
import com.tentabo.prm.domain.id.UserId;
import com.tentabo.prm.domain.order.BillingQuoteFacts;
import com.tentabo.prm.domain.order.Order;
import com.tentabo.prm.domain.order.OrderItem;
import com.tentabo.prm.domain.order.OrderKind;
import com.tentabo.prm.domain.order.OrderTotals;
import com.tentabo.prm.domain.order.ProviderRefs;
import com.tentabo.prm.domain.pricing.Money;
import com.tentabo.prm.domain.shared.DomainException;
import com.tentabo.prm.domain.shared.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

@ApplicationScoped
public class JpaOrderRepository implements OrderRepository {

    private final EntityManager em;

    public JpaOrderRepository(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<Order> findById(OrderId orderId) {
        UUID id = orderId.value();
        OrderEntity e = em.find(OrderEntity.class, id);
        return e == null
                ? Optional.empty()
                : Optional.of(restore(e, itemsOf(List.of(id)).getOrDefault(id, List.of())));
    }

    @Override
    public long nextNumber() {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (var st = connection.prepareStatement("SELECT nextval('order_number_seq')");
                    var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** One statement for the order and its items ({@link OrderInsertSql}); pending entity changes are flushed first. */
    @Override
    public void insert(Order order, AuditEntry created) {
        Session session = em.unwrap(Session.class);
        session.flush();
        session.doWork(connection -> OrderInsertSql.insert(connection, order, created));
    }

    @Override
    public void update(Order order) {
        UUID id = order.id().value();
        OrderEntity e = em.find(OrderEntity.class, id);
        if (e == null) {
            throw DomainException.notFound(ErrorCode.ORDER_NOT_FOUND, "Order", order.id());
        }
        if (e.version != order.version()) {
            throw new DomainException(
                    ErrorCode.CONCURRENT_MODIFICATION,
                    "Order " + order.number() + " was changed by someone else meanwhile; read it again and retry");
        }
        boolean itemsChanged = !sameItems(itemsOf(List.of(id)).getOrDefault(id, List.of()), order.items());
        copy(order, e);
        if (itemsChanged) {
            em.createQuery("delete from OrderItemEntity i where i.orderId = :id")
                    .setParameter("id", id)
                    .executeUpdate();
            insertItems(order);
        }
        em.flush();
    }

    @Override
    public List<Order> list(OrderQuery query, TenantScope scope) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder jpql = new StringBuilder("select o from OrderEntity o where 1 = 1");
        jpql.append(ScopeClauses.of(scope, "o", params));
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            jpql.append(" and o.status in :statuses");
            params.put("statuses", query.statuses());
        }
        if (query.partnerId() != null) {
            jpql.append(" and o.partnerId = :partnerId");
            params.put("partnerId", query.partnerId().value());
        }
        if (query.distributorId() != null) {
            jpql.append(" and o.distributorId = :distributorId");
            params.put("distributorId", query.distributorId().value());
        }
        if (query.leadId() != null) {
            jpql.append(" and o.leadId = :leadId");
            params.put("leadId", query.leadId().value());
        }
        if (query.onlySent()) {
            jpql.append(" and o.sentAt is not null");
        }
        jpql.append(DayClauses.of(query.created(), "o.createdAt", "created", params));
        if (query.cursorCreatedAt() != null && query.cursorId() != null) {
            String past = query.oldestFirst() ? ">" : "<";
            jpql.append(" and (o.createdAt ")
                    .append(past)
                    .append(" :cursorAt or (o.createdAt = :cursorAt and o.id ")
                    .append(past)
                    .append(" :cursorId))");
            params.put("cursorAt", query.cursorCreatedAt());
            params.put("cursorId", query.cursorId().value());
        }
        jpql.append(
                query.oldestFirst() ? " order by o.createdAt asc, o.id asc" : " order by o.createdAt desc, o.id desc");
        TypedQuery<OrderEntity> q =
                em.createQuery(jpql.toString(), OrderEntity.class).setMaxResults(query.limit());
        params.forEach(q::setParameter);
        List<OrderEntity> rows = q.getResultList();
        Map<UUID, List<OrderItemEntity>> items =
                itemsOf(rows.stream().map(r -> r.id).toList());
        return rows.stream()
                .map(r -> restore(r, items.getOrDefault(r.id, List.of())))
                .toList();
    }

    @Override
    public boolean anyForProduct(ProductId productId) {
        return !em.createQuery("select i.id from OrderItemEntity i where i.productId = :p", UUID.class)
                .setParameter("p", productId.value())
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private void copy(Order order, OrderEntity e) {
        e.status = order.status();
        e.partnerId = EntityId.uuid(order.tenant().partnerId());
        e.distributorId = EntityId.uuid(order.tenant().distributorId());
        e.taxRate = order.taxRate();
        e.subtotal = order.totals().subtotal().amount();
        e.discountAmount = order.totals().discountAmount().amount();
        e.taxAmount = order.totals().taxAmount().amount();
        e.totalAmount = order.totals().totalAmount().amount();
        e.updatedAt = order.updatedAt();
        e.sentAt = order.sentAt();
        e.fulfilledAt = order.fulfilledAt();
        e.cancelledAt = order.cancelledAt();
    }

    private void insertItems(Order order) {
        for (OrderItem item : order.items()) {
            OrderItemEntity i = new OrderItemEntity();
            i.id = item.id().value();
            i.orderId = order.id().value();
            i.productId = item.productId().value();
            i.durationId = item.durationId().value();
            i.quantity = item.quantity();
            i.unitPrice = item.unitPrice();
            i.discountPercentage = item.discountPercentage();
            i.partnerDiscountPercentage = item.partnerDiscountPercentage();
            i.registrationBonusPercentage = item.registrationBonusPercentage();
            i.subtotal = item.subtotal().amount();
            i.discountAmount = item.discountAmount().amount();
            i.total = item.total().amount();
            i.productName = item.productName();
            i.productType = item.productType();
            i.productUnit = item.productUnit();
            i.durationMonths = item.durationMonths();
            i.priceBands =
                    item.bands().stream().map(JpaOrderRepository::bandRow).toList();
            i.createdAt = order.updatedAt();
            i.updatedAt = order.updatedAt();
            em.persist(i);
        }
    }

    private static boolean sameItems(List<OrderItemEntity> stored, List<OrderItem> items) {
        return stored.stream()
                .map(i -> i.id)
                .collect(Collectors.toSet())
                .equals(items.stream().map(item -> item.id().value()).collect(Collectors.toSet()));
    }

    private Map<UUID, List<OrderItemEntity>> itemsOf(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<OrderItemEntity>> byOrder = new LinkedHashMap<>();
        em.createQuery(
                        "select i from OrderItemEntity i where i.orderId in :ids order by i.createdAt, i.id",
                        OrderItemEntity.class)
                .setParameter("ids", orderIds)
                .getResultList()
                .forEach(i -> byOrder.computeIfAbsent(i.orderId, k -> new ArrayList<>())
                        .add(i));
        return byOrder;
    }

    /** One band of {@code order_items.price_bands}, as every write stores it. */
    static Map<String, Object> bandRow(OrderItem.Band band) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("units", band.units());
        row.put("tier_price", band.tierPrice().toPlainString());
        row.put("period", band.period());
        row.put("term_unit_price", band.termUnitPrice().toPlainString());
        row.put("gross", band.gross().toPlainString());
        row.put("net", band.net().toPlainString());
        return row;
    }

    private static OrderItem.Band band(Map<String, Object> row) {
        return new OrderItem.Band(
                ((Number) row.get("units")).intValue(),
                new BigDecimal(row.get("tier_price").toString()),
                (String) row.get("period"),
                new BigDecimal(row.get("term_unit_price").toString()),
                new BigDecimal(row.get("gross").toString()),
                new BigDecimal(row.get("net").toString()));
    }

    static Order restore(OrderEntity e, List<OrderItemEntity> itemRows) {
        Currency currency = StoredMoney.currency(e.currency);
        List<OrderItem> items =
                itemRows.stream().map(i -> restoreItem(i, currency)).toList();
        OrderTotals totals = new OrderTotals(
                Money.of(e.subtotal, currency),
                Money.of(e.discountAmount, currency),
                Money.of(e.taxAmount, currency),
                Money.of(e.totalAmount, currency));
        return Order.restore(
                new OrderId(e.id),
                e.orderNumber,
                e.status,
                OrderKind.valueOf(e.kind),
                ContractId.ofNullable(e.replacesContractId),
                new TenantRef(PartnerId.ofNullable(e.partnerId), DistributorId.ofNullable(e.distributorId)),
                LeadId.ofNullable(e.leadId),
                new UserId(e.createdBy),
                currency,
                e.taxRate != null ? e.taxRate : legacyTaxRate(totals),
                items,
                totals,
                e.createdAt,
                e.updatedAt,
                e.sentAt,
                e.fulfilledAt,
                e.cancelledAt,
                e.version,
                new ProviderRefs(
                        e.billingProvider,
                        e.billingQuoteId,
                        e.crmProvider,
                        e.crmDealId,
                        billingQuote(e.billingQuoteId, e.billingMetadata)));
    }

    /**
     * The billing provider's facts of the quote from {@code billing_metadata}, read defensively (a legacy value that
     * is not what the PRM writes reads as unknown); null when the order has no quote.
     */
    static BillingQuoteFacts billingQuote(String quoteId, Map<String, Object> metadata) {
        if (quoteId == null || metadata == null) {
            return null;
        }
        Object match = metadata.get("totals_match");
        return new BillingQuoteFacts(
                text(metadata.get("status")),
                text(metadata.get("quote_number")),
                decimal(metadata.get("amount_before_tax")),
                decimal(metadata.get("amount")),
                match instanceof Boolean flag ? flag : null,
                decimal(metadata.get("prm_amount_before_tax")),
                text(metadata.get("status_synced_at")));
    }

    private static String text(Object value) {
        return value == null || value instanceof Map || value instanceof List ? null : value.toString();
    }

    private static BigDecimal decimal(Object value) {
        String text = text(value);
        try {
            return text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static OrderItem restoreItem(OrderItemEntity i, Currency currency) {
        BigDecimal discount = i.discountAmount != null ? i.discountAmount : i.subtotal.subtract(i.total);
        List<OrderItem.Band> bands = i.priceBands == null
                ? List.of()
                : i.priceBands.stream().map(JpaOrderRepository::band).toList();
        return new OrderItem(
                new OrderItemId(i.id),
                new ProductId(i.productId),
                new DurationId(i.durationId),
                i.quantity,
                i.unitPrice,
                i.discountPercentage != null ? i.discountPercentage : BigDecimal.ZERO,
                Money.of(i.subtotal, currency),
                Money.of(discount, currency),
                Money.of(i.total, currency),
                i.productName,
                i.productType,
                i.productUnit,
                i.durationMonths,
                bands,
                i.partnerDiscountPercentage,
                i.registrationBonusPercentage);
    }

    /** Legacy orders did not store their VAT rate: derive it from their stored amounts. */
    private static BigDecimal legacyTaxRate(OrderTotals totals) {
        BigDecimal net = totals.totalAmount().minus(totals.taxAmount()).amount();
        if (net.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return totals.taxAmount().amount().multiply(BigDecimal.valueOf(100)).divide(net, 2, RoundingMode.HALF_UP);
    }
}
